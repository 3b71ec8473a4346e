// Protection as use cases: any officer records an asylum request or a vulnerability on a person; each need
// is referred to its service with a deadline; referrals are tracked to completion; and while one is open
// the alert service refuses refusal, return and removal (it asks `status`). Protection data is read only
// by roles that need it, and is kept out of any data shared with partner agencies: it lives in its own
// tables, which no sharing view may read, and audit entries carry ids only, never the need itself. A
// future sharing feature must also drop the `protection` status that the alert detail carries: that an
// asylum request exists must never reach the state the person may be fleeing.
import type { Kysely } from "kysely";
import type { Principal } from "../access/index.js";
import type { Database, Db } from "../db/index.js";
import { closeReferral } from "./close-referral.js";
import { type LinkInput, linkAlert } from "./link.js";
import { DEFAULT_PROTECTION_CONFIG, type ProtectionConfig } from "./model.js";
import { forPerson, getRecord, listReferrals, protectionStatus } from "./read.js";
import { recordNeeds } from "./record.js";
import type { ProtectionDeps, RecordInput } from "./views.js";

export type { PersonInput, RecordInput } from "./views.js";

export function createProtectionService(db: Db, opts: { now?: () => Date; config?: ProtectionConfig } = {}) {
  const deps: ProtectionDeps = {
    db,
    now: opts.now ?? (() => new Date()),
    config: opts.config ?? DEFAULT_PROTECTION_CONFIG,
  };
  return {
    config: deps.config,
    record: (p: Principal, input: RecordInput) => recordNeeds(deps, p, input),
    /**
     * For the alert service: is an adverse border action barred for this person or this alert? Read in
     * the caller's transaction when it has one, so the check and the decision see the same state.
     */
    status: (agency: string, who: { identityKey: string; alertId?: string }, executor?: Kysely<Database>) =>
      protectionStatus(db, agency, who, executor),
    /** Everything on record for one person (and the alert they are on), for the alert detail screen. */
    forPerson: (p: Principal, who: { identityKey: string; alertId?: string; purpose: string }) =>
      forPerson(deps, p, who),
    listReferrals: (p: Principal, filter: { status?: "open" | "closed"; overdue?: boolean } = {}) =>
      listReferrals(deps, p, filter),
    get: (p: Principal, recordId: string, purpose: string) => getRecord(deps, p, recordId, purpose),
    /** See link.ts: a reviewer says the person on an alert is the person of a record. */
    link: (p: Principal, recordId: string, input: LinkInput) => linkAlert(db, deps.now, p, recordId, input),
    closeReferral: (p: Principal, id: string, input: { outcome: string; purpose: string }) =>
      closeReferral(deps, p, id, input),
  };
}

export type ProtectionService = ReturnType<typeof createProtectionService>;
