// Append-only audit log on the database. Every append happens inside the caller's transaction, so an
// action and its audit entry commit or fail together.
import { type Kysely, PostgresAdapter, sql, type Transaction } from "kysely";
import type { Database, Db } from "../db/index.js";
import { type ChainBreak, entryHash, findBreak } from "./chain.js";

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
  /** Required when the action reads personal data. */
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

/** Appends one entry to the chain. Call it with the transaction of the action it records. */
export async function appendAudit(
  trx: Transaction<Database> | Kysely<Database>,
  entry: AuditEntryInput,
  now: Date = new Date(),
): Promise<{ id: number; hash: string }> {
  // The head row is the lock: PostgreSQL serialises concurrent appenders on it; SQLite has one writer.
  const lock = trx.getExecutor().adapter instanceof PostgresAdapter ? sql`for update` : sql``;
  const head = await sql<{
    last_id: number;
    last_hash: string;
  }>`select last_id, last_hash from audit_head where id = 1 ${lock}`.execute(trx);
  const row = head.rows[0];
  if (!row) throw new Error("audit chain head is missing: database not migrated");
  const fields = {
    id: Number(row.last_id) + 1,
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
  await trx
    .updateTable("audit_head")
    .set({ last_id: fields.id, last_hash: hash })
    .where("id", "=", 1)
    .execute();
  return { id: fields.id, hash };
}

/** Re-reads the whole log and names the first broken link, if any. */
export async function verifyAuditChain(
  db: Db,
): Promise<{ ok: boolean; checked: number; firstBroken?: ChainBreak }> {
  const entries = await db.kysely.selectFrom("audit_log").selectAll().orderBy("id").execute();
  const head = await db.kysely
    .selectFrom("audit_head")
    .select(["last_id", "last_hash"])
    .where("id", "=", 1)
    .executeTakeFirstOrThrow();
  const rows = entries.map((e) => ({ ...e, id: Number(e.id) }));
  const broken = findBreak(rows, { last_id: Number(head.last_id), last_hash: head.last_hash });
  return broken
    ? { ok: false, checked: rows.length, firstBroken: broken }
    : { ok: true, checked: rows.length };
}

export interface AuditFilter {
  actor?: string;
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
