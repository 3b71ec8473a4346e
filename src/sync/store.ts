// The Kysely queries of remote posts, each taking the transaction (or handle) it runs in.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/index.js";
import type { AlertsTable, AuditLogTable } from "../db/schema.js";
import { insertEntities } from "../watchlists/index.js";
import { BUNDLE_TABLES, type Bundle, type ListPayload } from "./model.js";

type Q = Kysely<Database> | Transaction<Database>;

export async function getState(q: Q, key: string): Promise<string | undefined> {
  const row = await q.selectFrom("sync_state").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value;
}

export async function setState(q: Q, key: string, value: string): Promise<void> {
  await q
    .insertInto("sync_state")
    .values({ key, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}

/** The post's audit entries after `id`, in the order they committed (SQLite has one writer at a time). */
export function auditAfter(q: Q, id: number, limit: number): Promise<AuditLogTable[]> {
  return q.selectFrom("audit_log").selectAll().where("id", ">", id).orderBy("id").limit(limit).execute();
}

/** Every row a crossing wrote, found from the crossing by its screening. */
export async function crossingBundle(q: Q, crossingId: string): Promise<Bundle | undefined> {
  const crossing = await q
    .selectFrom("crossings")
    .selectAll()
    .where("id", "=", crossingId)
    .executeTakeFirst();
  if (!crossing) return undefined;
  const sid = crossing.screening_id;
  const bySid = (t: "screening_results" | "alerts" | "rule_hits" | "screened_travellers", col: string) =>
    q
      .selectFrom(t)
      .selectAll()
      .where(col as never, "=", sid as never)
      .execute() as Promise<Record<string, unknown>[]>;
  return {
    screening_requests: await q.selectFrom("screening_requests").selectAll().where("id", "=", sid).execute(),
    screening_results: await bySid("screening_results", "request_id"),
    alerts: await bySid("alerts", "screening_id"),
    rule_hits: await bySid("rule_hits", "screening_id"),
    screened_travellers: await bySid("screened_travellers", "screening_id"),
    crossings: [crossing as unknown as Record<string, unknown>],
  };
}

/** Claims a message id; false when it was ingested before (then the message changes nothing). */
export async function claimMessage(trx: Transaction<Database>, msgId: string, origin: string, at: string) {
  const r = await trx
    .insertInto("sync_inbox")
    .values({ msg_id: msgId, origin, ingested_at: at })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** The post's rows as they are: ids are UUIDs, so they cannot collide with the centre's own. */
export async function insertBundle(trx: Transaction<Database>, bundle: Bundle): Promise<void> {
  for (const table of BUNDLE_TABLES) {
    const rows = bundle[table];
    if (!rows?.length) continue;
    await trx
      .insertInto(table)
      .values(rows as never)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function insertOrigins(
  trx: Transaction<Database>,
  rows: { object_type: string; object_id: string; origin: string; ingested_at: string }[],
) {
  if (rows.length === 0) return;
  await trx
    .insertInto("sync_origins")
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function insertPostAudit(trx: Transaction<Database>, origin: string, row: AuditLogTable) {
  await trx
    .insertInto("sync_audit")
    .values({ ...row, origin })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** One post chain in seq order, a page at a time. */
export function postChainPage(q: Q, origin: string, chain: number, afterSeq: number, limit: number) {
  return q
    .selectFrom("sync_audit")
    .selectAll()
    .where("origin", "=", origin)
    .where("chain", "=", chain)
    .where("seq", ">", afterSeq)
    .orderBy("seq")
    .limit(limit)
    .execute();
}

export function postChains(q: Q) {
  return q.selectFrom("sync_audit").select(["origin", "chain"]).distinct().execute();
}

/** The live (newest ready) version of every list, for the centre to publish. */
export function liveVersions(q: Q) {
  return q
    .selectFrom("watchlist_versions")
    .select("list_id")
    .select((eb) => eb.fn.max("version").as("version"))
    .where("status", "=", "ready")
    .groupBy("list_id")
    .execute();
}

export function versionFacts(q: Q, list: string, version: number) {
  return q
    .selectFrom("watchlist_versions as v")
    .innerJoin("watchlists as w", "w.id", "v.list_id")
    .select(["w.name", "w.format", "v.counts", "v.source_date"])
    .where("v.list_id", "=", list)
    .where("v.version", "=", version)
    .executeTakeFirstOrThrow();
}

/** A version received from the centre, with the centre's version number, live at once at the post. */
export async function saveReceivedList(
  trx: Transaction<Database>,
  p: ListPayload,
  sha256: string,
  at: string,
) {
  await trx
    .insertInto("watchlists")
    .values({ id: p.list, name: p.name, format: p.format, created_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await trx
    .insertInto("watchlist_versions")
    .values({
      list_id: p.list,
      version: p.version,
      status: "ready",
      file: `centre:${p.list}@${p.version}`,
      imported_at: at,
      counts: JSON.stringify(p.counts),
      diff: null,
      error: null,
      base_version: null,
      source_date: p.sourceDate,
      checks: "[]",
    })
    .execute();
  await insertEntities(trx, p.list, p.version, p.entities);
  await trx
    .insertInto("sync_list_versions")
    .values({ list_id: p.list, version: p.version, sha256, activated_at: at, confirmed_at: at })
    .execute();
}

export async function confirmList(q: Q, list: string, version: number, at: string) {
  await q
    .updateTable("sync_list_versions")
    .set({ confirmed_at: at })
    .where("list_id", "=", list)
    .where("version", "=", version)
    .execute();
}

/** The newest received version of each list at a post. */
export async function receivedLists(q: Q) {
  const rows = await q.selectFrom("sync_list_versions").selectAll().orderBy("version", "desc").execute();
  const seen = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!seen.has(r.list_id)) seen.set(r.list_id, r);
  return [...seen.values()];
}

/** Alerts opened at a post whose status changed at the centre after `since` (updated_at, ISO). */
export function remoteAlertsChangedSince(q: Q, since: string, limit: number) {
  return q
    .selectFrom("alerts as a")
    .innerJoin("sync_origins as o", (j) =>
      j.onRef("o.object_id", "=", "a.id").on("o.object_type", "=", "alert"),
    )
    .select(["a.id", "a.status", "a.updated_at", "o.origin"])
    .where("a.updated_at", ">", since)
    .orderBy("a.updated_at")
    .limit(limit)
    .execute();
}

/** Sets an alert's status unless it already has it; how many rows changed (0 or 1). */
export async function setAlertStatus(
  q: Q,
  alertId: string,
  status: AlertsTable["status"],
  at: string,
): Promise<number> {
  const r = await q
    .updateTable("alerts")
    .set({ status, updated_at: at })
    .where("id", "=", alertId)
    .where("status", "!=", status)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
