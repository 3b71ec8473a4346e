// Plain queries on alerts, their decisions and clearances, for the review use cases (decide.ts,
// approve.ts, service.ts). Each runs on the caller's transaction or connection.
import { randomUUID } from "node:crypto";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Database } from "../db/index.js";
import { InvalidError, NotFoundError } from "../shared/errors.js";
import type { AlertStatus } from "./lifecycle.js";
import type { AlertReasons } from "./open.js";

export type AlertRow = Selectable<Database["alerts"]>;
export type DecisionRow = Selectable<Database["alert_decisions"]>;

/** Agency scoping is in the query: another agency's alert does not exist for this caller. */
export async function loadAlert(q: Kysely<Database>, p: Principal, id: string): Promise<AlertRow> {
  const row = await q
    .selectFrom("alerts")
    .selectAll()
    .where("id", "=", id)
    .where("agency", "=", p.agency)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`alert ${id} not found`, undefined, "alert_not_found", { id });
  return row;
}

export async function setStatus(trx: Transaction<Database>, id: string, status: AlertStatus, at: string) {
  await trx.updateTable("alerts").set({ status, updated_at: at }).where("id", "=", id).execute();
}

export async function auditAlert(
  trx: Transaction<Database>,
  p: Principal,
  action: string,
  id: string,
  purpose: string,
  details?: Record<string, unknown>,
) {
  await appendAudit(trx, {
    actor: p,
    action,
    objectType: "alert",
    objectId: id,
    purpose,
    outcome: "success",
    ...(details ? { details } : {}),
  });
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

/** A decision row by `p`; approval fields are filled in by `approveDecision`. */
export async function insertDecision(
  trx: Transaction<Database>,
  p: Principal,
  alertId: string,
  at: string,
  d: Pick<DecisionRow, "status" | "outcome" | "adverse_action" | "reason" | "legal_basis"> & {
    clearance?: boolean;
  },
): Promise<string> {
  const id = randomUUID();
  const { clearance, ...rest } = d;
  await trx
    .insertInto("alert_decisions")
    .values({
      ...rest,
      id,
      alert_id: alertId,
      reason: d.reason.trim(),
      by_user_id: p.userId,
      by_username: p.username,
      at,
      approved_by_user_id: null,
      approved_by_username: null,
      approved_at: null,
      clearance: clearance ? 1 : 0,
    })
    .execute();
  return id;
}

export function findDecision(q: Kysely<Database>, alertId: string, decisionId: string) {
  return q
    .selectFrom("alert_decisions")
    .selectAll()
    .where("id", "=", decisionId)
    .where("alert_id", "=", alertId)
    .executeTakeFirst();
}

/** A new decision replaces a proposal still waiting for approval. */
export async function withdrawPending(trx: Transaction<Database>, alertId: string) {
  await trx
    .updateTable("alert_decisions")
    .set({ status: "withdrawn" })
    .where("alert_id", "=", alertId)
    .where("status", "=", "pending_approval")
    .execute();
}

export async function markApproved(trx: Transaction<Database>, decisionId: string, p: Principal, at: string) {
  await trx
    .updateTable("alert_decisions")
    .set({
      status: "recorded",
      approved_by_user_id: p.userId,
      approved_by_username: p.username,
      approved_at: at,
    })
    .where("id", "=", decisionId)
    .execute();
}

/** The listed entities the alert matched at refer level: what a clearance covers. */
export function clearableEntities(row: AlertRow): string[] {
  const reasons = JSON.parse(row.reasons) as AlertReasons;
  return [...new Set(reasons.matches.filter((m) => m.decision === "refer").map((m) => m.entityId))];
}

/** One clearance per listed entity the alert matched at refer level, for this exact identity. */
export async function recordClearances(
  trx: Transaction<Database>,
  row: AlertRow,
  c: { reason: string; createdBy: string; at: string; days: number },
): Promise<string[]> {
  const entityIds = clearableEntities(row);
  if (entityIds.length === 0)
    throw new InvalidError("this alert has no watchlist match to clear", undefined, "nothing_to_clear");
  const expires = new Date(Date.parse(c.at) + c.days * 86_400_000).toISOString();
  const ids: string[] = [];
  for (const entityId of entityIds) {
    const id = randomUUID();
    ids.push(id);
    await trx
      .insertInto("clearances")
      .values({
        id,
        agency: row.agency,
        identity_key: row.identity_key,
        entity_id: entityId,
        alert_id: row.id,
        reason: c.reason.trim(),
        created_by: c.createdBy,
        created_at: c.at,
        expires_at: expires,
      })
      .execute();
  }
  return ids;
}
