// The retention job as a use case: depersonalise what has expired, in batches. Each batch is one
// transaction that changes its rows and appends one audit entry with the counts, so a crash leaves every
// batch done or not done, never half. A dry run does exactly the same work and rolls every batch back:
// its counts are the ones a real run would report.
import type { Transaction } from "kysely";
import { type AuditActor, type AuditSigning, appendAudit, erasePayloads } from "../audit/index.js";
import type { Database, Db } from "../db/index.js";
import { expireReceivedData } from "../partners/index.js";
import { depersonaliseGoods, expiredGoods, GOODS_TABLES } from "./goods-store.js";
import { type Cutoffs, cutoffs, type RetentionPolicy } from "./policy.js";
import {
  type Cursor,
  countAuditBefore,
  depersonaliseProtectionRecords,
  depersonaliseScreenings,
  expiredProtectionRecords,
  expiredScreenings,
  heldByPersonKey,
  openPersonKeys,
} from "./store.js";

export interface RetentionReport {
  dryRun: boolean;
  cutoffs: Cutoffs;
  screenings: {
    batches: number;
    screenings: number;
    crossings: number;
    manifests: number;
    alerts: number;
    clearances: number;
    heldByPersonKey: number;
  };
  protection: { batches: number; records: number; bindings: number };
  /** Goods checks (issue 17): rows depersonalised per table, and their closed alerts. */
  goods: {
    batches: number;
    vehicle_checks: number;
    firearm_checks: number;
    cash_records: number;
    craft_checks: number;
    alerts: number;
  };
  /** Follow-ups whose data received from a partner reached the expiry its agreement set. */
  partners: { followUps: number };
  audit: AuditExpiry;
}

export interface AuditExpiry {
  /** Audit entries older than the audit retention period. */
  pastRetention: number;
  /** Of those, entries whose payload was erased. */
  erased: number;
}

/**
 * The audit-expiry step. Audit entries hold personal data (a searched name in `details`, the free-text
 * `purpose`); their expiry belongs to the erasable-payload design of the audit capability, which is not
 * on this branch. Until it is wired here, entries past retention are counted and kept WHOLE, so the
 * chain verifies. MERGE: call the audit capability's payload erasure for entries before `cutoff` here.
 */
/**
 * Audit entries past their retention lose their personal payload (purpose, details): the chains hold only
 * its salted digest, so they still verify, and the erasure is a signed prune checkpoint (src/audit). A dry
 * run, or a run without the signing key, only counts them.
 */
export async function expireAuditPayloads(
  db: Db,
  cutoff: string,
  dryRun: boolean,
  signing?: AuditSigning,
  actor?: AuditActor,
): Promise<AuditExpiry> {
  const pastRetention = await countAuditBefore(db.kysely, cutoff);
  if (dryRun || !signing || pastRetention === 0) return { pastRetention, erased: 0 };
  const { erased } = await erasePayloads(
    db,
    signing,
    { olderThan: new Date(cutoff) },
    actor ? { actor } : {},
  );
  return { pastRetention, erased };
}

class RolledBack extends Error {
  constructor(readonly done: boolean) {
    super("dry run: batch rolled back");
  }
}

/** Runs `batch` in transactions until it says it is done; in a dry run, each one is rolled back. */
async function inBatches(db: Db, dryRun: boolean, batch: (trx: Transaction<Database>) => Promise<boolean>) {
  for (;;) {
    let done: boolean;
    try {
      done = await db.kysely.transaction().execute(async (trx) => {
        const d = await batch(trx);
        if (dryRun) throw new RolledBack(d);
        return d;
      });
    } catch (err) {
      if (!(err instanceof RolledBack)) throw err;
      done = err.done;
    }
    if (done) return;
  }
}

/** What one run's steps share: where, what policy, the report they fill in, and how a batch is audited. */
interface Run {
  db: Db;
  dryRun: boolean;
  policy: RetentionPolicy;
  c: ReturnType<typeof cutoffs>;
  at: Date;
  report: RetentionReport;
  audit: (
    trx: Transaction<Database>,
    objectType: string,
    details: Record<string, unknown>,
  ) => Promise<unknown>;
}

function emptyReport(dryRun: boolean, c: ReturnType<typeof cutoffs>): RetentionReport {
  return {
    dryRun,
    cutoffs: c,
    screenings: {
      batches: 0,
      screenings: 0,
      crossings: 0,
      manifests: 0,
      alerts: 0,
      clearances: 0,
      heldByPersonKey: 0,
    },
    protection: { batches: 0, records: 0, bindings: 0 },
    goods: { batches: 0, vehicle_checks: 0, firearm_checks: 0, cash_records: 0, craft_checks: 0, alerts: 0 },
    partners: { followUps: 0 },
    audit: { pastRetention: 0, erased: 0 },
  };
}

