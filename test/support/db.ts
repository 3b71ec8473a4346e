// Runs a suite against both dialects: SQLite in a temporary file and a fresh PostgreSQL database (created
// per suite, dropped after) on the server the test run found: the machine's, or the embedded one that
// the global setup started (see services.ts). Without PostgreSQL the [postgres] runs are skipped visibly,
// or fail when LIMES_REQUIRE_PG=1 (CI).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import type pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { type Db, type Dialect, migrate, openDatabase } from "../../src/db/index.js";
import { createScratchDatabase, pgQuery, type ScratchDatabase } from "./pg-admin.js";
import { describeWithService, service } from "./services.js";

export const DIALECTS = ["sqlite", "postgres"] as const;

/** The maintenance database of the test run's PostgreSQL server. */
const PG_ADMIN = service("pg").url;

/** Runs one statement on the `postgres` maintenance database, outside any test database. */
export function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  return pgQuery<R>(PG_ADMIN, text, values);
}

export interface FreshDatabase {
  db: Db;
  /** Its LIMES_DB value, e.g. for a CLI run against it. */
  url: string;
  /** Closes and removes the database. */
  drop: () => Promise<void>;
}

/** Opens a fresh database of the dialect, migrated unless asked not to. */
export async function freshDatabase(
  dialect: Dialect,
  opts: { migrate?: boolean } = {},
): Promise<FreshDatabase> {
  const scratch =
    dialect === "sqlite"
      ? sqliteScratch()
      : await createScratchDatabase(PG_ADMIN, `limes_test_${randomBytes(6).toString("hex")}`);
  const db = await openDatabase(scratch.url);
  if (opts.migrate !== false) await migrate(db);
  return {
    db,
    url: scratch.url,
    drop: async () => {
      await db.close();
      await scratch.drop();
    },
  };
}

/** A database file in a temporary folder of its own, removed with it. */
function sqliteScratch(): ScratchDatabase {
  const dir = mkdtempSync(join(tmpdir(), "limes-db-"));
  return {
    url: `sqlite:${join(dir, "test.db")}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Declares the suite once per dialect, each named `<title> [<dialect>]`. Without PostgreSQL its run is
 * skipped visibly, or fails when LIMES_REQUIRE_PG=1.
 */
export function forEachDialect(title: string, suite: (dialect: Dialect) => void): void {
  describe(`${title} [sqlite]`, () => suite("sqlite"));
  describeWithService("pg", `${title} [postgres]`, () => suite("postgres"));
}

/** Declares the suite once per dialect; `getDb()` gives that dialect's fresh, migrated database. */
export function describeBothDialects(
  title: string,
  suite: (getDb: () => Db, dialect: Dialect) => void,
): void {
  forEachDialect(title, (dialect) => {
    let handle: FreshDatabase | undefined;
    beforeAll(async () => {
      handle = await freshDatabase(dialect);
    });
    afterAll(async () => {
      await handle?.drop();
    });
    suite(() => handle!.db, dialect);
  });
}

/**
 * Makes an audit append fail, to test that an action rolls back with its audit entry: the `nth` append
 * from now fails (1, the next append; 2, the one after, so a transaction's first append succeeds and its
 * second fails). A failed append's transaction (or savepoint) rolls back, and with it the count, so the
 * next attempt fails again, as long as the block is in place. Returns the undo.
 *
 * On SQLite a row already holds the position `nth` appends ahead on every chain. On PostgreSQL the log
 * is partitioned by month (0015), so `(chain, seq)` is unique only with the timestamp and such a row
 * would not collide: a trigger counts the inserts down and raises at the `nth`.
 */
export async function blockNextAuditAppend(db: Db, nth = 1): Promise<() => Promise<void>> {
  if (db.dialect === "postgres") return blockWithTrigger(db, nth);
  const chains = await db.kysely.selectFrom("audit_chains").selectAll().execute();
  // Below every real id: SQLite numbers an append max(id) + 1, which must not jump past the blockers
  // (the undo would then delete the entries appended meanwhile).
  const firstBlocker = -1_000_000;
  const blockers = chains.map((c, i) => ({
    id: firstBlocker - i,
    chain: c.id,
    seq: c.last_seq + nth,
    ts: "1970-01-01T00:00:00.000Z",
    actor_user_id: null,
    actor_username: null,
    actor_roles: null,
    actor_agency: null,
    action: "test.block",
    object_type: "test",
    object_id: null,
    purpose: null,
    outcome: "error" as const,
    details: null,
    salt: null,
    payload_digest: "",
    erased_at: null,
    prev_hash: c.last_hash,
    hash: "",
  }));
  await db.kysely.insertInto("audit_log").values(blockers).execute();
  return async () => {
    await db.kysely.deleteFrom("audit_log").where("id", "<=", firstBlocker).execute();
  };
}

async function blockWithTrigger(db: Db, nth: number): Promise<() => Promise<void>> {
  const run = (q: string) => sql.raw(q).execute(db.kysely);
  await run("create table limes_test_audit_block (remaining integer not null)");
  await run(`insert into limes_test_audit_block values (${nth})`);
  await run(`create function limes_test_audit_block() returns trigger language plpgsql as $$
    begin
      update limes_test_audit_block set remaining = remaining - 1;
      if (select remaining from limes_test_audit_block) = 0 then
        raise exception 'audit append blocked by the test';
      end if;
      return new;
    end $$`);
  await run(`create trigger limes_test_audit_block before insert on audit_log
    for each row execute function limes_test_audit_block()`);
  return async () => {
    await run("drop trigger limes_test_audit_block on audit_log");
    await run("drop function limes_test_audit_block()");
    await run("drop table limes_test_audit_block");
  };
}
