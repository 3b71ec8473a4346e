// What the decide and approve use cases share: their dependencies, how a decision is shown, and how a
// refused decision becomes an error.

import type { Kysely, Transaction } from "kysely";
import type { Principal } from "../access/index.js";
import type { Database, Db } from "../db/index.js";
import { ConflictError, InvalidError } from "../shared/errors.js";
import type { AlertStatus, DecisionError } from "./lifecycle.js";
import { type AlertRow, auditAlert, type DecisionRow, setStatus } from "./store.js";

/** What the alert service needs to know from protection (src/protection): is an adverse action barred? */
export interface ProtectionCheck {
  status(
    agency: string,
    who: { identityKey: string; alertId?: string },
    executor?: Kysely<Database>,
  ): Promise<{ barred: boolean; openReferrals: number }>;
}

export interface ReviewDeps {
  db: Db;
  protection: ProtectionCheck;
  now: () => Date;
  legalBases: readonly string[];
  clearanceDays: number;
}

export function decisionView(d: DecisionRow) {
  return {
    id: d.id,
    status: d.status,
    outcome: d.outcome,
    adverseAction: d.adverse_action,
    clearance: d.clearance === 1,
    reason: d.reason,
    legalBasis: d.legal_basis,
    by: d.by_username,
    at: d.at,
    approvedBy: d.approved_by_username,
    approvedAt: d.approved_at,
  };
}

/** Domain refusals: those that a second attempt by someone else could fix are conflicts, the rest invalid. */
export function refuse(errors: DecisionError[]): never {
  const details = { errors };
  const conflict = errors.find((e) => e.code === "protection_bar" || e.code === "same_officer");
  if (conflict) throw new ConflictError(conflict.message, details, conflict.code);
  const reasons = errors.map((e) => e.code).join(", ");
  throw new InvalidError(errors.map((e) => e.message).join("; "), details, "decision_refused", { reasons });
}

/** An alert still open is taken into review by the first officer who acts on it. */
export async function startReview(
  trx: Transaction<Database>,
  p: Principal,
  row: AlertRow,
  purpose: string,
  at: string,
): Promise<AlertStatus> {
  if (row.status !== "open") return row.status;
  await setStatus(trx, row.id, "in_review", at);
  await auditAlert(trx, p, "alert.review", row.id, purpose);
  return "in_review";
}
