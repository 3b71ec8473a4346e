// Append-only audit log on the database. Every append happens inside the caller's transaction, so an
// action and its audit entry commit or fail together.
import { randomBytes } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database, Db, SavepointState } from "../db/index.js";
import { InvalidError } from "../shared/errors.js";
import { noteAppend } from "./appends.js";
import { entryHash, payloadDigest } from "./chain.js";
import { type AuditFilter, claimPosition, countEntries, entriesPage, insertEntry } from "./store.js";

export type { AuditFilter } from "./store.js";

export interface AuditActor {
  userId?: string;
  username?: string;
  roles?: readonly string[];
  agency?: string;
}

export interface AuditEntryInput {
  actor: AuditActor;
  action: string;
  objectType: string;
  objectId?: string;
  /**
   * Why personal data is processed. Required for a successful `<object>.read` or `<object>.search`:
   * appending such an entry without one fails, and with it the read it records.
   */
  purpose?: string;
  outcome: "success" | "denied" | "error";
  details?: Record<string, unknown>;
}

export interface AuditEntry {
  id: number;
  ts: string;
  actor: AuditActor;
  action: string;
  objectType: string;
  objectId?: string;
  purpose?: string;
  outcome: string;
  details?: Record<string, unknown>;
  /** Set once retention erased the purpose and details. */
  erasedAt?: string;
  hash: string;
}

const isPersonalDataRead = (entry: AuditEntryInput) =>
  entry.outcome === "success" && /\.(read|search)$/.test(entry.action);

/**
 * The chain each open transaction appends to: a second entry goes on the chain it already holds, so a
 * transaction never waits for a second chain while holding one (two could then deadlock).
 */
const chainOfTransaction = new WeakMap<object, number>();

/**
 * For a group commit's savepoints (src/db/group-commit.ts): a rollback to a savepoint also releases the
 * chain's row lock taken after it, so the transaction must not think it still holds that chain.
 */
export const auditSavepointState: SavepointState<number | undefined> = {
  snapshot: (trx) => chainOfTransaction.get(trx),
  restore(trx, chain) {
    if (chain === undefined) chainOfTransaction.delete(trx);
    else chainOfTransaction.set(trx, chain);
  },
};

/**
 * Appends one entry to a chain. Call it with the transaction of the action it records; given the plain
 * database handle it opens a transaction of its own.
 */
export async function appendAudit(
  trx: Transaction<Database> | Kysely<Database>,
  entry: AuditEntryInput,
  now: Date = new Date(),
): Promise<{ id: number; hash: string }> {
  if (isPersonalDataRead(entry) && !entry.purpose?.trim())
    throw new InvalidError(`purpose: required to record ${entry.action}`, undefined, "purpose_required", {
      action: entry.action,
    });
  if (!trx.isTransaction) return trx.transaction().execute((t) => appendAudit(t, entry, now));
  const t = trx as Transaction<Database>;
  // Claiming the position is the first statement, and a write: it locks that chain's head row (and, on
  // SQLite, takes the one write lock here rather than failing later when upgrading a read).
  const at = await claimPosition(t, chainOfTransaction.get(t));
  chainOfTransaction.set(t, at.chain);
  const payload = {
    purpose: entry.purpose ?? null,
    details: entry.details ? JSON.stringify(entry.details) : null,
  };
  const salt = randomBytes(16).toString("hex");
  const fields = {
    id: at.id,
    chain: at.chain,
    seq: at.seq,
    ts: now.toISOString(),
    actor_user_id: entry.actor.userId ?? null,
    actor_username: entry.actor.username ?? null,
    actor_roles: entry.actor.roles ? entry.actor.roles.join(",") : null,
    actor_agency: entry.actor.agency ?? null,
    action: entry.action,
    object_type: entry.objectType,
    object_id: entry.objectId ?? null,
    outcome: entry.outcome,
    payload_digest: payloadDigest(salt, payload),
    prev_hash: at.prevHash,
  };
  const hash = entryHash(fields);
  await insertEntry(t, { ...fields, ...payload, salt, erased_at: null, hash });
  noteAppend();
  return { id: fields.id, hash };
}

/** Entries matching the filter, newest first; page on with `before` set to the last id of a page. */
export async function queryAudit(db: Db, filter: AuditFilter = {}): Promise<AuditEntry[]> {
  const rows = await entriesPage(db, filter, Math.min(filter.limit ?? 100, 1000));
  return rows.map((r) => {
    const e: AuditEntry = {
      id: Number(r.id),
      ts: r.ts,
      actor: {
        ...(r.actor_user_id ? { userId: r.actor_user_id } : {}),
        ...(r.actor_username ? { username: r.actor_username } : {}),
        ...(r.actor_roles ? { roles: r.actor_roles.split(",") } : {}),
        ...(r.actor_agency ? { agency: r.actor_agency } : {}),
      },
      action: r.action,
      objectType: r.object_type,
      outcome: r.outcome,
      hash: r.hash,
    };
    if (r.object_id) e.objectId = r.object_id;
    if (r.purpose) e.purpose = r.purpose;
    if (r.details) e.details = JSON.parse(r.details) as Record<string, unknown>;
    if (r.erased_at) e.erasedAt = r.erased_at;
    return e;
  });
}

/** How many entries match the filter (`before`, `limit` and `offset` aside): the total of a paged list. */
export async function countAudit(db: Db, filter: AuditFilter = {}): Promise<number> {
  return countEntries(db, filter);
}
