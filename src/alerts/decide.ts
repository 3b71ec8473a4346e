// Deciding an alert. An adverse action is only proposed: it waits for a second officer (202) as an
// approval (src/approvals/, decision-approval.ts), and a refusal, return or removal is refused outright
// while a protection referral is open. A clearance of a terrorism-listed or high-priority match also waits
// for a second officer (clearance.ts): it is recorded only when approved.
import type { Transaction } from "kysely";
import type { Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Database } from "../db/index.js";
import { InvalidError } from "../shared/errors.js";
import { clearableEntities, clearanceNeedsSecondOfficer, recordClearances } from "./clearance.js";
import { proposeDecision, withdrawProposals } from "./decision-approval.js";
import { type AdverseAction, checkDecision, type DecisionError, type Outcome } from "./lifecycle.js";
import type { AlertReasons } from "./open.js";
import { decisionView, type ReviewDeps, refuse, startReview } from "./review.js";
import {
  type AlertRow,
  auditAlert,
  findDecision,
  insertDecision,
  loadAlert,
  setStatus,
  withdrawPending,
} from "./store.js";

export interface DecisionInput {
  outcome: Outcome;
  reason: string;
  legalBasis: string;
  adverseAction?: AdverseAction;
  /** For a false positive: record a clearance so this identity is not stopped again for the same entity. */
  clearance?: boolean;
  purpose: string;
}

/** The errors that stop the decision now; the missing approval is what the two-step flow supplies. */
async function check(
  trx: Transaction<Database>,
  deps: ReviewDeps,
  p: Principal,
  row: AlertRow,
  input: DecisionInput,
) {
  const protection = await deps.protection.status(
    p.agency,
    { identityKey: row.identity_key, alertId: row.id },
    trx,
  );
  const guard = input.clearance
    ? clearanceNeedsSecondOfficer({
        priority: row.priority,
        reasons: JSON.parse(row.reasons) as AlertReasons,
      })
    : undefined;
  const status = row.status === "open" ? "in_review" : row.status;
  const errors = checkDecision(
    status,
    {
      by: p.userId,
      at: deps.now().toISOString(),
      outcome: input.outcome,
      reason: input.reason,
      legalBasis: input.legalBasis,
      ...(input.adverseAction ? { adverseAction: input.adverseAction } : {}),
      guardedClearance: guard !== undefined,
    },
    { legalBases: deps.legalBases, protection: { open: protection.barred } },
  ).filter((e) => e.code !== "second_officer_required");
  return { errors, guard };
}

/** Combinations that no alert makes valid: refused before anything is read. */
function checkInput(input: DecisionInput) {
  if (input.adverseAction && input.outcome !== "confirmed")
    throw new InvalidError(
      "an adverse action is recorded only with a confirmed match",
      undefined,
      "adverse_needs_confirmed",
    );
  if (input.clearance && input.outcome !== "cleared_false_positive")
    throw new InvalidError(
      "a clearance is recorded only with a false positive",
      undefined,
      "clearance_needs_false_positive",
    );
}

/** A refusal by the protection bar is audited as denied; the caller refuses once that committed. */
async function auditDenied(trx: Transaction<Database>, p: Principal, id: string, input: DecisionInput) {
  await appendAudit(trx, {
    actor: p,
    action: "alert.decision",
    objectType: "alert",
    objectId: id,
    purpose: input.purpose,
    outcome: "denied",
    details: { outcome: input.outcome, adverseAction: input.adverseAction, bar: "non-refoulement" },
  });
}

/** Records the decision: at once, or as a proposal a second officer approves (decision-approval.ts). */
async function record(
  trx: Transaction<Database>,
  deps: ReviewDeps,
  p: Principal,
  row: AlertRow,
  input: DecisionInput,
  guard: string | undefined,
) {
  const now = deps.now();
  const at = now.toISOString();
  const id = row.id;
  await startReview(trx, p, row, input.purpose, at);
  await withdrawPending(trx, id);
  await withdrawProposals(trx, p, id, now);
  const pending = input.adverseAction !== undefined || guard !== undefined;
  const decisionId = await insertDecision(trx, p, id, at, {
    status: pending ? "pending_approval" : "recorded",
    outcome: input.outcome,
    adverse_action: input.adverseAction ?? null,
    reason: input.reason,
    legal_basis: input.legalBasis,
    ...(input.clearance ? { clearance: true } : {}),
  });
  if (pending) {
    await proposeDecision(trx, p, row, { id: decisionId, ...input }, now);
    return { decisionId, pending, clearanceIds: [] };
  }
  await setStatus(trx, id, input.outcome, at);
  const clearanceIds = input.clearance
    ? await recordClearances(trx, row, {
        reason: input.reason,
        createdBy: p.username,
        at,
        days: deps.clearanceDays,
      })
    : [];
  return { decisionId, pending, clearanceIds };
}

export async function decide(deps: ReviewDeps, p: Principal, id: string, input: DecisionInput) {
  checkInput(input);
  let denied: DecisionError[] = [];
  const result = await deps.db.kysely.transaction().execute(async (trx) => {
    const row = await loadAlert(trx, p, id);
    const { errors, guard } = await check(trx, deps, p, row, input);
    if (errors.some((e) => e.code === "protection_bar")) {
      await auditDenied(trx, p, id, input);
      // The denial is kept even though the decision is not: refused once this commits.
      denied = errors;
      return undefined;
    }
    if (errors.length > 0) refuse(errors);
    if (input.clearance && clearableEntities(row).length === 0)
      throw new InvalidError("this alert has no watchlist match to clear", undefined, "nothing_to_clear");
    const { decisionId, pending, clearanceIds } = await record(trx, deps, p, row, input, guard);
    await auditAlert(trx, p, pending ? "alert.decision.proposed" : "alert.decision", id, input.purpose, {
      decisionId,
      outcome: input.outcome,
      ...(input.adverseAction ? { adverseAction: input.adverseAction } : {}),
      ...(clearanceIds.length ? { clearances: clearanceIds } : {}),
      // Both officers' reasons for a guarded clearance are in the log: this one, and the approver's.
      ...(guard
        ? { clearance: "awaiting a second officer", fourEyes: guard, reason: input.reason.trim() }
        : {}),
    });
    const saved = await findDecision(trx, id, decisionId);
    const what = input.adverseAction ? input.adverseAction.replaceAll("_", " ") : "this clearance";
    return {
      status: pending ? ("in_review" as const) : input.outcome,
      decision: decisionView(saved!),
      clearances: clearanceIds,
      ...(pending
        ? {
            message: `${what} needs a second officer's approval before it takes effect${guard ? `: ${guard}` : ""}`,
          }
        : {}),
    };
  });
  if (!result) refuse(denied);
  return result;
}
