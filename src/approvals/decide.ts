// Approving or rejecting a proposed action: a second person with the required permission decides, with a
// reason; the decision, the action itself and the audit entry commit in one transaction.
import type { Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { ConflictError, InvalidError, NotFoundError } from "../shared/errors.js";
import type { ApprovalHandlers } from "./handlers.js";
import { type Approval, checkDecider } from "./model.js";
import { getApproval, settleApproval } from "./store.js";

export interface Decision {
  decision: "approve" | "reject";
  reason: string;
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
  const decided = await db.kysely.transaction().execute(async (trx) => {
    const approval = await getApproval(trx, id);
    if (!approval)
      throw new NotFoundError(`approval ${id} not found`, undefined, "approval_not_found", { id });
    checkDecider(approval, decider, now);
    const handler = handlers[approval.kind];
    if (!handler)
      throw new ConflictError(
        `no handler for approvals of kind ${approval.kind}`,
        undefined,
        "approval_kind_unknown",
        {
          kind: approval.kind,
        },
      );
    const status = input.decision === "approve" ? "approved" : "rejected";
    const at = now.toISOString();
    const by = { userId: decider.userId, username: decider.username };
    if (!(await settleApproval(trx, id, { status, by, at, reason })))
      throw new ConflictError(
        `approval ${id} was decided by someone else meanwhile`,
        undefined,
        "approval_decided_meanwhile",
        {
          id,
        },
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
    return { ...approval, status, decidedBy: by, decidedAt: at, decisionReason: reason } satisfies Approval;
  });
  await handlers[decided.kind]?.afterCommit?.(decided);
  return decided;
}
