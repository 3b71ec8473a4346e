// Group commit (issue 18, item 6): the writes of requests that arrive together share ONE transaction,
// so that a busy centre pays one commit (one fsync, one WAL flush) for a handful of crossings instead of
// one each. Each request's work runs in its own savepoint: a work that fails is rolled back to it and
// fails alone, with its own error, while the others of the batch go on. Every caller is answered only
// after the batch's commit, so an acknowledged write is a durable one, as with a transaction of its own;
// when the commit itself fails, every caller of the batch gets that error and nothing of it is stored.
//
// A batch is what queued up during one turn of the event loop, or while the previous batch was being
// written (then it is larger: the batches grow with the load, and an idle server adds no wait).
import { sql, type Transaction } from "kysely";
import type { Db } from "./connect.js";
import type { Database } from "./schema.js";

/** State kept per transaction outside the database, which a rollback to a savepoint must undo too. */
export interface SavepointState<S = unknown> {
  snapshot(trx: Transaction<Database>): S;
  restore(trx: Transaction<Database>, state: S): void;
}

export interface GroupCommitOptions {
  /**
   * Most works in one transaction (default 32; LIMES_GROUP_COMMIT_BATCH). Each savepoint that writes is
   * a subtransaction, and PostgreSQL keeps 64 of them per transaction in shared memory before every
   * snapshot gets slower. On SQLite (WAL, synchronous=NORMAL: a commit does not sync) batching gains
   * less: over HTTP it measured a little faster than batches of 1, in process a little slower.
   */
  maxBatch?: number;
  /**
   * Batches written at the same time (default: 1 on SQLite, which has one writer; 6 on PostgreSQL, of
   * the pool's 10 connections). A batch starts as soon as a lane is free, so under light load every
   * work is a batch of its own, and batches grow only when every lane is busy.
   */
  concurrency?: number;
  /** Wait this long for more work before a batch starts (default 0: the next turn of the event loop). */
  windowMs?: number;
  savepointState?: SavepointState;
}

export interface GroupCommit {
  /** Runs `work` in the next batch, in a savepoint of its own; settles after the batch's commit. */
  run<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
  /** Batches committed (or failed) so far and the works they held: for tests and metrics. */
  stats(): { batches: number; works: number; largest: number };
}

interface Queued {
  work: (trx: Transaction<Database>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * One work in its savepoint; a failure is rolled back to it and recorded, not thrown. The savepoint is
 * not released (a round trip saved per work): the next one of the same name nests in it, and a
 * rollback goes to the newest, this work's. The commit ends them all.
 */
async function runInSavepoint(
  trx: Transaction<Database>,
  q: Queued,
  savepointState: GroupCommitOptions["savepointState"],
): Promise<Outcome> {
  await sql`savepoint group_commit`.execute(trx);
  const state = savepointState?.snapshot(trx);
  try {
    return { ok: true, value: await q.work(trx) };
  } catch (error) {
    // If this fails too, the transaction is unusable: the whole batch fails below.
    await sql`rollback to savepoint group_commit`.execute(trx);
    savepointState?.restore(trx, state);
    return { ok: false, error };
  }
}

export function createGroupCommit(db: Db, opts: GroupCommitOptions = {}): GroupCommit {
  const maxBatch = opts.maxBatch ?? 32;
  const concurrency = opts.concurrency ?? (db.dialect === "sqlite" ? 1 : 6);
  const queue: Queued[] = [];
  const stats = { batches: 0, works: 0, largest: 0 };
  let inFlight = 0;
  let scheduled = false;

  const schedule = () => {
    if (scheduled || inFlight >= concurrency || queue.length === 0) return;
    scheduled = true;
    const go = () => {
      scheduled = false;
      void flush();
    };
    if (opts.windowMs) setTimeout(go, opts.windowMs);
    else setImmediate(go);
  };

  const flush = async () => {
    if (inFlight >= concurrency || queue.length === 0) return;
    const batch = queue.splice(0, maxBatch);
    inFlight++;
    stats.batches++;
    stats.works += batch.length;
    stats.largest = Math.max(stats.largest, batch.length);
    const outcomes: Outcome[] = [];
    try {
      if (batch.length === 1) {
        // Alone: its own transaction, with no savepoint to pay for; a failure rolls it back whole.
        const value = await db.kysely.transaction().execute(batch[0]!.work);
        outcomes.push({ ok: true, value });
      } else
        await db.kysely.transaction().execute(async (trx) => {
          for (const q of batch) outcomes.push(await runInSavepoint(trx, q, opts.savepointState));
        });
      for (const [i, q] of batch.entries()) {
        const o = outcomes[i]!;
        if (o.ok) q.resolve(o.value);
        else q.reject(o.error);
      }
    } catch (err) {
      // Nothing of the batch is stored: a work that had failed on its own keeps its own error.
      for (const [i, q] of batch.entries()) {
        const o = outcomes[i];
        q.reject(o && !o.ok ? o.error : err);
      }
    } finally {
      inFlight--;
      schedule();
    }
  };

  return {
    run<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
        if (queue.length >= maxBatch) void flush();
        else schedule();
      });
    },
    stats: () => ({ ...stats }),
  };
}
