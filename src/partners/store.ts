// Plain Kysely queries of the partner exchange, each on the caller's transaction or connection.
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database } from "../db/index.js";
import type { Agreement, AgreementStatus, AgreementTerms, Sharing } from "./model.js";

type Q = Kysely<Database> | Transaction<Database>;
type AgreementRow = Selectable<Database["partner_agreements"]>;
export type QueryRow = Selectable<Database["partner_queries"]>;
export type FollowUpRow = Selectable<Database["partner_follow_ups"]>;
export type HandOverRow = Selectable<Database["alert_hand_overs"]>;
export type OutboxRow = Selectable<Database["partner_outbox"]>;

export function toAgreement(r: AgreementRow): Agreement {
  const terms = JSON.parse(r.terms) as AgreementTerms;
  return {
    ...terms,
    id: r.id,
    version: Number(r.version),
    status: r.status,
    partnerNodeId: r.partner_node_id,
    partnerKey: r.partner_key,
    partnerKeyId: r.partner_key_id,
    partnerUrl: r.partner_url,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    approvalId: r.approval_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export function listSharing(q: Q) {
  return q.selectFrom("watchlists").select(["id", "sharing"]).orderBy("id").execute();
}

export async function setSharing(trx: Transaction<Database>, list: string, sharing: Sharing) {
  const before = await trx
    .selectFrom("watchlists")
    .select("sharing")
    .where("id", "=", list)
    .executeTakeFirst();
  if (before) await trx.updateTable("watchlists").set({ sharing }).where("id", "=", list).execute();
  return before?.sharing;
}

/** The fields of an agreement kept as its `terms` JSON. */
const TERMS = [
  "purposes",
  "queryKinds",
  "lists",
  "categories",
  "retentionDays",
  "ratePerMinute",
  "contact",
  "autoDocumentCheck",
  "regionalBundle",
] as const satisfies readonly (keyof AgreementTerms)[];

export async function insertAgreement(trx: Transaction<Database>, a: Agreement, now: string) {
  await trx
    .insertInto("partner_agreements")
    .values({
      id: a.id,
      version: a.version,
      status: a.status,
      partner_node_id: a.partnerNodeId,
      partner_key: a.partnerKey,
      partner_key_id: a.partnerKeyId,
      partner_url: a.partnerUrl,
      valid_from: a.validFrom,
      valid_to: a.validTo,
      terms: JSON.stringify(
        Object.fromEntries(TERMS.filter((k) => a[k] !== undefined).map((k) => [k, a[k]])),
      ),
      approval_id: a.approvalId,
      created_by: a.createdBy,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function latestVersion(q: Q, id: string): Promise<number> {
  const r = await q
    .selectFrom("partner_agreements")
    .select((eb) => eb.fn.max("version").as("v"))
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(r?.v ?? 0);
}

export async function getAgreement(q: Q, id: string, version: number): Promise<Agreement | undefined> {
  const r = await q
    .selectFrom("partner_agreements")
    .selectAll()
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return r ? toAgreement(r) : undefined;
}

/** The agreement in force (active or suspended) with a partner, found by key id or by node id. */
export async function agreementInForce(
  q: Q,
  by: { keyId: string } | { nodeId: string },
): Promise<Agreement | undefined> {
  let sel = q.selectFrom("partner_agreements").selectAll().where("status", "in", ["active", "suspended"]);
  sel =
    "keyId" in by ? sel.where("partner_key_id", "=", by.keyId) : sel.where("partner_node_id", "=", by.nodeId);
  const r = await sel.orderBy("created_at", "desc").orderBy("version", "desc").executeTakeFirst();
  return r ? toAgreement(r) : undefined;
}

/** Every agreement version now active: the ones that may be asked automatically are among them. */
export async function activeAgreements(q: Q): Promise<Agreement[]> {
  const rows = await q.selectFrom("partner_agreements").selectAll().where("status", "=", "active").execute();
  return rows.map(toAgreement);
}

export async function listAgreements(q: Q): Promise<Agreement[]> {
  const rows = await q
    .selectFrom("partner_agreements")
    .selectAll()
    .orderBy("id")
    .orderBy("version")
    .execute();
  return rows.map(toAgreement);
}

export async function setAgreementStatus(
  trx: Transaction<Database>,
  a: { id: string; version: number },
  from: AgreementStatus[],
  to: AgreementStatus,
  now: string,
): Promise<boolean> {
  const r = await trx
    .updateTable("partner_agreements")
    .set({ status: to, updated_at: now })
    .where("id", "=", a.id)
    .where("version", "=", a.version)
    .where("status", "in", from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The versions in force before `version` step down when it takes effect. */
export async function supersedeOthers(trx: Transaction<Database>, id: string, version: number, now: string) {
  await trx
    .updateTable("partner_agreements")
    .set({ status: "superseded", updated_at: now })
    .where("id", "=", id)
    .where("version", "!=", version)
    .where("status", "in", ["active", "suspended"])
    .execute();
}

/** Records a nonce once; false when it was seen before (a replay). */
export async function claimNonce(q: Q, keyId: string, nonce: string, at: string): Promise<boolean> {
  const r = await q
    .insertInto("partner_nonces")
    .values({ key_id: keyId, nonce, seen_at: at })
    .onConflict((oc) => oc.columns(["key_id", "nonce"]).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Nonces older than the accepted clock window can never be replayed (the timestamp is refused). */
export async function pruneNonces(q: Q, before: string) {
  await q.deleteFrom("partner_nonces").where("seen_at", "<", before).execute();
}

export async function insertQuery(trx: Transaction<Database>, row: QueryRow) {
  await trx.insertInto("partner_queries").values(row).execute();
}

export function queriesOfAlert(q: Q, alertId: string, agency: string) {
  return q
    .selectFrom("partner_queries")
    .selectAll()
    .where("direction", "=", "sent")
    .where("alert_id", "=", alertId)
    .where("agency", "=", agency)
    .orderBy("created_at")
    .execute();
}

export function getQuery(q: Q, requestId: string, direction: "sent" | "received") {
  return q
    .selectFrom("partner_queries")
    .selectAll()
    .where("request_id", "=", requestId)
    .where("direction", "=", direction)
    .executeTakeFirst();
}

export async function insertFollowUp(trx: Transaction<Database>, row: FollowUpRow) {
  await trx.insertInto("partner_follow_ups").values(row).execute();
}

export function getFollowUp(q: Q, id: string, direction: "sent" | "received") {
  return q
    .selectFrom("partner_follow_ups")
    .selectAll()
    .where("id", "=", id)
    .where("direction", "=", direction)
    .executeTakeFirst();
}

export function followUps(
  q: Q,
  direction: "sent" | "received",
  filter: { status?: string; queryRequestId?: string },
) {
  let sel = q.selectFrom("partner_follow_ups").selectAll().where("direction", "=", direction);
  if (filter.status) sel = sel.where("status", "=", filter.status as FollowUpRow["status"]);
  if (filter.queryRequestId) sel = sel.where("query_request_id", "=", filter.queryRequestId);
  return sel.orderBy("created_at").execute();
}

export async function settleFollowUp(
  trx: Transaction<Database>,
  id: string,
  direction: "sent" | "received",
  set: Partial<FollowUpRow>,
): Promise<boolean> {
  const r = await trx
    .updateTable("partner_follow_ups")
    .set(set)
    .where("id", "=", id)
    .where("direction", "=", direction)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Received follow-up data past its expiry: removed by the retention job. */
export function expiredReceived(q: Q, now: string) {
  return q
    .selectFrom("partner_follow_ups")
    .select(["id", "partner_node_id", "agreement_id"])
    .where("direction", "=", "sent")
    .where("data", "is not", null)
    .where("expires_at", "<=", now)
    .execute();
}

export async function dropReceivedData(trx: Transaction<Database>, ids: string[]) {
  if (ids.length === 0) return;
  await trx
    .updateTable("partner_follow_ups")
    .set({ data: null, status: "expired" })
    .where("direction", "=", "sent")
    .where("id", "in", ids)
    .execute();
}

/** One of this node's own crossings, for the answer to its automatic document query (auto-check.ts). */
export function getCrossing(q: Q, id: string) {
  return q
    .selectFrom("crossings")
    .select(["id", "agency", "screening_id", "crossing_point_id", "data"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** One alert of an agency, with what a partner check or a hand-over needs of it. */
export function alertOfAgency(q: Q, id: string, agency: string) {
  return q
    .selectFrom("alerts")
    .select(["id", "reference", "priority", "status", "reasons", "traveller"])
    .where("id", "=", id)
    .where("agency", "=", agency)
    .executeTakeFirst();
}

/** Whether any user belongs to the agency: agencies exist only through their users. */
export async function agencyExists(q: Q, agency: string): Promise<boolean> {
  return (
    (await q.selectFrom("users").select("id").where("agency", "=", agency).executeTakeFirst()) !== undefined
  );
}

export async function insertHandOver(trx: Transaction<Database>, row: HandOverRow) {
  await trx.insertInto("alert_hand_overs").values(row).execute();
}

/** The newest hand-overs to an agency (at most `limit`). */
export function handOversToAgency(q: Q, agency: string, limit: number) {
  return q
    .selectFrom("alert_hand_overs")
    .selectAll()
    .where("to_agency", "=", agency)
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
}

/** Each list shared with partners and its live (newest ready) version, if any. */
export function sharedListVersions(q: Q) {
  return q
    .selectFrom("watchlists as w")
    .leftJoin("watchlist_versions as v", (j) =>
      j.onRef("v.list_id", "=", "w.id").on("v.status", "=", "ready"),
    )
    .select(["w.id", (eb) => eb.fn.max("v.version").as("live")])
    .where("w.sharing", "=", "partners")
    .groupBy("w.id")
    .orderBy("w.id")
    .execute();
}

export async function insertOutbox(trx: Transaction<Database>, row: OutboxRow) {
  await trx.insertInto("partner_outbox").values(row).execute();
}

export function getOutbox(q: Q, id: string) {
  return q.selectFrom("partner_outbox").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Records an attempt on a message not yet settled; false when another process settled it first. */
export async function recordAttempt(
  trx: Transaction<Database>,
  id: string,
  set: Pick<OutboxRow, "attempts" | "last_error"> &
    Partial<Pick<OutboxRow, "next_attempt_at" | "delivered_at">>,
): Promise<boolean> {
  const r = await trx
    .updateTable("partner_outbox")
    .set(set)
    .where("id", "=", id)
    .where("delivered_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The ids of the unsettled messages due at `now`, the longest-waiting first (at most `limit`). */
export function dueOutbox(q: Q, now: string, limit: number) {
  return q
    .selectFrom("partner_outbox")
    .select("id")
    .where("delivered_at", "is", null)
    .where("next_attempt_at", "<=", now)
    .orderBy("next_attempt_at")
    .limit(limit)
    .execute();
}
