// Recording a protection need: one record and one referral per need, bound to every key the person was
// seen with, each audited, in one transaction.
import { randomUUID } from "node:crypto";
import type { Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import { InvalidError } from "../shared/errors.js";
import { bind, bindingsOf, insertRecord, insertReferral } from "./store.js";
import { subject } from "./subject.js";
import {
  need,
  type ProtectionDeps,
  type RecordInput,
  type RecordRow,
  type ReferralRow,
  recordView,
  referralView,
} from "./views.js";

export async function recordNeeds(deps: ProtectionDeps, p: Principal, input: RecordInput) {
  const { db, now, config } = deps;
  need(p, "protection:record");
  if (input.kinds.length === 0)
    throw new InvalidError("name at least one protection need", undefined, "protection_kinds_required");
  const who = await subject(db, p, input);
  const at = now();
  const createdAt = at.toISOString();
  return db.kysely.transaction().execute(async (trx) => {
    const records: RecordRow[] = [];
    const referrals: ReferralRow[] = [];
    for (const kind of new Set(input.kinds)) {
      const record: RecordRow = {
        id: randomUUID(),
        agency: p.agency,
        identity_key: who.key,
        person: JSON.stringify(who.person),
        kind,
        note: input.note?.trim() || null,
        alert_id: who.alertId,
        crossing_id: input.crossingId ?? null,
        created_by: p.username,
        created_at: createdAt,
      };
      const { service, hours } = config.referrals[kind];
      const referral: ReferralRow = {
        id: randomUUID(),
        record_id: record.id,
        agency: p.agency,
        identity_key: who.key,
        service,
        status: "open",
        created_at: createdAt,
        due_at: new Date(at.getTime() + hours * 3600_000).toISOString(),
        closed_at: null,
        closed_by: null,
        outcome: null,
      };
      await insertRecord(trx, record);
      await insertReferral(trx, referral);
      // The bar follows the person: every key they were seen with, and where the record came from.
      await bind(
        trx,
        record,
        [{ kind: "identity", value: who.key }, ...bindingsOf(who.person, who)],
        createdAt,
      );
      records.push(record);
      referrals.push(referral);
      await appendAudit(trx, {
        actor: p,
        action: "protection.record",
        objectType: "protection_record",
        objectId: record.id,
        purpose: input.purpose,
        outcome: "success",
        details: { referralId: referral.id, ...(who.alertId ? { alertId: who.alertId } : {}) },
      });
    }
    return {
      records: records.map(recordView),
      referrals: referrals.map((r) => referralView(r, createdAt)),
    };
  });
}
