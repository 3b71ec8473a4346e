// 0004_audit_signing: the audit log becomes several hash chains (so appenders no longer queue on one
// head row), each entry chains a salted digest of its personal payload instead of the payload (so the
// payload can be erased), and signed checkpoints of every chain head are kept. Entries written before
// are re-chained into chain 1 in the new format: the old unkeyed chain vouched for nothing an attacker
// with database access could not recompute, so nothing is lost by re-hashing it once here.
import { randomBytes } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { entryHash, GENESIS_HASH, payloadDigest } from "../audit/chain.js";
import type { Dialect } from "./schema.js";

/** Chains created: PostgreSQL appenders take any unlocked one, so up to this many append at once. */
export const AUDIT_CHAINS = 16;

interface LegacyRow {
  id: number;
  ts: string;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_roles: string | null;
  actor_agency: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  purpose: string | null;
  outcome: string;
  details: string | null;
}

async function rechainLegacy(db: Kysely<unknown>): Promise<{ seq: number; hash: string; id: number }> {
  const log = db as unknown as Kysely<{ audit_log: LegacyRow & Record<string, unknown> }>;
  const head = { seq: 0, hash: GENESIS_HASH, id: 0 };
  for (;;) {
    const page = (await log
      .selectFrom("audit_log")
      .selectAll()
      .where("id", ">", head.id)
      .orderBy("id")
      .limit(1000)
      .execute()) as unknown as LegacyRow[];
    for (const row of page) {
      const salt = randomBytes(16).toString("hex");
      const fields = { ...row, id: Number(row.id), chain: 1, seq: head.seq + 1, prev_hash: head.hash };
      const payload_digest = payloadDigest(salt, row);
      const hash = entryHash({ ...fields, payload_digest });
      await log
        .updateTable("audit_log")
        .set({ chain: 1, seq: fields.seq, salt, payload_digest, prev_hash: head.hash, hash })
        .where("id", "=", fields.id)
        .execute();
      Object.assign(head, { seq: fields.seq, hash, id: fields.id });
    }
    if (page.length < 1000) return head;
  }
}

export async function auditSigning(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  for (const [name, type] of [
    ["chain", "integer"],
    ["seq", "integer"],
    ["salt", "text"],
    ["payload_digest", "text"],
    ["erased_at", "text"],
  ] as const)
    await db.schema.alterTable("audit_log").addColumn(name, type).execute();
  const legacy = await rechainLegacy(db);
  // One entry per (chain, seq): two appenders can never both write the same position.
  await db.schema
    .createIndex("audit_log_chain_seq")
    .on("audit_log")
    .columns(["chain", "seq"])
    .unique()
    .execute();
  await db.schema.createIndex("audit_log_ts").on("audit_log").column("ts").execute();
  await db.schema
    .createTable("audit_chains")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("last_seq", "integer", (c) => c.notNull())
    .addColumn("last_hash", "text", (c) => c.notNull())
    .execute();
  for (let id = 1; id <= AUDIT_CHAINS; id++) {
    const head = id === 1 ? legacy : { seq: 0, hash: GENESIS_HASH };
    await sql`insert into audit_chains (id, last_seq, last_hash) values (${id}, ${head.seq}, ${head.hash})`.execute(
      db,
    );
  }
  await db.schema
    .createTable("audit_checkpoints")
    .addColumn("seq", "integer", (c) => c.primaryKey())
    .addColumn("ts", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("key_id", "text", (c) => c.notNull())
    .addColumn("signature", "text", (c) => c.notNull())
    .execute();
  await db.schema.dropTable("audit_head").execute();
  // Ids come from a sequence on PostgreSQL (SQLite's rowid does the same): no shared counter row to lock.
  if (dialect === "postgres") {
    await sql`create sequence audit_log_id_seq`.execute(db);
    await sql`select setval('audit_log_id_seq', ${legacy.id + 1}, false)`.execute(db);
  }
}
