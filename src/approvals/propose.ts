// Proposing an action for a second person's approval: one row and its audit entry, written inside the
// transaction of whatever the proposal stages (a list version, a refusal), so both exist or neither.
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Permission, Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Database } from "../db/index.js";
import { InvalidError } from "../shared/errors.js";
import { APPROVER_PERMISSIONS, type Approval, DEFAULT_APPROVAL_TTL_MS } from "./model.js";
import { insertApproval } from "./store.js";

export interface Proposal {
  kind: string;
  subject: string;
  /** Approvers must belong to this agency; omit for subjects that belong to no agency. */
  agency?: string;
  payload: Record<string, unknown>;
  reason: string;
  legalBasis?: string;
  requiredPermission: Permission;
  /** How long the proposal waits (default 7 days). */
  ttlMs?: number;
}

export async function proposeApproval(
  trx: Transaction<Database>,
  proposer: Principal,
  proposal: Proposal,
  now: Date = new Date(),
): Promise<Approval> {
  if (proposal.reason.trim().length < 3)
    throw new InvalidError("reason: a proposal needs a reason", undefined, "proposal_reason_required");
  // An approval nobody could reach through the approvals routes would wait forever.
  if (!APPROVER_PERMISSIONS.includes(proposal.requiredPermission))
    throw new Error(`approvals requiring "${proposal.requiredPermission}" are not in APPROVER_PERMISSIONS`);
  const approval: Approval = {
    id: randomUUID(),
    kind: proposal.kind,
    subject: proposal.subject,
    agency: proposal.agency ?? null,
    payload: proposal.payload,
    reason: proposal.reason.trim(),
    legalBasis: proposal.legalBasis ?? null,
    requiredPermission: proposal.requiredPermission,
    proposedBy: { userId: proposer.userId, username: proposer.username },
    proposedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + (proposal.ttlMs ?? DEFAULT_APPROVAL_TTL_MS)).toISOString(),
    status: "pending",
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
  };
  await insertApproval(trx, approval);
  await appendAudit(
    trx,
    {
      actor: proposer,
      action: "approval.propose",
      objectType: "approval",
      objectId: approval.id,
      outcome: "success",
      details: {
        kind: approval.kind,
        subject: approval.subject,
        reason: approval.reason,
        ...(approval.legalBasis ? { legalBasis: approval.legalBasis } : {}),
        expiresAt: approval.expiresAt,
      },
    },
    now,
  );
  return approval;
}
