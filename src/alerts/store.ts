// Plain queries on alerts, their decisions, clearances, rule hits and the screened population, for the
// use cases of opening (open.ts, open-subject.ts) and review (queue.ts, detail.ts, decide.ts, approve.ts,
// decision-approval.ts). Each runs on the caller's transaction or connection; the rules stay with the
// use cases.
import { randomUUID } from "node:crypto";
import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type { Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import { type Database, keysetPage, type PageRequest } from "../db/index.js";
import { NotFoundError } from "../shared/errors.js";
import type { AlertStatus } from "./lifecycle.js";

export type AlertRow = Selectable<Database["alerts"]>;
export type DecisionRow = Selectable<Database["alert_decisions"]>;
export type ClearanceRow = Selectable<Database["clearances"]>;
type Trx = Transaction<Database>;

/** The work still to do: what the queue puts first and counts as overdue past its deadline. */
export const OPEN_STATUSES: readonly AlertStatus[] = ["open", "in_review"];

/** The agency's alert, or undefined: another agency's alert does not exist for it. */
export function findAlert(q: Kysely<Database>, agency: string, id: string): Promise<AlertRow | undefined> {
  return q
    .selectFrom("alerts")
    .selectAll()
    .where("id", "=", id)
    .where("agency", "=", agency)
    .executeTakeFirst();
}

export function alertNotFound(id: string): NotFoundError {
  return new NotFoundError(`alert ${id} not found`, undefined, "alert_not_found", { id });
}

/** Agency scoping is in the query: another agency's alert does not exist for this caller. */
export async function loadAlert(q: Kysely<Database>, p: Principal, id: string): Promise<AlertRow> {
  const row = await findAlert(q, p.agency, id);
  if (!row) throw alertNotFound(id);
  return row;
}

export interface QueueFilter {
  status?: AlertStatus;
  open?: boolean;
  crossingPointId?: string;
  /** Still open and due before this instant. */
  overdueAt?: string;
}

/** One page of the agency's queue: open and in-review alerts first, by deadline, then the closed ones. */
export function queuePage(q: Kysely<Database>, agency: string, f: QueueFilter, page: PageRequest) {
  let rows = q.selectFrom("alerts").selectAll().where("agency", "=", agency);
  if (f.status) rows = rows.where("status", "=", f.status);
  if (f.open) rows = rows.where("status", "in", [...OPEN_STATUSES]);
  if (f.crossingPointId) rows = rows.where("crossing_point_id", "=", f.crossingPointId);
  if (f.overdueAt) rows = rows.where("status", "in", [...OPEN_STATUSES]).where("due_at", "<", f.overdueAt);
  const closed = sql<number>`case when status in (${sql.join([...OPEN_STATUSES])}) then 0 else 1 end`;
  return keysetPage(
    rows,
    [{ expr: closed }, { expr: "due_at" }, { expr: "id" }],
    (r) => [OPEN_STATUSES.includes(r.status) ? 0 : 1, r.due_at, r.id],
    page,
  );
}

export function decisionsOf(q: Kysely<Database>, alertId: string): Promise<DecisionRow[]> {
  return q.selectFrom("alert_decisions").selectAll().where("alert_id", "=", alertId).orderBy("at").execute();
}

/** Every clearance of one identity in the agency, newest first, expired ones too. */
export function clearancesOf(
  q: Kysely<Database>,
  agency: string,
  identityKey: string,
): Promise<ClearanceRow[]> {
  return q
    .selectFrom("clearances")
    .selectAll()
    .where("agency", "=", agency)
    .where("identity_key", "=", identityKey)
    .orderBy("created_at", "desc")
    .execute();
}

/** The clearances of these identities still running at `now`. */
export function runningClearances(trx: Trx, agency: string, keys: readonly string[], now: string) {
  return trx
    .selectFrom("clearances")
    .selectAll()
    .where("agency", "=", agency)
    .where("identity_key", "in", keys.length ? [...new Set(keys)] : [""])
    .where("expires_at", ">", now)
    .execute();
}

export async function insertAlert(trx: Trx, row: Insertable<Database["alerts"]>): Promise<void> {
  await trx.insertInto("alerts").values(row).execute();
}

/** The alert a crossing opened, if any (a crossing opens at most one per agency). */
export function crossingAlert(trx: Trx, agency: string, crossingId: string) {
  return trx
    .selectFrom("alerts")
    .select(["id", "reasons"])
    .where("source", "=", "crossing")
    .where("source_id", "=", crossingId)
    .where("agency", "=", agency)
    .executeTakeFirst();
}

export async function setReasons(trx: Trx, id: string, reasons: string, at: string) {
  await trx.updateTable("alerts").set({ reasons, updated_at: at }).where("id", "=", id).execute();
}

export async function insertClearanceNote(trx: Trx, row: Insertable<Database["clearance_notes"]>) {
  await trx.insertInto("clearance_notes").values(row).execute();
}

export async function insertRuleHit(trx: Trx, row: Insertable<Database["rule_hits"]>) {
  await trx.insertInto("rule_hits").values(row).execute();
}

/** In chunks: a ship's manifest of thousands would pass SQLite's limit of bound parameters. */
export async function insertScreenedTravellers(
  trx: Trx,
  rows: readonly Insertable<Database["screened_travellers"]>[],
) {
  for (let start = 0; start < rows.length; start += 500)
    await trx
      .insertInto("screened_travellers")
      .values(rows.slice(start, start + 500))
      .execute();
}

export async function insertClearance(trx: Trx, row: Insertable<Database["clearances"]>) {
  await trx.insertInto("clearances").values(row).execute();
}

export async function setStatus(trx: Trx, id: string, status: AlertStatus, at: string) {
  await trx.updateTable("alerts").set({ status, updated_at: at }).where("id", "=", id).execute();
}

export async function auditAlert(
  trx: Trx,
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

/** A decision row by `p`; approval fields are filled in by `approveDecision`. */
export async function insertDecision(
  trx: Trx,
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
export async function withdrawPending(trx: Trx, alertId: string) {
  await trx
    .updateTable("alert_decisions")
    .set({ status: "withdrawn" })
    .where("alert_id", "=", alertId)
    .where("status", "=", "pending_approval")
    .execute();
}

/** The second officer turned the proposal down from the approvals queue. */
export async function markRejected(trx: Trx, decisionId: string) {
  await trx.updateTable("alert_decisions").set({ status: "rejected" }).where("id", "=", decisionId).execute();
}

export async function markApproved(trx: Trx, decisionId: string, p: Principal, at: string) {
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
