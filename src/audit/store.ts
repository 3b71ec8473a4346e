// Plain Kysely queries on the audit tables: chain heads, entries in chain order, checkpoints.
import { type Kysely, PostgresAdapter, sql, type Transaction } from "kysely";
import type { Database, Db } from "../db/index.js";
import type { AuditLogTable } from "../db/schema.js";
import type { StoredEntry } from "./chain.js";
import type { ChainHead, SignedCheckpoint } from "./checkpoint.js";

type Q = Kysely<Database> | Transaction<Database>;

export interface ClaimedPosition {
  chain: number;
  seq: number;
  prevHash: string;
  id: number;
}

export const isPostgres = (q: Q) => q.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Takes the next position on a chain and locks that chain's head row until the transaction ends. On
 * PostgreSQL it takes any chain no other transaction holds (SKIP LOCKED), so concurrent appenders from
 * every process proceed side by side; `chain` pins the one this transaction already holds. SQLite has
 * one writer at a time anyway, so it always appends to chain 1.
 */
export async function claimPosition(trx: Transaction<Database>, chain?: number): Promise<ClaimedPosition> {
  type Row = { id: number; last_seq: number; last_hash: string; next_id: number };
  const pg = isPostgres(trx);
  // The entry's id in the same statement: PostgreSQL's sequence; on SQLite, which has one writer, the
  // next after the largest (one statement fewer per append, and every crossing appends twice).
  const nextId = pg
    ? sql`nextval('audit_log_id_seq') as next_id`
    : sql`(select coalesce(max(id), 0) + 1 from audit_log) as next_id`;
  const bump = (pick: ReturnType<typeof sql>) =>
    sql<Row>`update audit_chains set last_seq = last_seq + 1 where id = ${pick}
      returning id, last_seq, last_hash, ${nextId}`.execute(trx);
  let rows: Row[];
  if (chain !== undefined || !pg) rows = (await bump(sql`${chain ?? 1}`)).rows;
  else {
    rows = (await bump(sql`(select id from audit_chains order by random() limit 1 for update skip locked)`))
      .rows;
    // Every chain busy: wait for a random one (this transaction holds none, so it cannot deadlock).
    if (rows.length === 0)
      rows = (await bump(sql`(select id from audit_chains order by random() limit 1)`)).rows;
  }
  const row = rows[0];
  if (!row)
    throw new Error(
      `audit chain ${chain ?? 1} has no head row: database not migrated, or the row was deleted`,
    );
  return {
    chain: Number(row.id),
    seq: Number(row.last_seq),
    prevHash: row.last_hash,
    id: Number(row.next_id),
  };
}

/** Every column of an entry, in the order the append writes them. */
const ENTRY_COLUMNS = [
  "id",
  "chain",
  "seq",
  "ts",
  "actor_user_id",
  "actor_username",
  "actor_roles",
  "actor_agency",
  "action",
  "object_type",
  "object_id",
  "purpose",
  "outcome",
  "details",
  "salt",
  "payload_digest",
  "erased_at",
  "prev_hash",
  "hash",
] as const satisfies readonly (keyof AuditLogTable)[];
/**
 * Stores the entry and moves its chain's head to it. On PostgreSQL that is one statement, written as
 * SQL rather than built: every request appends, and building this query cost several times compiling it.
 */
export async function insertEntry(trx: Transaction<Database>, entry: AuditLogTable): Promise<void> {
  if (isPostgres(trx)) {
    await sql`with entry as (
      insert into audit_log (${sql.raw(ENTRY_COLUMNS.join(", "))})
      values (${sql.join(ENTRY_COLUMNS.map((c) => entry[c]))})
    ) update audit_chains set last_hash = ${entry.hash} where id = ${entry.chain}`.execute(trx);
    return;
  }
  await trx.insertInto("audit_log").values(entry).execute();
  await trx
    .updateTable("audit_chains")
    .set({ last_hash: entry.hash })
    .where("id", "=", entry.chain)
    .execute();
}

/** Every chain head with the id of its head entry (0 for an empty chain), as one consistent read. */
export async function chainHeads(q: Q): Promise<ChainHead[]> {
  const rows = await q
    .selectFrom("audit_chains as c")
    .leftJoin("audit_log as l", (j) => j.onRef("l.chain", "=", "c.id").onRef("l.seq", "=", "c.last_seq"))
    .select(["c.id as chain", "c.last_seq as seq", "c.last_hash as hash", "l.id as entry"])
    .orderBy("c.id")
    .execute();
  return rows.map((r) => ({
    chain: Number(r.chain),
    seq: Number(r.seq),
    hash: r.hash,
    id: Number(r.entry ?? 0),
  }));
}

