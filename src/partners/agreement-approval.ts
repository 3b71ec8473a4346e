// What a second admin's decision on a proposed agreement does: approval puts that version in force and
// retires the one before; rejection marks it rejected. Both audited with the agreement's id and version.
import type { ApprovalHandler } from "../approvals/index.js";
import { appendAudit } from "../audit/index.js";
import { ConflictError } from "../shared/errors.js";
import { setAgreementStatus, supersedeOthers } from "./store.js";

interface Payload {
  id: string;
  version: number;
}

export const agreementApproval: ApprovalHandler = {
  async approved(trx, approval, approver) {
    const a = approval.payload as unknown as Payload;
    const now = new Date().toISOString();
    if (!(await setAgreementStatus(trx, a, ["pending"], "active", now)))
      throw new ConflictError(`agreement ${a.id}@${a.version} is no longer pending`);
    await supersedeOthers(trx, a.id, a.version, now);
    await appendAudit(trx, {
      actor: approver,
      action: "partner.agreement.activate",
      objectType: "partner_agreement",
      objectId: `${a.id}@${a.version}`,
      outcome: "success",
      details: { approval: approval.id, proposedBy: approval.proposedBy.username },
    });
  },
  async rejected(trx, approval) {
    await setAgreementStatus(
      trx,
      approval.payload as unknown as Payload,
      ["pending"],
      "rejected",
      new Date().toISOString(),
    );
  },
};
