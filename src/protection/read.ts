// Reading protection data: the bar for the alert service, and the records and referrals for the roles that
// need them (each read audited).
import type { Kysely } from "kysely";
import type { Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Database, Db } from "../db/index.js";
import { recordNotFound } from "./link.js";
import { type ProtectionStatus, protectionBar } from "./model.js";
import { bindingsOfPerson, boundRecordIds, referralStates } from "./store.js";
import { need, type ProtectionDeps, recordView, referralView } from "./views.js";

/**
 * For the alert service: is an adverse border action barred for this person or this alert? Read in
 * the caller's transaction when it has one, so the check and the decision see the same state.
 */
export async function protectionStatus(
  db: Db,
  agency: string,
  who: { identityKey: string; alertId?: string },
  executor: Kysely<Database> = db.kysely,
): Promise<ProtectionStatus> {
  const ids = await boundRecordIds(executor, agency, await bindingsOfPerson(executor, agency, who));
  return protectionBar(await referralStates(executor, ids));
}

/** Everything on record for one person (and the alert they are on), for the alert detail screen. */
export async function forPerson(
  deps: ProtectionDeps,
  p: Principal,
  who: { identityKey: string; alertId?: string; purpose: string },
) {
  const { db, now } = deps;
  need(p, "protection:read");
  const ids = await boundRecordIds(db.kysely, p.agency, await bindingsOfPerson(db.kysely, p.agency, who));
  const records =
    ids.length === 0
      ? []
      : await db.kysely
          .selectFrom("protection_records")
          .selectAll()
          .where("id", "in", ids)
          .orderBy("created_at")
          .orderBy("id")
          .execute();
  const referrals =
    records.length === 0
      ? []
      : await db.kysely
          .selectFrom("referrals")
          .selectAll()
          .where(
            "record_id",
            "in",
            records.map((r) => r.id),
          )
          .orderBy("due_at")
          .execute();
  await db.kysely.transaction().execute((trx) =>
    appendAudit(trx, {
      actor: p,
      action: "protection.read",
      objectType: "person",
      purpose: who.purpose,
      outcome: "success",
      details: { records: records.map((r) => r.id), ...(who.alertId ? { alertId: who.alertId } : {}) },
    }),
  );
  const at = now().toISOString();
  return { records: records.map(recordView), referrals: referrals.map((r) => referralView(r, at)) };
}

export async function listReferrals(
  deps: ProtectionDeps,
  p: Principal,
  filter: { status?: "open" | "closed"; overdue?: boolean } = {},
) {
  const { db, now } = deps;
  need(p, "protection:read");
  const at = now().toISOString();
  let q = db.kysely.selectFrom("referrals").selectAll().where("agency", "=", p.agency);
  if (filter.status) q = q.where("status", "=", filter.status);
  if (filter.overdue) q = q.where("status", "=", "open").where("due_at", "<", at);
  const rows = await q.orderBy("due_at").limit(500).execute();
  return { referrals: rows.map((r) => referralView(r, at)) };
}

export async function getRecord(deps: ProtectionDeps, p: Principal, recordId: string, purpose: string) {
  const { db, now } = deps;
  need(p, "protection:read");
  const record = await db.kysely
    .selectFrom("protection_records")
    .selectAll()
    .where("id", "=", recordId)
    .where("agency", "=", p.agency)
    .executeTakeFirst();
  if (!record) throw recordNotFound(recordId);
  const referrals = await db.kysely
    .selectFrom("referrals")
    .selectAll()
    .where("record_id", "=", recordId)
    .execute();
  await db.kysely.transaction().execute((trx) =>
    appendAudit(trx, {
      actor: p,
      action: "protection.read",
      objectType: "protection_record",
      objectId: recordId,
      purpose,
      outcome: "success",
    }),
  );
  const at = now().toISOString();
  return { record: recordView(record), referrals: referrals.map((r) => referralView(r, at)) };
}
