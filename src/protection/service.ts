// Protection as use cases: any officer records an asylum request or a vulnerability on a person; each need
// is referred to its service with a deadline; referrals are tracked to completion; and while one is open
// the alert service refuses refusal, return and removal (it asks `status`). Protection data is read only
// by roles that need it, and is kept out of any data shared with partner agencies: it lives in its own
// tables, which no sharing view may read, and audit entries carry ids only, never the need itself. A
// future sharing feature must also drop the `protection` status that the alert detail carries: that an
// asylum request exists must never reach the state the person may be fleeing.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Database, Db } from "../db/index.js";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../shared/errors.js";
import { identityKey, type Traveller } from "../travel/index.js";
import { type LinkInput, linkAlert, recordNotFound } from "./link.js";
import {
  DEFAULT_PROTECTION_CONFIG,
  type ProtectionConfig,
  type ProtectionKind,
  type ProtectionStatus,
  protectionBar,
} from "./model.js";
import { bind, bindingsOf, bindingsOfPerson, boundRecordIds, referralStates } from "./store.js";

/** Who the record is about when there is no alert or crossing: as the officer saw them. */
export interface PersonInput {
  surname: string;
  givenNames?: string;
  birthDate?: string;
  nationality?: string;
  documents?: { number: string; issuingCountry?: string }[];
}

export interface RecordInput {
  alertId?: string;
  crossingId?: string;
  person?: PersonInput;
  kinds: ProtectionKind[];
  note?: string;
  purpose: string;
}

type ReferralRow = Database["referrals"];
type RecordRow = Database["protection_records"];

function referralView(r: ReferralRow, now: string) {
  return {
    id: r.id,
    recordId: r.record_id,
    service: r.service,
    status: r.status,
    createdAt: r.created_at,
    dueAt: r.due_at,
    overdue: r.status === "open" && r.due_at < now,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    outcome: r.outcome,
  };
}

