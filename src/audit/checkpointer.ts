// Writing signed checkpoints: each one is stored in the database and appended to the external JSON-lines
// file, and a checkpointer writes one every N appends or T seconds, and at shutdown.
import type { KeyObject } from "node:crypto";
import { open } from "node:fs/promises";
import { sql, type Transaction } from "kysely";
import type { Database, Db } from "../db/index.js";
import { onAppend } from "./appends.js";
import { canonicalJson } from "./chain.js";
import {
  type CheckpointKind,
  nextCheckpointBody,
  type SignedCheckpoint,
  signCheckpoint,
} from "./checkpoint.js";
import { chainHeads, insertCheckpoint, isPostgres, lastCheckpoint } from "./store.js";

/** What signs checkpoints and where their external copy goes. */
export interface AuditSigning {
  privateKey: KeyObject;
  /** The append-only JSON-lines file, outside the database. */
  checkpointFile: string;
}

/**
 * Signs the current chain heads and stores the checkpoint in `trx` (so a prune checkpoint commits with
 * its erasure). Returns undefined when `ifChanged` and no chain moved since the last checkpoint.
 */
export async function recordCheckpoint(
  trx: Transaction<Database>,
  key: KeyObject,
  kind: CheckpointKind,
  opts: { ifChanged?: boolean; erased?: [number, number][]; now?: Date } = {},
): Promise<SignedCheckpoint | undefined> {
  // Checkpoint writers of every process take turns: the first statement takes the lock (a write on
  // SQLite, so it gets the one write lock now rather than failing to upgrade a read later).
  if (isPostgres(trx)) await sql`lock table audit_checkpoints in share row exclusive mode`.execute(trx);
  else await sql`update audit_checkpoints set seq = seq where seq < 0`.execute(trx);
  const previous = await lastCheckpoint(trx);
  const chains = await chainHeads(trx);
  if (opts.ifChanged && previous && canonicalJson(previous.body.chains) === canonicalJson(chains))
    return undefined;
  const body = nextCheckpointBody(previous?.body, {
    ts: (opts.now ?? new Date()).toISOString(),
    kind,
    chains,
    ...(opts.erased ? { erased: opts.erased } : {}),
  });
  const signed = signCheckpoint(body, key);
  await insertCheckpoint(trx, signed, canonicalJson(body));
  return signed;
}

/** Appends one checkpoint to the external file and flushes it to disk before returning. */
export async function appendToCheckpointFile(file: string, cp: SignedCheckpoint): Promise<void> {
  const handle = await open(file, "a", 0o640);
  try {
    await handle.write(`${JSON.stringify(cp)}\n`);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** A checkpoint in its own transaction, then its external copy. */
export async function writeCheckpoint(
  db: Db,
  signing: AuditSigning,
  kind: CheckpointKind,
  opts: { ifChanged?: boolean } = {},
): Promise<SignedCheckpoint | undefined> {
  const cp = await db.kysely
    .transaction()
    .execute((trx) => recordCheckpoint(trx, signing.privateKey, kind, opts));
  if (cp) await appendToCheckpointFile(signing.checkpointFile, cp);
  return cp;
}

export interface CheckpointSchedule {
  /** A checkpoint after this many appends by this process (default 100). */
  everyEntries?: number;
  /** And at least this often when any chain moved, in any process (default 10 s). */
  everyMs?: number;
  /** Where a failed checkpoint is reported; the next attempt comes at the next trigger. */
  onError?: (err: unknown) => void;
}

export interface Checkpointer {
  /** Writes a final checkpoint if anything changed and stops the schedule. */
  stop(): Promise<void>;
}

export function startCheckpointer(
  db: Db,
  signing: AuditSigning,
  schedule: CheckpointSchedule = {},
): Checkpointer {
  const everyEntries = schedule.everyEntries ?? 100;
  let appends = 0;
  // One checkpoint at a time from this process; triggers during one are folded into the next.
  let running: Promise<unknown> = Promise.resolve();
  const run = (kind: CheckpointKind) => {
    appends = 0;
    running = running
      .then(() => writeCheckpoint(db, signing, kind, { ifChanged: true }))
      .catch((err: unknown) => schedule.onError?.(err));
    return running;
  };
  const unsubscribe = onAppend(() => {
    if (++appends >= everyEntries) void run("periodic");
  });
  const timer = setInterval(() => void run("periodic"), schedule.everyMs ?? 10_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      unsubscribe();
      await run("shutdown");
    },
  };
}
