// Approvals: the actions waiting for the caller's decision, one approval, and approve or reject with a
// reason. The gate admits roles that could decide some kind of approval; what each caller then sees and
// may decide is each approval's own permission and agency.
import { Type } from "@sinclair/typebox";
import { APPROVER_PERMISSIONS } from "../../approvals/index.js";
import type { AppDeps } from "../deps.js";
import { principalOf } from "../gate.js";
import { errorReplies, IdParams } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";

const Person = Type.Object({ userId: Type.String(), username: Type.String() });

export const ApprovalSchema = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: "what the action is, e.g. watchlist.activate" }),
  subject: Type.String({ description: "what it acts on, e.g. un-sc@4" }),
  agency: Type.Union([Type.String(), Type.Null()]),
  payload: Type.Record(Type.String(), Type.Unknown()),
  reason: Type.String(),
  legalBasis: Type.Union([Type.String(), Type.Null()]),
  requiredPermission: Type.String(),
  proposedBy: Person,
  proposedAt: Type.String(),
  expiresAt: Type.String(),
  status: Type.Union(["pending", "approved", "rejected", "withdrawn", "expired"].map((s) => Type.Literal(s))),
  decidedBy: Type.Union([Person, Type.Null()]),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  decisionReason: Type.Union([Type.String(), Type.Null()]),
});

const DecisionBody = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 500, description: "why, written to the audit log" }) },
  { additionalProperties: false },
);

export const approvalRoutes =
  (deps: Pick<AppDeps, "approvals">): RoutePlugin =>
  async (app) => {
    app.get(
      "/approvals",
      {
        config: { permission: APPROVER_PERMISSIONS },
        schema: {
          tags: ["approvals"],
          summary: "pending approvals the caller may decide (not their own, with the permission each needs)",
          response: { 200: Type.Object({ approvals: Type.Array(ApprovalSchema) }), ...errorReplies() },
        },
      },
      async (req) => ({ approvals: await deps.approvals.pendingFor(principalOf(req)) }),
    );

    app.get(
      "/approvals/:id",
      {
        config: { permission: APPROVER_PERMISSIONS },
        schema: {
          tags: ["approvals"],
          summary: "one approval, for its proposer or anyone who may decide it",
          params: IdParams,
          response: { 200: ApprovalSchema, ...errorReplies() },
        },
      },
      async (req) => deps.approvals.get(principalOf(req), req.params.id),
    );

    for (const decision of ["approve", "reject"] as const) {
      app.post(
        `/approvals/:id/${decision}`,
        {
          config: { permission: APPROVER_PERMISSIONS },
          schema: {
            tags: ["approvals"],
            summary: `${decision} a pending action with a reason; a second person with the required permission`,
            description:
              "403 for the proposer or a caller without the approval's permission, 409 when it is no longer " +
              "pending or has expired. Approving carries out the action in the same transaction.",
            params: IdParams,
            body: DecisionBody,
            response: { 200: ApprovalSchema, ...errorReplies(409) },
          },
        },
        async (req) =>
          deps.approvals.decide(principalOf(req), req.params.id, { decision, reason: req.body.reason }),
      );
    }
  };
