// 0015_partitions (issue 18): on PostgreSQL, crossings, screenings (requests and results), screened
// travellers and the audit log are partitioned by month, natively (PARTITION BY RANGE on their ISO
// timestamp), so that a national centre's retention and its per-period queries touch only the months
// they need, and old months can be detached and archived whole. SQLite (a post, or the demo) keeps plain
// tables: it holds one post's data, which retention trims.
//
// What partitioning costs, and why it is accepted:
// - A primary key or unique index must contain the partition key: `(id, created_at)` instead of `(id)`.
//   Ids are random UUIDs written once, so `id` alone stays unique in practice; the audit chain's
//   `(chain, seq)` uniqueness is kept by the per-chain head row every append locks, and the verifier
//   reports any duplicate.
// - A foreign key cannot reference a partitioned table by a part of its key. The three that pointed at
//   screening_requests (crossings, manifests, screening results) are dropped: those rows are written in one
//   transaction with their screening (issue 12), which is what the keys had checked.
// - screening_results gains `created_at`, its screening's, as its partition key.
import { type Kysely, sql } from "kysely";
import type { Dialect } from "./schema.js";

interface Partitioned {
  table: string;
  key: string;
  primaryKey: string[];
  /** Indexes as they were, re-created on the partitioned table (each partition gets its own). */
  indexes: { name: string; columns: string[]; unique?: boolean; where?: string }[];
  foreignKeysIn: { table: string; constraint: string }[];
}

const TABLES: Partitioned[] = [
  {
    table: "screening_requests",
    key: "created_at",
    primaryKey: ["id"],
    indexes: [
      { name: "screening_requests_agency", columns: ["agency", "created_at"] },
      { name: "screening_requests_created", columns: ["created_at"] },
      // Retention's batches walk what is not yet depersonalised, in time order: once a month is done,
      // its rows leave this index and the next run no longer reads them (docs/scaling-explain.md).
      {
        name: "screening_requests_pending",
        columns: ["created_at", "id"],
        where: "depersonalised_at is null",
      },
    ],
    foreignKeysIn: [
      { table: "crossings", constraint: "crossings_screening_id_fkey" },
      { table: "manifests", constraint: "manifests_screening_id_fkey" },
      { table: "screening_results", constraint: "screening_results_request_id_fkey" },
    ],
  },
  {
    table: "screening_results",
    key: "created_at",
    primaryKey: ["request_id", "person_index"],
    indexes: [],
    foreignKeysIn: [],
  },
  {
    table: "crossings",
    key: "created_at",
    primaryKey: ["id"],
    indexes: [{ name: "crossings_screening", columns: ["screening_id"] }],
    foreignKeysIn: [],
  },
  {
    table: "screened_travellers",
    key: "created_at",
    primaryKey: ["screening_id", "person_index"],
    indexes: [
      { name: "screened_travellers_identity", columns: ["agency", "identity_key"] },
      { name: "screened_travellers_recent", columns: ["agency", "created_at"] },
    ],
    foreignKeysIn: [],
  },
  {
    table: "audit_log",
    key: "ts",
    primaryKey: ["id"],
    indexes: [
      { name: "audit_log_chain_seq", columns: ["chain", "seq"], unique: true },
      { name: "audit_log_ts", columns: ["ts"] },
    ],
    foreignKeysIn: [],
  },
];

/** The partitioned tables and their keys, for the partition maintenance (partitions.ts). */
export const PARTITIONED_TABLES = TABLES.map(({ table, key }) => ({ table, key }));

export async function partitions(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable("screening_results").addColumn("created_at", "text").execute();
  await sql`update screening_results set created_at = (select r.created_at from screening_requests r
    where r.id = screening_results.request_id)`.execute(db);
  if (dialect !== "postgres") return;
  for (const t of TABLES) for (const fk of t.foreignKeysIn) await dropForeignKey(db, fk);
  for (const t of TABLES) await partition(db, t);
}

async function dropForeignKey(db: Kysely<unknown>, fk: { table: string; constraint: string }) {
  await sql`alter table ${sql.table(fk.table)} drop constraint if exists ${sql.ref(fk.constraint)}`.execute(
    db,
  );
}

async function partition(db: Kysely<unknown>, t: Partitioned) {
  const old = `${t.table}_unpartitioned`;
  const key = sql.ref(t.key);
  await sql`alter table ${sql.table(t.table)} rename to ${sql.table(old)}`.execute(db);
  for (const i of t.indexes) await sql`drop index if exists ${sql.ref(i.name)}`.execute(db);
  // ISO timestamps compare as bytes; "C" keeps the months' ranges exact whatever the server's locale.
  await sql`alter table ${sql.table(old)} alter column ${key} type text collate "C"`.execute(db);
  await sql`alter table ${sql.table(old)} alter column ${key} set not null`.execute(db);
  await sql`create table ${sql.table(t.table)} (like ${sql.table(old)} including defaults)
    partition by range (${key})`.execute(db);
  await sql`alter table ${sql.table(t.table)} add primary key (${sql.join(
    [...t.primaryKey, t.key].map((c) => sql.ref(c)),
  )})`.execute(db);
  for (const i of t.indexes) {
    const columns = sql.join(
      (i.unique && !i.columns.includes(t.key) ? [...i.columns, t.key] : i.columns).map((c) => sql.ref(c)),
    );
    await sql`create ${sql.raw(i.unique ? "unique index" : "index")} ${sql.ref(i.name)}
      on ${sql.table(t.table)} (${columns}) ${sql.raw(i.where ? `where ${i.where}` : "")}`.execute(db);
  }
  // A month for every month that has rows, so the default partition starts empty.
  const months = await sql<{ month: string }>`select distinct substr(${key}, 1, 7) as month
    from ${sql.table(old)}`.execute(db);
  for (const { month } of months.rows) await createMonth(db, t.table, month);
  await sql`create table ${sql.table(`${t.table}_default`)} partition of ${sql.table(t.table)} default`.execute(
    db,
  );
  await sql`insert into ${sql.table(t.table)} select * from ${sql.table(old)}`.execute(db);
  await sql`drop table ${sql.table(old)}`.execute(db);
}

/** `YYYY-MM` of the month after. */
export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/**
 * The partition of `table` for the month `YYYY-MM`, unless it exists: true when made. False when the
 * default partition already holds rows of that month (the month was not made ahead, e.g. after a long
 * shutdown): they stay there, where every query still finds them.
 */
export async function createMonth(db: Kysely<unknown>, table: string, month: string): Promise<boolean> {
  const name = `${table}_${month.replace("-", "_")}`;
  try {
    await sql`create table if not exists ${sql.table(name)} partition of ${sql.table(table)}
      for values from (${sql.lit(month)}) to (${sql.lit(nextMonth(month))})`.execute(db);
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === "23514") return false;
    throw err;
  }
}
