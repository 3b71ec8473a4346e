// Withdrawing pending approvals whose subject no longer needs them (a newer list version replaced the
// staged one), with an audit entry each, in the caller's transaction.
import type { Transaction } from "kysely";
import type { Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Database } from "../db/index.js";
import type { Approval } from "./model.js";
import { findApprovals, settleApproval } from "./store.js";

export async function withdrawApprovals(
  trx: Transaction<Database>,
  actor: Principal | "system",
  filter: { kind: string; subjectPrefix: string },
  reason: string,
  now: Date = new Date(),
): Promise<Approval[]> {
  const pending = await findApprovals(trx, { ...filter, status: "pending" });
  for (const a of pending) {
    await settleApproval(trx, a.id, { status: "withdrawn", at: now.toISOString(), reason });
    await appendAudit(
      trx,
      {
        actor: actor === "system" ? { username: "system" } : actor,
        action: "approval.withdraw",
        objectType: "approval",
        objectId: a.id,
        outcome: "success",
        details: { kind: a.kind, subject: a.subject, reason },
      },
      now,
    );
  }
  return pending;
}
