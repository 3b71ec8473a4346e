// Temporary retention or seizure of cash (Art. 7 of Regulation 2018/1672) is proposed by the officer and
// decided by a second person through the one four-eyes mechanism (src/approvals/).
import { can, type Principal } from "../access/index.js";
import { type Approval, type ApprovalHandler, proposeApproval } from "../approvals/index.js";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { ConflictError, ForbiddenError, NotFoundError } from "../shared/errors.js";
import { findCashRecord, moveCashStatus } from "./store.js";

export const RETAIN_CASH_KIND = "cash.retain";

export async function proposeCashRetention(
  db: Db,
  p: Principal,
  recordId: string,
  input: { measure: "retention" | "seizure"; reason: string; legalBasis?: string },
  now: Date,
): Promise<Approval> {
  if (!can(p, "screen")) throw new ForbiddenError("this role cannot propose a retention");
  return db.kysely.transaction().execute(async (trx) => {
    const rec = await findCashRecord(trx, p.agency, recordId);
    if (!rec) throw new NotFoundError(`cash record ${recordId} not found`);
    if (rec.finding !== "undeclared" && rec.finding !== "incomplete")
      throw new ConflictError("only undeclared or incompletely declared cash can be retained");
    if (!(await moveCashStatus(trx, recordId, "recorded", "retention_proposed")))
      throw new ConflictError(`cash record ${recordId} is already ${rec.status}`);
    return proposeApproval(
      trx,
      p,
      {
        kind: RETAIN_CASH_KIND,
        subject: `cash:${recordId}`,
        agency: p.agency,
        payload: { recordId, measure: input.measure, totalEurCents: rec.total_eur_cents },
        reason: input.reason,
        ...(input.legalBasis ? { legalBasis: input.legalBasis } : {}),
        requiredPermission: "alerts:review",
      },
      now,
    );
  });
}

const recordIdOf = (a: Approval) => String(a.payload.recordId);

export const retentionHandler: ApprovalHandler = {
  async approved(trx, approval, approver) {
    if (!(await moveCashStatus(trx, recordIdOf(approval), "retention_proposed", "retained")))
      throw new ConflictError("the cash record is no longer waiting for a retention decision");
    await appendAudit(trx, {
      actor: approver,
      action: "cash.retain",
      objectType: "cash_record",
      objectId: recordIdOf(approval),
      outcome: "success",
      details: { approvalId: approval.id, measure: approval.payload.measure },
    });
  },
  async rejected(trx, approval) {
    await moveCashStatus(trx, recordIdOf(approval), "retention_proposed", "recorded");
  },
};
