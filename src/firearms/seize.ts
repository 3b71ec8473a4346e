// A seizure of a firearm is an adverse measure: the officer proposes it, a second person with the
// reviewer's permission approves it through the one four-eyes mechanism (src/approvals/), and only then
// is the firearm recorded as seized, in the approval's transaction.
import { can, type Principal } from "../access/index.js";
import { type Approval, type ApprovalHandler, proposeApproval } from "../approvals/index.js";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { ConflictError, ForbiddenError, NotFoundError } from "../shared/errors.js";
import { findFirearmCheck, moveFirearmStatus } from "./store.js";

export const SEIZE_FIREARM_KIND = "firearm.seize";

export async function proposeFirearmSeizure(
  db: Db,
  p: Principal,
  checkId: string,
  input: { reason: string; legalBasis?: string },
  now: Date,
): Promise<Approval> {
  if (!can(p, "screen")) throw new ForbiddenError("this role cannot propose seizures");
  return db.kysely.transaction().execute(async (trx) => {
    const check = await findFirearmCheck(trx, p.agency, checkId);
    if (!check) throw new NotFoundError(`firearm check ${checkId} not found`);
    if (!(await moveFirearmStatus(trx, checkId, "checked", "seizure_proposed")))
      throw new ConflictError(`firearm check ${checkId} is already ${check.status}`);
    return proposeApproval(
      trx,
      p,
      {
        kind: SEIZE_FIREARM_KIND,
        subject: `firearm:${check.serial}`,
        agency: p.agency,
        payload: { checkId },
        reason: input.reason,
        ...(input.legalBasis ? { legalBasis: input.legalBasis } : {}),
        requiredPermission: "alerts:review",
      },
      now,
    );
  });
}

function checkIdOf(a: Approval): string {
  return String(a.payload.checkId);
}

export const seizureHandler: ApprovalHandler = {
  async approved(trx, approval, approver) {
    if (!(await moveFirearmStatus(trx, checkIdOf(approval), "seizure_proposed", "seized")))
      throw new ConflictError("the firearm check is no longer waiting for a seizure decision");
    await appendAudit(trx, {
      actor: approver,
      action: "firearm.seize",
      objectType: "firearm_check",
      objectId: checkIdOf(approval),
      outcome: "success",
      details: { approvalId: approval.id },
    });
  },
  async rejected(trx, approval) {
    await moveFirearmStatus(trx, checkIdOf(approval), "seizure_proposed", "checked");
  },
};
