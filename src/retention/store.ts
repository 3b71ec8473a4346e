// Plain queries of the retention job: which records have expired, and how each is depersonalised. Every
// function runs on the caller's transaction, so one batch changes all its rows or none.
import { type Kysely, type SqlBool, sql } from "kysely";
import type { Database } from "../db/index.js";
import { personKey, type Traveller } from "../travel/index.js";
import * as strip from "./depersonalise.js";
import type { Cutoffs } from "./policy.js";

type Q = Kysely<Database>;

/** Keyset position: pages go forward by (created_at, id), so kept rows are not read again. */
export interface Cursor {
  at: string;
  id: string;
}

/**
 * An open protection referral holds the screening: its record is bound to the crossing, an alert of the
 * screening, or the identity key of a person screened in it.
 */
const heldByProtection = sql<SqlBool>`exists (
  select 1 from protection_bindings b join referrals r on r.record_id = b.record_id
  where r.status = 'open' and b.agency = s.agency and (
    (b.kind = 'crossing' and b.value in (select c.id from crossings c where c.screening_id = s.id))
    or (b.kind = 'alert' and b.value in (select a.id from alerts a where a.screening_id = s.id))
    or (b.kind = 'identity' and b.value in
      (select st.identity_key from screened_travellers st where st.screening_id = s.id))))`;

/**
 * Screenings past retention: created before the no-hit cutoff, and every alert they opened closed before
 * the alert cutoff (an open or merely decided alert keeps them), and not held by protection.
 */
export function expiredScreenings(q: Q, c: Cutoffs, after: Cursor | undefined, limit: number) {
  let query = q
    .selectFrom("screening_requests as s")
    .select(["s.id", "s.agency", "s.created_at"])
    .where("s.depersonalised_at", "is", null)
    .where("s.created_at", "<", c.noHit)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("alerts as a")
            .select("a.id")
            .whereRef("a.screening_id", "=", "s.id")
            .where((eb) => eb.or([eb("a.status", "!=", "closed"), eb("a.updated_at", ">=", c.alertClosed)])),
        ),
      ),
    )
    .where(({ not }) => not(heldByProtection));
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb("s.created_at", ">", after.at),
        eb.and([eb("s.created_at", "=", after.at), eb("s.id", ">", after.id)]),
      ]),
    );
  return query.orderBy("s.created_at").orderBy("s.id").limit(limit).execute();
}

/** Person keys bound to an open referral, per agency: the key a record without a document holds by. */
export async function openPersonKeys(q: Q): Promise<Set<string>> {
  const rows = await q
    .selectFrom("protection_bindings as b")
    .innerJoin("referrals as r", "r.record_id", "b.record_id")
    .select(["b.agency", "b.value"])
    .where("r.status", "=", "open")
    .where("b.kind", "=", "person")
    .execute();
  return new Set(rows.map((r) => `${r.agency}|${r.value}`));
}

/** The screenings of `ids` whose persons (as the input holds them) have an open referral by person key. */
export async function heldByPersonKey(
  q: Q,
  ids: readonly string[],
  keys: ReadonlySet<string>,
): Promise<Set<string>> {
  if (ids.length === 0 || keys.size === 0) return new Set();
  const rows = await q
    .selectFrom("crossings")
    .select(["screening_id", "agency", "data"])
    .where("screening_id", "in", ids)
    .execute();
  const manifests = await q
    .selectFrom("manifests")
    .select(["screening_id", "agency", "data"])
    .where("screening_id", "in", ids)
    .execute();
  const held = new Set<string>();
  const check = (screeningId: string, agency: string, t: Traveller) => {
    const k = personKey(t);
    if (k && keys.has(`${agency}|${k}`)) held.add(screeningId);
  };
  for (const r of rows)
    check(r.screening_id, r.agency, (JSON.parse(r.data) as { traveller: Traveller }).traveller);
  for (const m of manifests)
    for (const t of (JSON.parse(m.data) as { manifest: { persons: Traveller[] } }).manifest.persons)
      check(m.screening_id, m.agency, t);
  return held;
}

export interface ScreeningCounts {
  screenings: number;
  crossings: number;
  manifests: number;
  alerts: number;
  clearances: number;
}