/** One page of a chain's entries in seq order, after `afterSeq` and up to `maxSeq`. */
export async function chainPage(
  db: Db,
  chain: number,
  afterSeq: number,
  maxSeq: number,
  limit: number,
): Promise<StoredEntry[]> {
  const rows = await db.kysely
    .selectFrom("audit_log")
    .selectAll()
    .where("chain", "=", chain)
    .where("seq", ">", afterSeq)
    .where("seq", "<=", maxSeq)
    .orderBy("seq")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), chain: Number(r.chain), seq: Number(r.seq) }));
}

/** Chains that hold entries: with the heads, tells a deleted head row from an empty chain. */
export async function chainsWithEntries(db: Db): Promise<number[]> {
  const rows = await db.kysely.selectFrom("audit_log").select("chain").distinct().execute();
  return rows.map((r) => Number(r.chain)).sort((a, b) => a - b);
}

/** Entries past their chain's head row, or on a chain without one: not written by appendAudit. */
export async function entriesBeyondHeads(db: Db): Promise<{ id: number; chain: number; seq: number }[]> {
  const rows = await db.kysely
    .selectFrom("audit_log as l")
    .leftJoin("audit_chains as c", "c.id", "l.chain")
    .select(["l.id", "l.chain", "l.seq"])
    .where((eb) => eb.or([eb("c.id", "is", null), eb("l.seq", ">", eb.ref("c.last_seq"))]))
    .orderBy("l.id")
    .limit(1)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), chain: Number(r.chain), seq: Number(r.seq) }));
}

export async function storedCheckpoints(q: Q): Promise<SignedCheckpoint[]> {
  const rows = await q.selectFrom("audit_checkpoints").selectAll().orderBy("seq").execute();
  return rows.map((r) => ({ body: JSON.parse(r.body), keyId: r.key_id, signature: r.signature }));
}

export async function lastCheckpoint(q: Q): Promise<SignedCheckpoint | undefined> {
  const r = await q
    .selectFrom("audit_checkpoints")
    .selectAll()
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  return r ? { body: JSON.parse(r.body), keyId: r.key_id, signature: r.signature } : undefined;
}

export async function insertCheckpoint(q: Q, cp: SignedCheckpoint, canonicalBody: string): Promise<void> {
  await q
    .insertInto("audit_checkpoints")
    .values({
      seq: cp.body.seq,
      ts: cp.body.ts,
      kind: cp.body.kind,
      body: canonicalBody,
      key_id: cp.keyId,
      signature: cp.signature,
    })
    .execute();
}

/** Ids of entries that still hold a payload, among these ids or written before this instant. */
export async function erasableIds(
  q: Q,
  which: { ids?: readonly number[]; olderThan?: string },
): Promise<number[]> {
  let s = q.selectFrom("audit_log").select("id").where("salt", "is not", null);
  if (which.ids) s = s.where("id", "in", which.ids.length ? [...which.ids] : [-1]);
  if (which.olderThan) s = s.where("ts", "<", which.olderThan);
  return (await s.orderBy("id").execute()).map((r) => Number(r.id));
}

/** Ids per UPDATE: keeps the statement's parameter list within every driver's limits. */
const ERASE_CHUNK = 500;

/** Drops the purpose, details and salt of these entries and marks them erased. */
export async function erasePayloadsOf(q: Q, ids: readonly number[], at: string): Promise<void> {
  for (let i = 0; i < ids.length; i += ERASE_CHUNK)
    await q
      .updateTable("audit_log")
      .set({ purpose: null, details: null, salt: null, erased_at: at })
      .where("id", "in", ids.slice(i, i + ERASE_CHUNK))
      .execute();
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
  /** Cursor: only entries with a smaller id (the last id of the previous page). */
  before?: number;
  limit?: number;
  offset?: number;
}

function filtered(db: Db, filter: AuditFilter) {
  let q = db.kysely.selectFrom("audit_log");
  if (filter.actor) q = q.where("actor_username", "=", filter.actor);
  if (filter.agency) q = q.where("actor_agency", "=", filter.agency);
  if (filter.action) q = q.where("action", "=", filter.action);
  if (filter.objectType) q = q.where("object_type", "=", filter.objectType);
  if (filter.objectId) q = q.where("object_id", "=", filter.objectId);
  if (filter.from) q = q.where("ts", ">=", filter.from);
  if (filter.to) q = q.where("ts", "<", filter.to);
  return q;
}

/** Entries matching the filter, newest first, at most `limit`, before the cursor and after the offset. */
export function entriesPage(db: Db, filter: AuditFilter, limit: number) {
  let q = filtered(db, filter).selectAll();
  if (filter.before !== undefined) q = q.where("id", "<", filter.before);
  return q
    .orderBy("id", "desc")
    .limit(limit)
    .offset(filter.offset ?? 0)
    .execute();
}

/** How many entries match the filter (`before`, `limit` and `offset` aside). */
export async function countEntries(db: Db, filter: AuditFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