function recordView(r: RecordRow) {
  return {
    id: r.id,
    kind: r.kind,
    note: r.note,
    person: JSON.parse(r.person) as Traveller,
    alertId: r.alert_id,
    crossingId: r.crossing_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export function createProtectionService(db: Db, opts: { now?: () => Date; config?: ProtectionConfig } = {}) {
  const now = opts.now ?? (() => new Date());
  const config = opts.config ?? DEFAULT_PROTECTION_CONFIG;

  function need(p: Principal, permission: "protection:record" | "protection:read" | "protection:manage") {
    if (!can(p, permission))
      throw new ForbiddenError(`permission "${permission}" required`, undefined, "permission_denied", {
        permission,
      });
  }

  /** The person a record is about, and the alert it belongs to, from exactly one source. */
  async function subject(p: Principal, input: RecordInput) {
    const sources = [input.alertId, input.crossingId, input.person].filter((x) => x !== undefined);
    if (sources.length !== 1)
      throw new InvalidError(
        "give exactly one of alertId, crossingId or person",
        undefined,
        "protection_source",
      );
    if (input.alertId) {
      const a = await db.kysely
        .selectFrom("alerts")
        .select(["traveller", "identity_key", "source", "source_id"])
        .where("id", "=", input.alertId)
        .where("agency", "=", p.agency)
        .executeTakeFirst();
      if (!a)
        throw new NotFoundError(`alert ${input.alertId} not found`, undefined, "alert_not_found", {
          id: input.alertId,
        });
      return {
        person: JSON.parse(a.traveller) as Traveller,
        key: a.identity_key,
        alertId: input.alertId,
        crossingId: a.source === "crossing" ? a.source_id : null,
      };
    }
    if (input.crossingId) {
      const c = await db.kysely
        .selectFrom("crossings")
        .select("data")
        .where("id", "=", input.crossingId)
        .where("agency", "=", p.agency)
        .executeTakeFirst();
      if (!c)
        throw new NotFoundError(`crossing ${input.crossingId} not found`, undefined, "crossing_not_found", {
          id: input.crossingId,
        });
      const person = (JSON.parse(c.data) as { traveller: Traveller }).traveller;
      // The alert the crossing opened, if any: the bar then holds for it whatever the identity says.
      const alert = await db.kysely
        .selectFrom("alerts")
        .select("id")
        .where("agency", "=", p.agency)
        .where("source", "=", "crossing")
        .where("source_id", "=", input.crossingId)
        .executeTakeFirst();
      return { person, key: identityKey(person), alertId: alert?.id ?? null, crossingId: input.crossingId };
    }
    const given = input.person!;
    const person: Traveller = {
      surname: given.surname,
      givenNames: given.givenNames ?? "",
      role: "passenger",
      documents: given.documents ?? [],
      ...(given.birthDate ? { birthDate: given.birthDate } : {}),
      ...(given.nationality ? { nationality: given.nationality } : {}),
    };
    return { person, key: identityKey(person), alertId: null, crossingId: null };
  }

  return {
    config,

    async record(p: Principal, input: RecordInput) {
      need(p, "protection:record");
      if (input.kinds.length === 0)
        throw new InvalidError("name at least one protection need", undefined, "protection_kinds_required");
      const who = await subject(p, input);
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
          await trx.insertInto("protection_records").values(record).execute();
          await trx.insertInto("referrals").values(referral).execute();
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
    },

    /**
     * For the alert service: is an adverse border action barred for this person or this alert? Read in
     * the caller's transaction when it has one, so the check and the decision see the same state.
     */
    async status(
      agency: string,
      who: { identityKey: string; alertId?: string },
      executor: Kysely<Database> = db.kysely,
    ): Promise<ProtectionStatus> {
      const ids = await boundRecordIds(executor, agency, await bindingsOfPerson(executor, agency, who));
      return protectionBar(await referralStates(executor, ids));
    },

    /** Everything on record for one person (and the alert they are on), for the alert detail screen. */
    async forPerson(p: Principal, who: { identityKey: string; alertId?: string; purpose: string }) {
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
    },

    async listReferrals(p: Principal, filter: { status?: "open" | "closed"; overdue?: boolean } = {}) {
      need(p, "protection:read");
      const at = now().toISOString();
      let q = db.kysely.selectFrom("referrals").selectAll().where("agency", "=", p.agency);
      if (filter.status) q = q.where("status", "=", filter.status);
      if (filter.overdue) q = q.where("status", "=", "open").where("due_at", "<", at);
      const rows = await q.orderBy("due_at").limit(500).execute();
      return { referrals: rows.map((r) => referralView(r, at)) };
    },

    async get(p: Principal, recordId: string, purpose: string) {
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
    },

    /** See link.ts: a reviewer says the person on an alert is the person of a record. */
    link(p: Principal, recordId: string, input: LinkInput) {
      return linkAlert(db, now, p, recordId, input);
    },

    async closeReferral(p: Principal, id: string, input: { outcome: string; purpose: string }) {
      need(p, "protection:manage");
      if (input.outcome.trim().length < 10)
        throw new InvalidError(
          "say how the referral ended, in at least 10 characters",
          undefined,
          "referral_outcome_required",
        );
      return db.kysely.transaction().execute(async (trx) => {
        const r = await trx
          .selectFrom("referrals")
          .selectAll()
          .where("id", "=", id)
          .where("agency", "=", p.agency)
          .executeTakeFirst();
        if (!r) throw new NotFoundError(`referral ${id} not found`, undefined, "referral_not_found", { id });
        if (r.status === "closed")
          throw new ConflictError(
            `referral ${id} was closed on ${r.closed_at}`,
            undefined,
            "referral_closed",
            {
              id,
              closedAt: r.closed_at ?? "",
            },
          );
        const at = now().toISOString();
        await trx
          .updateTable("referrals")
          .set({ status: "closed", closed_at: at, closed_by: p.username, outcome: input.outcome.trim() })
          .where("id", "=", id)
          .execute();
        await appendAudit(trx, {
          actor: p,
          action: "protection.referral.close",
          objectType: "referral",
          objectId: id,
          purpose: input.purpose,
          outcome: "success",
        });
        return referralView(
          { ...r, status: "closed", closed_at: at, closed_by: p.username, outcome: input.outcome.trim() },
          at,
        );
      });
    },
  };
}

export type ProtectionService = ReturnType<typeof createProtectionService>;
