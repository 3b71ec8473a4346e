// Append-only audit log on the database. Every append happens inside the caller's transaction, so an
// action and its audit entry commit or fail together.
import type { Kysely, Transaction } from "kysely";
import type { Database, Db } from "../db/index.js";
import { InvalidError } from "../shared/errors.js";
import { type ChainBreak, chainChecker, entryHash } from "./chain.js";

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
  hash: string;
}

const isPersonalDataRead = (entry: AuditEntryInput) =>
  entry.outcome === "success" && /\.(read|search)$/.test(entry.action);

/** Appends one entry to the chain. Call it with the transaction of the action it records. */
export async function appendAudit(
  trx: Transaction<Database> | Kysely<Database>,
  entry: AuditEntryInput,
  now: Date = new Date(),
): Promise<{ id: number; hash: string }> {
  if (isPersonalDataRead(entry) && !entry.purpose?.trim())
    throw new InvalidError(`purpose: required to record ${entry.action}`);
  // Claiming the next id on the single head row is the first statement, and a write: PostgreSQL queues
  // concurrent appenders on its row lock, and SQLite takes its one write lock here (honouring
  // busy_timeout) rather than failing later when upgrading a read. The head's hash is still the
  // predecessor's until this entry's hash is written back below.
  const row = await trx
    .updateTable("audit_head")
    .set((eb) => ({ last_id: eb("last_id", "+", 1) }))
    .where("id", "=", 1)
    .returning(["last_id", "last_hash"])
    .executeTakeFirst();
  if (!row) throw new Error("audit chain head is missing: database not migrated");
  const fields = {
    id: Number(row.last_id),
    ts: now.toISOString(),
    actor_user_id: entry.actor.userId ?? null,
    actor_username: entry.actor.username ?? null,
    actor_roles: entry.actor.roles ? entry.actor.roles.join(",") : null,
    actor_agency: entry.actor.agency ?? null,
    action: entry.action,
    object_type: entry.objectType,
    object_id: entry.objectId ?? null,
    purpose: entry.purpose ?? null,
    outcome: entry.outcome,
    details: entry.details ? JSON.stringify(entry.details) : null,
    prev_hash: row.last_hash,
  };
  const hash = entryHash(fields);
  await trx
    .insertInto("audit_log")
    .values({ ...fields, hash })
    .execute();
  await trx.updateTable("audit_head").set({ last_hash: hash }).where("id", "=", 1).execute();
  return { id: fields.id, hash };
}

/**
 * Re-reads the whole log and names the first broken link, if any. It checks the chain up to the head
 * read at the start, page by page and without a long transaction, so a running server keeps appending
 * meanwhile; `checked` counts the entries read.
 */
export async function verifyAuditChain(
  db: Db,
  /** Entries read per query: keeps memory flat however long the log grows. */
  opts: { pageSize?: number } = {},
): Promise<{ ok: boolean; checked: number; firstBroken?: ChainBreak }> {
  const pageSize = opts.pageSize ?? 5000;
  const headRow = await db.kysely
    .selectFrom("audit_head")
    .select(["last_id", "last_hash"])
    .where("id", "=", 1)
    .executeTakeFirstOrThrow();
  const head = { last_id: Number(headRow.last_id), last_hash: headRow.last_hash };
  const checker = chainChecker(head);
  let firstBroken: ChainBreak | undefined;
  let checked = 0;
  let after = 0;
  for (;;) {
    const page = await db.kysely
      .selectFrom("audit_log")
      .selectAll()
      .where("id", ">", after)
      .where("id", "<=", head.last_id)
      .orderBy("id")
      .limit(pageSize)
      .execute();
    for (const row of page) {
      const entry = { ...row, id: Number(row.id) };
      firstBroken ??= checker.next(entry);
      after = entry.id;
    }
    checked += page.length;
    if (page.length < pageSize) break;
  }
  firstBroken ??= checker.end();
  // Rows past the head were not written by appendAudit. One statement, so it sees the head and the rows
  // at one instant, and an append committing meanwhile is not mistaken for one.
  const beyond = await db.kysely
    .selectFrom("audit_log")
    .select((eb) => [eb.fn.min("id").as("id"), eb.fn.countAll<number>().as("n")])
    .where("id", ">", (eb) => eb.selectFrom("audit_head").select("last_id").where("id", "=", 1))
    .executeTakeFirst();
  if (beyond?.id != null) {
    checked += Number(beyond.n);
    firstBroken ??= {
      id: Number(beyond.id),
      reason: "entry lies beyond the chain head (not appended through the audit log)",
    };
  }
  return firstBroken ? { ok: false, checked, firstBroken } : { ok: true, checked };
}

export interface AuditFilter {
  /** Username of the actor. */
  actor?: string;
  /** Only entries of actors of this agency: how an agency's auditor is kept to their own agency. */
  agency?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export async function queryAudit(db: Db, filter: AuditFilter = {}): Promise<AuditEntry[]> {
  let q = db.kysely.selectFrom("audit_log").selectAll();
  if (filter.actor) q = q.where("actor_username", "=", filter.actor);
  if (filter.agency) q = q.where("actor_agency", "=", filter.agency);
  if (filter.action) q = q.where("action", "=", filter.action);
  if (filter.objectType) q = q.where("object_type", "=", filter.objectType);
  if (filter.objectId) q = q.where("object_id", "=", filter.objectId);
  if (filter.from) q = q.where("ts", ">=", filter.from);
  if (filter.to) q = q.where("ts", "<", filter.to);
  const rows = await q
    .orderBy("id", "desc")
    .limit(Math.min(filter.limit ?? 100, 1000))
    .offset(filter.offset ?? 0)
    .execute();
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
    return e;
  });
}
