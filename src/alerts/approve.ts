// The second officer approves a proposed adverse action or a guarded clearance (four-eyes) from the alert
// view: the approval (src/approvals/, decision-approval.ts) then carries the decision out, and a clearance
// is recorded in the approving transaction, never before.
import type { Principal } from "../access/index.js";
import { approvalsOf, decideApproval } from "../approvals/index.js";
import {
  type Approved,
  decisionHandler,
  decisionSubject,
  kindOf,
  pendingDecision,
} from "./decision-approval.js";
import { decisionView, type ReviewDeps, refuse } from "./review.js";
import { findDecision, loadAlert } from "./store.js";

export interface ApprovalInput {
  purpose: string;
  /** The approving officer's own reason: kept in the audit log beside the proposer's. */
  reason?: string;
}

/** The approvals mechanism needs a reason; the alert view leaves the approver's own optional. */
const NO_OWN_REASON = "approved from the alert view, without a reason of the approver's own";

/**
 * The approval waiting for this decision. The same officer is told 409 `same_officer` first, as the
 * lifecycle words it, before the approvals mechanism would answer 403 to the proposer.
 */
async function approvalOf(deps: ReviewDeps, p: Principal, alertId: string, decisionId: string) {
  const row = await loadAlert(deps.db.kysely, p, alertId);
  const d = await pendingDecision(deps.db.kysely, row, decisionId);
  if (d.by_user_id === p.userId)
    refuse([{ code: "same_officer", message: "the approving officer must be a different person" }]);
  const subject = decisionSubject(alertId, decisionId);
  const [approval] = await approvalsOf(deps.db, kindOf(d), subject, deps.now());
  if (!approval) throw new Error(`decision ${decisionId} is pending without an approval`);
  return approval;
}

export async function approve(
  deps: ReviewDeps,
  p: Principal,
  id: string,
  decisionId: string,
  input: ApprovalInput,
) {
  const approval = await approvalOf(deps, p, id, decisionId);
  let approved: Approved | undefined;
  const handler = decisionHandler(deps, {
    purpose: input.purpose,
    ...(input.reason ? { approverReason: input.reason } : {}),
    done: (a) => {
      approved = a;
    },
  });
  await decideApproval(
    deps.db,
    { [approval.kind]: handler },
    p,
    approval.id,
    { decision: "approve", reason: input.reason?.trim() || NO_OWN_REASON },
    deps.now(),
  );
  const saved = await findDecision(deps.db.kysely, id, decisionId);
  return {
    status: approved!.status,
    decision: decisionView(saved!),
    clearances: approved!.clearances,
  };
}
