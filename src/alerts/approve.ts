// The second officer approves a proposed adverse action or a guarded clearance (four-eyes); it then takes
// effect. A clearance is recorded here, in the approving transaction, never before.
import type { Transaction } from "kysely";
import type { Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Database } from "../db/index.js";
import { ConflictError, NotFoundError } from "../shared/errors.js";
import {
  type AdverseAction,
  type AlertStatus,
  checkDecision,
  type DecisionError,
  type Outcome,
} from "./lifecycle.js";
import { decisionView, type ReviewDeps, refuse } from "./review.js";
import {
  type AlertRow,
  auditAlert,
  findDecision,
  loadAlert,
  markApproved,
  recordClearances,
  setStatus,
} from "./store.js";

export interface ApprovalInput {
  purpose: string;
  /** The approving officer's own reason: kept in the audit log beside the proposer's. */
  reason?: string;
}

/** The decision to approve: it must exist on this alert and wait for approval. */
async function pendingDecision(trx: Transaction<Database>, row: AlertRow, decisionId: string) {
  const d = await findDecision(trx, row.id, decisionId);
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
      {
        ...params,
        status: d.status,
      },
    );
  return d;
}

export async function approve(
  deps: ReviewDeps,
  p: Principal,
  id: string,
  decisionId: string,
  input: ApprovalInput,
) {
  let denied: DecisionError[] = [];
  const result = await deps.db.kysely.transaction().execute(async (trx) => {
    const row = await loadAlert(trx, p, id);
    const d = await pendingDecision(trx, row, decisionId);
    const protection = await deps.protection.status(
      p.agency,
      { identityKey: row.identity_key, alertId: id },
      trx,
    );
    const errors = checkDecision(
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
        approvedBy: p.userId,
      },
      { legalBases: deps.legalBases, protection: { open: protection.barred } },
    );
    if (errors.some((e) => e.code === "protection_bar")) {
      await appendAudit(trx, {
        actor: p,
        action: "alert.decision.approve",
        objectType: "alert",
        objectId: id,
        purpose: input.purpose,
        outcome: "denied",
        details: { decisionId, bar: "non-refoulement" },
      });
      denied = errors;
      return undefined;
    }
    if (errors.length > 0) refuse(errors);
    const at = deps.now().toISOString();
    await markApproved(trx, decisionId, p, at);
    await setStatus(trx, id, d.outcome as AlertStatus, at);
    const clearances =
      d.clearance === 1
        ? await recordClearances(trx, row, {
            reason: d.reason,
            createdBy: d.by_username,
            at,
            days: deps.clearanceDays,
          })
        : [];
    await auditAlert(trx, p, "alert.decision.approve", id, input.purpose, {
      decisionId,
      adverseAction: d.adverse_action,
      ...(d.clearance === 1
        ? {
            clearances,
            proposedBy: d.by_username,
            proposerReason: d.reason,
            ...(input.reason ? { approverReason: input.reason.trim() } : {}),
          }
        : {}),
    });
    const saved = await findDecision(trx, id, decisionId);
    return { status: d.outcome as AlertStatus, decision: decisionView(saved!), clearances };
  });
  if (!result) refuse(denied);
  return result;
}