/** Screenings past their cutoff, a batch at a time, except those held by an open protection need. */
async function expireScreenings(r: Run) {
  const { c, at, report } = r;
  let cursor: Cursor | undefined;
  await inBatches(r.db, r.dryRun, async (trx) => {
    const page = await expiredScreenings(trx, c, cursor, r.policy.batchSize);
    if (page.length === 0) return true;
    const last = page[page.length - 1]!;
    cursor = { at: last.created_at, id: last.id };
    const held = await heldByPersonKey(
      trx,
      page.map((s) => s.id),
      await openPersonKeys(trx),
    );
    const ids = page.filter((s) => !held.has(s.id)).map((s) => s.id);
    report.screenings.heldByPersonKey += held.size;
    if (ids.length === 0) return false;
    const counts = await depersonaliseScreenings(trx, ids, at.toISOString());
    for (const [k, v] of Object.entries(counts)) report.screenings[k as keyof typeof counts] += v;
    report.screenings.batches++;
    await r.audit(trx, "screening", { ...counts, cutoff: c.noHit, alertCutoff: c.alertClosed });
    return false;
  });
}

async function expireProtection(r: Run) {
  const { c, at, report } = r;
  let cursor: Cursor | undefined;
  await inBatches(r.db, r.dryRun, async (trx) => {
    const page = await expiredProtectionRecords(trx, c, cursor, r.policy.batchSize);
    if (page.length === 0) return true;
    const last = page[page.length - 1]!;
    cursor = { at: last.created_at, id: last.id };
    const counts = await depersonaliseProtectionRecords(
      trx,
      page.map((p) => p.id),
      at.toISOString(),
    );
    report.protection.records += counts.records;
    report.protection.bindings += counts.bindings;
    report.protection.batches++;
    await r.audit(trx, "protection_record", { ...counts, cutoff: c.protectionClosed });
    return false;
  });
}

export async function runRetention(
  db: Db,
  policy: RetentionPolicy,
  opts: { dryRun?: boolean; now?: Date; actor?: AuditActor; signing?: AuditSigning } = {},
): Promise<RetentionReport> {
  const dryRun = opts.dryRun ?? false;
  const at = opts.now ?? new Date();
  const c = cutoffs(policy, at);
  const actor = opts.actor ?? { username: "system:retention" };
  const report = emptyReport(dryRun, c);
  const audit = (trx: Transaction<Database>, objectType: string, details: Record<string, unknown>) =>
    appendAudit(
      trx,
      { actor, action: "retention.depersonalise", objectType, outcome: "success", details },
      at,
    );
  const run: Run = { db, dryRun, policy, c, at, report, audit };
  await expireScreenings(run);
  await expireProtection(run);
  await expireGoods(db, { dryRun, policy, c, at }, report.goods, audit);

  // Partner data carries its own expiry (the agreement's), not the policy's cutoffs.
  await inBatches(db, dryRun, async (trx) => {
    const expired = await expireReceivedData(trx, at);
    report.partners.followUps = expired.followUps;
    if (expired.followUps > 0) await audit(trx, "partner_follow_up", expired);
    return true;
  });
  report.audit = await expireAuditPayloads(db, c.audit, dryRun, opts.signing, actor);
  return report;
}

/** Goods checks (vehicles, firearms, cash, craft), table by table, in batches like the screenings. */
async function expireGoods(
  db: Db,
  { dryRun, policy, c, at }: { dryRun: boolean; policy: RetentionPolicy; c: Cutoffs; at: Date },
  goods: RetentionReport["goods"],
  audit: (trx: Transaction<Database>, table: string, details: Record<string, unknown>) => Promise<unknown>,
) {
  for (const table of GOODS_TABLES) {
    let goodsCursor: Cursor | undefined;
    await inBatches(db, dryRun, async (trx) => {
      const page = await expiredGoods(trx, table, c, goodsCursor, policy.batchSize);
      if (page.length === 0) return true;
      const last = page[page.length - 1]!;
      goodsCursor = { at: last.created_at, id: last.id };
      const counts = await depersonaliseGoods(trx, table, page, at.toISOString());
      goods[table] += counts.records;
      goods.alerts += counts.alerts;
      goods.batches++;
      await audit(trx, table, { ...counts, cutoff: c.noHit, alertCutoff: c.alertClosed });
      return false;
    });
  }
}
