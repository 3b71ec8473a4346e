// An adverse action on an alert (refusal of entry, detention, return, …) and a clearance of a
// terrorism-listed or high-priority match are two kinds of approval (src/approvals/): the deciding officer
// proposes, a second officer with `alerts:review` in the same agency approves before expiry, and only then
// does the decision take effect, in the approval's transaction. The alert keeps its decision row as the
// record of what was proposed; the approval carries the four-eyes rules and its own audit entries.
import type { Kysely, Transaction } from "kysely";
import type { Principal } from "../access/index.js";
import {
  type Approval,
  type ApprovalHandler,
  proposeApproval,
  withdrawApprovals,
} from "../approvals/index.js";
import { appendAudit } from "../audit/index.js";
import type { Database } from "../db/index.js";
import { ConflictError, NotFoundError } from "../shared/errors.js";
import { recordClearances } from "./clearance.js";
import { type AdverseAction, type AlertStatus, checkDecision, type Outcome } from "./lifecycle.js";
import { type ReviewDeps, refuse } from "./review.js";
import {
  type AlertRow,
  alertNotFound,
  auditAlert,
  type DecisionRow,
  findAlert,
  findDecision,
  markApproved,
  markRejected,
  setStatus,
} from "./store.js";

/** A proposed refusal, return, removal, detention or seizure. */
export const ADVERSE_ACTION_KIND = "alert.adverse_action";
/** A proposed clearance of a terrorism-listed or high-priority match (clearance.ts). */
export const GUARDED_CLEARANCE_KIND = "alert.clearance";
export const ALERT_APPROVAL_KINDS = [ADVERSE_ACTION_KIND, GUARDED_CLEARANCE_KIND] as const;

/** The purpose written on the alert's audit entries when the approval is decided outside the alert view. */
const APPROVALS_PURPOSE = "four-eyes approval of an alert decision";

interface DecisionPayload {
  alertId: string;
  decisionId: string;
  reference: string;
}

/** Every approval about one alert's decisions starts with this subject. */
export const alertSubject = (alertId: string) => `alert:${alertId}/`;
export const decisionSubject = (alertId: string, decisionId: string) =>
  `${alertSubject(alertId)}decision:${decisionId}`;
export const kindOf = (d: Pick<DecisionRow, "adverse_action">) =>
  d.adverse_action ? ADVERSE_ACTION_KIND : GUARDED_CLEARANCE_KIND;

/** Proposes a pending decision for approval, in the transaction that recorded it. */
export function proposeDecision(
  trx: Transaction<Database>,
  p: Principal,
  row: AlertRow,
  d: { id: string; adverseAction?: AdverseAction; reason: string; legalBasis: string },
  now: Date,
): Promise<Approval> {
  const payload: DecisionPayload = { alertId: row.id, decisionId: d.id, reference: row.reference };
  return proposeApproval(
    trx,
    p,
    {
      kind: d.adverseAction ? ADVERSE_ACTION_KIND : GUARDED_CLEARANCE_KIND,
      subject: decisionSubject(row.id, d.id),
      agency: row.agency,
      payload: { ...payload },
      reason: d.reason,
      legalBasis: d.legalBasis,
      requiredPermission: "alerts:review",
    },
    now,
  );
}

/** A new decision replaces the proposals still waiting on this alert, decision row and approval alike. */
export async function withdrawProposals(
  trx: Transaction<Database>,
  p: Principal,
  alertId: string,
  now: Date,
) {
  for (const kind of ALERT_APPROVAL_KINDS)
    await withdrawApprovals(
      trx,
      p,
      { kind, subjectPrefix: alertSubject(alertId) },
      "replaced by a new decision",
      now,
    );
}

/** The decision to approve: it must exist on this alert and wait for approval. */
export async function pendingDecision(q: Kysely<Database>, row: AlertRow, decisionId: string) {
  const d = await findDecision(q, row.id, decisionId);
  const params = { id: decisionId, alert: row.reference };
  if (!d)
    throw new NotFoundError(
      `decision ${decisionId} not found on alert ${row.reference}`,
      undefined,
      "decision_not_found",
      params,
    );
  if (d.status !== "pending_approval")
    throw new ConflictError(
      `decision ${decisionId} is ${d.status}, not waiting for approval`,
      undefined,
      "decision_not_pending",
      { ...params, status: d.status },
    );
  return d;
}

