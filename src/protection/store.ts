// Plain queries on protection records, referrals and the bar: what a record is bound to, and which
// records and referrals are bound to a person. A record binds to the identity key (document, name, birth
// date), the person key (name and full birth date, any document), and the alert and crossing it came
// from, so the bar holds when the same person comes back with another document. Each runs on the
// caller's transaction or connection; the rules stay with the use cases.
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database } from "../db/index.js";
import { identityKey, personKey, type Traveller } from "../travel/index.js";

export type Binding = Pick<Database["protection_bindings"], "kind" | "value">;

/** Everything a person seen as `t` (on this alert or crossing) is known by. */
export function bindingsOf(
  t: Traveller,
  from: { alertId?: string | null; crossingId?: string | null },
): Binding[] {
  const person = personKey(t);
  return [
    { kind: "identity", value: identityKey(t) },
    ...(person ? [{ kind: "person" as const, value: person }] : []),
    ...(from.alertId ? [{ kind: "alert" as const, value: from.alertId }] : []),
    ...(from.crossingId ? [{ kind: "crossing" as const, value: from.crossingId }] : []),
  ];
}

/** Binds a record; a binding it already has is kept as it is. */
export async function bind(
  trx: Transaction<Database>,
  record: { id: string; agency: string },
  bindings: readonly Binding[],
  at: string,
): Promise<number> {
  let added = 0;
  for (const b of bindings) {
    const r = await trx
      .insertInto("protection_bindings")
      .values({ record_id: record.id, agency: record.agency, kind: b.kind, value: b.value, created_at: at })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    added += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

/** The person on an alert, as the bar knows them: their keys, the alert and the crossing it came from. */
export async function bindingsOfAlert(
  q: Kysely<Database>,
  agency: string,
  alertId: string,
): Promise<{ bindings: Binding[] } | undefined> {
  const a = await alertPerson(q, agency, alertId);
  if (!a) return undefined;
  const identity: Binding = { kind: "identity", value: a.identity_key };
  // A goods alert (a vessel, a firearm, …) names no person: the bar can follow only the alert itself.
  if (a.subject_kind !== "person") return { bindings: [{ kind: "alert", value: alertId }, identity] };
  const traveller = JSON.parse(a.traveller) as Traveller;
  const crossingId = a.source === "crossing" ? a.source_id : null;
  return { bindings: [...bindingsOf(traveller, { alertId, crossingId }), identity] };
}

/** Ids of the agency's records bound to any of these. */
export async function boundRecordIds(q: Kysely<Database>, agency: string, bindings: readonly Binding[]) {
  if (bindings.length === 0) return [];
  const rows = await q
    .selectFrom("protection_bindings")
    .select("record_id")
    .distinct()
    .where("agency", "=", agency)
    .where((eb) => eb.or(bindings.map((b) => eb.and([eb("kind", "=", b.kind), eb("value", "=", b.value)]))))
    .execute();
  return rows.map((r) => r.record_id);
}

/** The referrals of those records, with the kind of need each record names. */
export async function referralStates(q: Kysely<Database>, recordIds: readonly string[]) {
  if (recordIds.length === 0) return [];
  return q
    .selectFrom("referrals")
    .innerJoin("protection_records", "protection_records.id", "referrals.record_id")
    .select(["referrals.status", "protection_records.kind"])
    .where("referrals.record_id", "in", recordIds)
    .execute();
}

/** What the bar looks for: the identity key, and when there is an alert, everything its person is known by. */
export async function bindingsOfPerson(
  q: Kysely<Database>,
  agency: string,
  who: { identityKey: string; alertId?: string },
): Promise<Binding[]> {
  const own: Binding[] = [{ kind: "identity", value: who.identityKey }];
  if (!who.alertId) return own;
  return [...own, ...((await bindingsOfAlert(q, agency, who.alertId))?.bindings ?? [])];
}

type Q = Kysely<Database>;

/** The agency's record, or undefined: another agency's does not exist for it. */
export function findRecord(q: Q, agency: string, id: string) {
  return q
    .selectFrom("protection_records")
    .selectAll()
    .where("id", "=", id)
    .where("agency", "=", agency)
    .executeTakeFirst();
}

export function recordsByIds(q: Q, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return q
    .selectFrom("protection_records")
    .selectAll()
    .where("id", "in", ids)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** The referrals of these records, the earliest due first. */
export function referralsOfRecords(q: Q, recordIds: readonly string[]) {
  if (recordIds.length === 0) return Promise.resolve([]);
  return q
    .selectFrom("referrals")
    .selectAll()
    .where("record_id", "in", recordIds)
    .orderBy("due_at")
    .execute();
}

/** The agency's referrals, the earliest due first; `overdueAt`: only those still open and due before it. */
export function referralList(q: Q, agency: string, f: { status?: "open" | "closed"; overdueAt?: string }) {
  let rows = q.selectFrom("referrals").selectAll().where("agency", "=", agency);
  if (f.status) rows = rows.where("status", "=", f.status);
  if (f.overdueAt) rows = rows.where("status", "=", "open").where("due_at", "<", f.overdueAt);
  return rows.orderBy("due_at").limit(500).execute();
}

export function findReferral(q: Q, agency: string, id: string) {
  return q
    .selectFrom("referrals")
    .selectAll()
    .where("id", "=", id)
    .where("agency", "=", agency)
    .executeTakeFirst();
}

export async function insertRecord(trx: Transaction<Database>, row: Database["protection_records"]) {
  await trx.insertInto("protection_records").values(row).execute();
}

export async function insertReferral(trx: Transaction<Database>, row: Database["referrals"]) {
  await trx.insertInto("referrals").values(row).execute();
}

export async function closeReferralRow(
  trx: Transaction<Database>,
  id: string,
  c: Pick<Selectable<Database["referrals"]>, "closed_at" | "closed_by" | "outcome">,
) {
  await trx
    .updateTable("referrals")
    .set({ status: "closed", ...c })
    .where("id", "=", id)
    .execute();
}

/** The person on the agency's alert as the alert stored them, and where the alert came from. */
export function alertPerson(q: Q, agency: string, alertId: string) {
  return q
    .selectFrom("alerts")
    .select(["traveller", "identity_key", "source", "source_id", "subject_kind"])
    .where("id", "=", alertId)
    .where("agency", "=", agency)
    .executeTakeFirst();
}

/** The crossing's stored data (its traveller) and the alert it opened, if any. */
export async function crossingPerson(q: Q, agency: string, crossingId: string) {
  const c = await q
    .selectFrom("crossings")
    .select("data")
    .where("id", "=", crossingId)
    .where("agency", "=", agency)
    .executeTakeFirst();
  if (!c) return undefined;
  const alert = await q
    .selectFrom("alerts")
    .select("id")
    .where("agency", "=", agency)
    .where("source", "=", "crossing")
    .where("source_id", "=", crossingId)
    .executeTakeFirst();
  return { data: c.data, alertId: alert?.id ?? null };
}