/** Depersonalises the screenings `ids` with their crossings, manifests and alerts; clearances go. */
export async function depersonaliseScreenings(
  q: Q,
  ids: readonly string[],
  at: string,
): Promise<ScreeningCounts> {
  const crossings = await q
    .selectFrom("crossings")
    .select(["id", "data"])
    .where("screening_id", "in", ids)
    .execute();
  for (const c of crossings)
    await q
      .updateTable("crossings")
      .set({ data: strip.crossingData(c.data), depersonalised_at: at })
      .where("id", "=", c.id)
      .execute();
  const manifests = await q
    .selectFrom("manifests")
    .select(["id", "data"])
    .where("screening_id", "in", ids)
    .execute();
  for (const m of manifests)
    await q
      .updateTable("manifests")
      .set({ data: strip.manifestData(m.data), depersonalised_at: at })
      .where("id", "=", m.id)
      .execute();
  const alerts = await q
    .selectFrom("alerts")
    .select(["id", "traveller", "reasons"])
    .where("screening_id", "in", ids)
    .execute();
  for (const a of alerts) {
    await q
      .updateTable("alerts")
      .set({
        traveller: JSON.stringify(strip.traveller(JSON.parse(a.traveller) as Traveller)),
        reasons: strip.alertReasons(a.reasons),
        identity_key: "",
        depersonalised_at: at,
      })
      .where("id", "=", a.id)
      .execute();
  }
  const alertIds = alerts.map((a) => a.id);
  let clearances = 0;
  if (alertIds.length > 0) {
    await q.updateTable("alert_decisions").set({ reason: "" }).where("alert_id", "in", alertIds).execute();
    const gone = await q.selectFrom("clearances").select("id").where("alert_id", "in", alertIds).execute();
    if (gone.length > 0) {
      const goneIds = gone.map((g) => g.id);
      await q.deleteFrom("clearance_notes").where("clearance_id", "in", goneIds).execute();
      await q.deleteFrom("clearances").where("id", "in", goneIds).execute();
    }
    clearances = gone.length;
  }
  await q.deleteFrom("clearance_notes").where("screening_id", "in", ids).execute();
  await q
    .updateTable("screened_travellers")
    .set({ identity_key: "" })
    .where("screening_id", "in", ids)
    .execute();
  await q.updateTable("screening_results").set({ matches: "[]" }).where("request_id", "in", ids).execute();
  await q
    .updateTable("screening_requests")
    .set({ input: "[]", purpose: "", depersonalised_at: at })
    .where("id", "in", ids)
    .execute();
  return {
    screenings: ids.length,
    crossings: crossings.length,
    manifests: manifests.length,
    alerts: alerts.length,
    clearances,
  };
}

/** Protection records past retention: every referral closed, the last before the cutoff. */
export function expiredProtectionRecords(q: Q, c: Cutoffs, after: Cursor | undefined, limit: number) {
  let query = q
    .selectFrom("protection_records as p")
    .select(["p.id", "p.created_at"])
    .where("p.depersonalised_at", "is", null)
    .where("p.created_at", "<", c.protectionClosed)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("referrals as r")
            .select("r.id")
            .whereRef("r.record_id", "=", "p.id")
            .where((eb) => eb.or([eb("r.status", "=", "open"), eb("r.closed_at", ">=", c.protectionClosed)])),
        ),
      ),
    );
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb("p.created_at", ">", after.at),
        eb.and([eb("p.created_at", "=", after.at), eb("p.id", ">", after.id)]),
      ]),
    );
  return query.orderBy("p.created_at").orderBy("p.id").limit(limit).execute();
}

export async function depersonaliseProtectionRecords(q: Q, ids: readonly string[], at: string) {
  const rows = await q
    .selectFrom("protection_records")
    .select(["id", "person"])
    .where("id", "in", ids)
    .execute();
  for (const r of rows) {
    await q
      .updateTable("protection_records")
      .set({ person: strip.protectionPerson(r.person), note: null, identity_key: "", depersonalised_at: at })
      .where("id", "=", r.id)
      .execute();
  }
  await q
    .updateTable("referrals")
    .set({ identity_key: "", outcome: "" })
    .where("record_id", "in", ids)
    .execute();
  const bindings = await q.deleteFrom("protection_bindings").where("record_id", "in", ids).executeTakeFirst();
  return { records: rows.length, bindings: Number(bindings.numDeletedRows) };
}

/** Audit entries written before the cutoff. */
export async function countAuditBefore(q: Q, cutoff: string): Promise<number> {
  const r = await q
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("ts", "<", cutoff)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
