// Reading protection data: the bar for the alert service, and the records and referrals for the roles that
// need them (each read audited).
import type { Kysely } from "kysely";
import type { Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Database, Db } from "../db/index.js";
import { recordNotFound } from "./link.js";
import { type ProtectionStatus, protectionBar } from "./model.js";
import {
  bindingsOfPerson,
  boundRecordIds,
  findRecord,
  recordsByIds,
  referralList,
  referralStates,
  referralsOfRecords,
} from "./store.js";
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
  const records = await recordsByIds(db.kysely, ids);
  const referrals = await referralsOfRecords(
    db.kysely,
    records.map((r) => r.id),
  );
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
  const rows = await referralList(db.kysely, p.agency, {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.overdue ? { overdueAt: at } : {}),
  });
  return { referrals: rows.map((r) => referralView(r, at)) };
}

export async function getRecord(deps: ProtectionDeps, p: Principal, recordId: string, purpose: string) {
  const { db, now } = deps;
  need(p, "protection:read");
  const record = await findRecord(db.kysely, p.agency, recordId);
  if (!record) throw recordNotFound(recordId);
  const referrals = await referralsOfRecords(db.kysely, [recordId]);
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
