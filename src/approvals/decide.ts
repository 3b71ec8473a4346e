// Approving or rejecting a proposed action: a second person with the required permission decides, with a
// reason; the decision, the action itself and the audit entry commit in one transaction. When the action
// refuses (its handler throws), nothing of it commits; the handler may then record the refusal apart.
import type { Transaction } from "kysely";
import type { Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Database, Db } from "../db/index.js";
import { ConflictError, InvalidError, NotFoundError } from "../shared/errors.js";
import type { ApprovalHandler, ApprovalHandlers } from "./handlers.js";
import { type Approval, checkDecider } from "./model.js";
import { getApproval, settleApproval } from "./store.js";

export interface Decision {
  decision: "approve" | "reject";
  reason: string;
}

function handlerFor(handlers: ApprovalHandlers, approval: Approval): ApprovalHandler {
  const handler = handlers[approval.kind];
  if (!handler)
    throw new ConflictError(
      `no handler for approvals of kind ${approval.kind}`,
      undefined,
      "approval_kind_unknown",
      { kind: approval.kind },
    );
  return handler;
}

/** Settles the approval, runs its action and writes the audit entry, in the caller's transaction. */
async function settle(
  trx: Transaction<Database>,
  handler: ApprovalHandler,
  approval: Approval,
  decider: Principal,
  reason: string,
  input: Decision,
  now: Date,
): Promise<Approval> {
  const { id } = approval;
  const status = input.decision === "approve" ? "approved" : "rejected";
  const at = now.toISOString();
  const by = { userId: decider.userId, username: decider.username };
  if (!(await settleApproval(trx, id, { status, by, at, reason })))
    throw new ConflictError(
      `approval ${id} was decided by someone else meanwhile`,
      undefined,
      "approval_decided_meanwhile",
      { id },
    );
  if (status === "approved") await handler.approved(trx, approval, decider);
  else await handler.rejected?.(trx, approval, decider);
  await appendAudit(
    trx,
    {
      actor: decider,
      action: status === "approved" ? "approval.approve" : "approval.reject",
      objectType: "approval",
      objectId: id,
      outcome: "success",
      details: {
        kind: approval.kind,
        subject: approval.subject,
        reason,
        proposedBy: approval.proposedBy.username,
      },
    },
    now,
  );
  return { ...approval, status, decidedBy: by, decidedAt: at, decisionReason: reason };
}

export async function decideApproval(
  db: Db,
  handlers: ApprovalHandlers,
  decider: Principal,
  id: string,
  input: Decision,
  now: Date = new Date(),
): Promise<Approval> {
  const reason = input.reason.trim();
  if (reason.length < 3)
    throw new InvalidError("reason: a decision needs a reason", undefined, "approval_reason_required");
  // What the refused action was, when its handler threw: known only once the approval was read.
  let attempted: { approval: Approval; handler: ApprovalHandler } | undefined;
  let decided: Approval;
  try {
    decided = await db.kysely.transaction().execute(async (trx) => {
      const approval = await getApproval(trx, id);
      if (!approval)
        throw new NotFoundError(`approval ${id} not found`, undefined, "approval_not_found", { id });
      checkDecider(approval, decider, now);
      const handler = handlerFor(handlers, approval);
      attempted = { approval, handler };
      return settle(trx, handler, approval, decider, reason, input, now);
    });
  } catch (err) {
    const refused = attempted?.handler.refused;
    if (attempted && refused && input.decision === "approve") {
      const { approval } = attempted;
      await db.kysely.transaction().execute((trx) => refused(trx, approval, decider, err));
    }
    throw err;
  }
  await handlers[decided.kind]?.afterCommit?.(decided);
  return decided;
}
