import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminQuery, type FreshDatabase, forEachDialect, freshDatabase } from "../../test/support/db.js";
import { InvalidError } from "../shared/errors.js";
import { isUniqueViolation, migrate, openDatabase, parseDbUrl } from "./index.js";

/** Every migration, in the order a fresh database applies them. */
const MIGRATION_NAMES = [
  "0001_initial",
  "0002_travel",
  "0003_review",
  "0004_audit_signing",
  "0005_list_staging",
  "0006_accounts",
  "0008_population",
  "0009_safeguards",
  "0010_subjects",
  "0011_cargo",
  "0012_checks_at_post",
  "0013_partners",
  "0014_sync",
  "0015_partitions",
  "0016_languages",
  "0017_goods",
  "0018_alert_approvals",
  "0019_regional",
  "0020_trip_index",
];

/** Partitioned by month on PostgreSQL: a default partition, this month and three ahead. */
const PARTITIONED = [
  "audit_log",
  "crossings",
  "screened_travellers",
  "screening_requests",
  "screening_results",
];

const TABLES = [
  "alert_decisions",
  "alert_hand_overs",
  "alerts",
  "approvals",
  "audit_chains",
  "audit_checkpoints",
  "audit_log",
  "cargo_consignments",
  "cargo_manifests",
  "cash_items",
  "cash_records",
  "clearance_notes",
  "clearances",
  "craft_checks",
  "crossing_points",
  "crossings",
  "firearm_checks",
  "goods_lists",
  "login_attempts",
  "manifests",
  "partner_agreements",
  "partner_follow_ups",
  "partner_nonces",
  "partner_outbox",
  "partner_queries",
  "protection_bindings",
  "protection_records",
  "referrals",
  "regional_bundles",
  "rule_hits",
  "rules",
  "screened_travellers",
  "screening_requests",
  "screening_results",
  "sync_audit",
  "sync_inbox",
  "sync_list_versions",
  "sync_origins",
  "sync_state",
  "tokens",
  "user_roles",
  "users",
  "vehicle_checks",
  "watchlist_entities",
  "watchlist_versions",
  "watchlists",
];

describe("LIMES_DB", () => {
  it("names an SQLite file, SQLite in memory or a PostgreSQL server", () => {
    expect(parseDbUrl("sqlite:./data/limes.db")).toEqual({ dialect: "sqlite", target: "./data/limes.db" });
    expect(parseDbUrl("sqlite::memory:")).toEqual({ dialect: "sqlite", target: ":memory:" });
    expect(parseDbUrl("postgresql://u:p@db:5432/limes")).toEqual({
      dialect: "postgres",
      target: "postgresql://u:p@db:5432/limes",
    });
    expect(() => parseDbUrl("sqlite:")).toThrow(InvalidError);
    expect(() => parseDbUrl("mysql://db/limes")).toThrow(
      'LIMES_DB must be sqlite:<path> or postgres://…, not "mysql://db/limes"',
    );
  });

  it("opens SQLite in WAL mode with foreign keys and a busy timeout, creating the folder", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "limes-open-")), "nested", "dir", "limes.db");
    const db = await openDatabase(`sqlite:${path}`);
    try {
      expect(existsSync(join(path, ".."))).toBe(true);
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(db.kysely)).rows[0] as object)[0];
      expect([
        await pragma("journal_mode"),
        await pragma("foreign_keys"),
        await pragma("busy_timeout"),
      ]).toEqual(["wal", 1, 5000]);
      expect(db.describe).toBe(`sqlite:${path}`);
    } finally {
      await db.close();
    }
  });

  it("opens and migrates SQLite in memory", async () => {
    const db = await openDatabase("sqlite::memory:");
    try {
      expect(await migrate(db)).toEqual({
        applied: [...MIGRATION_NAMES],
      });
    } finally {
      await db.close();
    }
  });

  it("keeps a PostgreSQL password out of its description", async () => {
    const db = await openDatabase("postgres://limes:s3cret@127.0.0.1:5432/limes");
    expect(db.describe).toBe("postgres://limes:***@127.0.0.1:5432/limes");
    await db.close();
  });
});

forEachDialect("migrations", (dialect) => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase(dialect, { migrate: false });
  });
  afterAll(async () => {
    await fresh.drop();
  });

  it("create the whole schema once, and apply nothing the second time", async () => {
    expect(await migrate(fresh.db)).toEqual({
      applied: [...MIGRATION_NAMES],
    });
    expect(await migrate(fresh.db)).toEqual({ applied: [] });
    const tables = (await fresh.db.kysely.introspection.getTables()).map((t) => t.name).sort();
    // PostgreSQL lists each month partition (migration 0015) as a table of its own.
    const partitions =
      dialect === "postgres"
        ? (
            await sql<{
              name: string;
            }>`select relname as name from pg_class where relispartition and relkind = 'r'`.execute(
              fresh.db.kysely,
            )
          ).rows.map((r) => r.name)
        : [];
    expect(tables.filter((t) => !partitions.includes(t))).toEqual(TABLES);
    if (dialect === "postgres") {
      const month = new Date().toISOString().slice(0, 7).replace("-", "_");
      for (const t of PARTITIONED)
        expect(partitions).toEqual(expect.arrayContaining([`${t}_default`, `${t}_${month}`]));
      expect(partitions).toHaveLength(PARTITIONED.length * 5);
    }
    // Sixteen empty hash chains, so PostgreSQL appenders need not queue on one head row.
    const chains = await fresh.db.kysely.selectFrom("audit_chains").selectAll().orderBy("id").execute();
    expect(chains).toHaveLength(16);
    expect(chains[15]).toEqual({ id: 16, last_seq: 0, last_hash: "0".repeat(64) });
  });

  it("enforce foreign keys and unique constraints", async () => {
    const { kysely } = fresh.db;
    await expect(
      kysely.insertInto("user_roles").values({ user_id: "nobody", role: "admin" }).execute(),
    ).rejects.toThrow();
    const user = {
      id: "u1",
      username: "officer1",
      password_hash: "x",
      agency: "A",
      crossing_point_id: null,
      created_at: "2026-11-28T10:00:00.000Z",
      disabled_at: null,
    };
    await kysely.insertInto("users").values(user).execute();
    const duplicate = await kysely
      .insertInto("users")
      .values({ ...user, id: "u2" })
      .execute()
      .catch((err: unknown) => err);
    expect(isUniqueViolation(duplicate)).toBe(true);
  });

  it("survives its idle connections being killed, reconnecting on the next query", async () => {
    const other = await freshDatabase(dialect);
    await sql`select 1`.execute(other.db.kysely);
    if (dialect === "postgres") {
      const name = other.url.slice(other.url.lastIndexOf("/") + 1);
      const killed = await adminQuery<{ killed: boolean }>(
        "select pg_terminate_backend(pid) as killed from pg_stat_activity where datname = $1",
        [name],
      );
      expect(killed.map((k) => k.killed)).toEqual([true]);
      await new Promise((done) => setTimeout(done, 200));
    }
    expect((await sql<{ one: number }>`select 1 as one`.execute(other.db.kysely)).rows).toEqual([{ one: 1 }]);
    await other.drop();
  });
});
