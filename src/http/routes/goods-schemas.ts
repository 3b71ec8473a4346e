// Schemas shared by the routes of the checks at the post (vehicles, firearms, cash; issue 17).
import { Type } from "@sinclair/typebox";
import { oneOf } from "../schemas.js";
import { ApprovalSchema } from "./approvals.js";

export const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
export const Direction = oneOf(["entry", "exit"]);
export const Decision = oneOf(["refer", "clear"]);

/** One reason to look at a goods subject, with its evidence for the side-by-side view. */
export const SubjectHitReply = Type.Object({
  kind: Type.String(),
  priority: oneOf(["standard", "high", "immediate"]),
  list: Type.Optional(Type.String()),
  entityId: Type.Optional(Type.String()),
  score: Type.Optional(Type.Number()),
  requestedAction: Type.String(),
  evidence: Type.Record(Type.String(), Type.Unknown()),
});

export const ProposalBody = Type.Object(
  {
    reason: Type.String({ minLength: 3, maxLength: 2000 }),
    legalBasis: Type.Optional(Type.String({ minLength: 3, maxLength: 500 })),
  },
  { additionalProperties: false },
);

/** What the proposer gets back: the approval waiting for a second person, as /approvals shows it. */
export const ProposalReply = ApprovalSchema;