/** The four-eyes rules of the lifecycle for `approver`, the protection bar included; empty when it may pass. */
async function approvalErrors(
  trx: Transaction<Database>,
  deps: ReviewDeps,
  row: AlertRow,
  d: DecisionRow,
  approver: Principal,
) {
  const protection = await deps.protection.status(
    row.agency,
    { identityKey: row.identity_key, alertId: row.id },
    trx,
  );
  return checkDecision(
    row.status,
    {
      by: d.by_user_id,
      at: d.at,
      outcome: d.outcome as Outcome,
      reason: d.reason,
      legalBasis: d.legal_basis,
      ...(d.adverse_action ? { adverseAction: d.adverse_action as AdverseAction } : {}),
      // A clearance waits only when it was guarded: the same four-eyes rules apply to it.
      guardedClearance: d.clearance === 1,
      approvedBy: approver.userId,
    },
    { legalBases: deps.legalBases, protection: { open: protection.barred } },
  );
}

async function loadFor(trx: Transaction<Database>, approval: Approval) {
  const { alertId, decisionId } = approval.payload as unknown as DecisionPayload;
  const row = await findAlert(trx, approval.agency ?? "", alertId);
  if (!row) throw alertNotFound(alertId);
  return { row, d: await pendingDecision(trx, row, decisionId) };
}

/** What the approval of one decision did, for the alert view's reply. */
export interface Approved {
  status: AlertStatus;
  clearances: string[];
}

/**
 * The handler of both kinds. `at` names the alert view's purpose and the approver's own reason; from the
 * approvals queue, the approval's own audit entry holds the approver's reason. A refusal by the protection bar
 * is audited as denied in a transaction of its own (`refused`), since the approval's rolls back.
 */
export function decisionHandler(
  deps: ReviewDeps,
  at: { purpose: string; approverReason?: string; done?: (a: Approved) => void } = {
    purpose: APPROVALS_PURPOSE,
  },
): ApprovalHandler {
  return {
    async approved(trx, approval, approver) {
      const { row, d } = await loadFor(trx, approval);
      const errors = await approvalErrors(trx, deps, row, d, approver);
      if (errors.length > 0) refuse(errors);
      const now = deps.now().toISOString();
      await markApproved(trx, d.id, approver, now);
      await setStatus(trx, row.id, d.outcome as AlertStatus, now);
      const clearances =
        d.clearance === 1
          ? await recordClearances(trx, row, {
              reason: d.reason,
              createdBy: d.by_username,
              at: now,
              days: deps.clearanceDays,
            })
          : [];
      const approverReason = at.approverReason;
      await auditAlert(trx, approver, "alert.decision.approve", row.id, at.purpose, {
        decisionId: d.id,
        adverseAction: d.adverse_action,
        approval: approval.id,
        ...(d.clearance === 1
          ? {
              clearances,
              proposedBy: d.by_username,
              proposerReason: d.reason,
              ...(approverReason ? { approverReason: approverReason.trim() } : {}),
            }
          : {}),
      });
      at.done?.({ status: d.outcome as AlertStatus, clearances });
    },
    async rejected(trx, approval, decider) {
      const { row, d } = await loadFor(trx, approval);
      await markRejected(trx, d.id);
      await auditAlert(trx, decider, "alert.decision.reject", row.id, at.purpose, {
        decisionId: d.id,
        approval: approval.id,
      });
    },
    async refused(trx, approval, approver, err) {
      if (!(err instanceof ConflictError) || err.code !== "protection_bar") return;
      const { alertId, decisionId } = approval.payload as unknown as DecisionPayload;
      await appendAudit(trx, {
        actor: approver,
        action: "alert.decision.approve",
        objectType: "alert",
        objectId: alertId,
        purpose: at.purpose,
        outcome: "denied",
        details: { decisionId, bar: "non-refoulement" },
      });
    },
  };
}
