// Runs a suite against both dialects: SQLite in a temporary file and a fresh PostgreSQL database on
// this machine (created per run, dropped after). CI sets LIMES_REQUIRE_PG=1: there a missing
// PostgreSQL fails the suite instead of skipping it.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, it } from "vitest";
import { type Db, migrate, openDatabase } from "../../src/db/index.js";

const PG_ADMIN = process.env.LIMES_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const pgAvailable = await postgresReachable();
const requirePg = process.env.LIMES_REQUIRE_PG === "1";

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Opens a fresh, migrated database of the dialect; the returned `drop` removes it. */
export async function freshDatabase(
  dialect: "sqlite" | "postgres",
): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "limes-db-"));
    const db = await openDatabase(`sqlite:${join(dir, "test.db")}`);
    await migrate(db);
    return {
      db,
      drop: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `limes_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${name}`);
  const db = await openDatabase(PG_ADMIN.replace(/\/[^/]*$/, `/${name}`));
  await migrate(db);
  return {
    db,
    drop: async () => {
      await db.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/** Declares the suite once per dialect; `getDb()` gives that dialect's fresh database. */
export function describeBothDialects(title: string, suite: (getDb: () => Db) => void): void {
  for (const dialect of ["sqlite", "postgres"] as const) {
    if (dialect === "postgres" && !pgAvailable) {
      if (requirePg) {
        describe(`${title} [postgres]`, () => {
          it("needs PostgreSQL at 127.0.0.1:5432 (LIMES_REQUIRE_PG=1)", () => {
            throw new Error(`PostgreSQL is required but unreachable at ${PG_ADMIN}`);
          });
        });
      } else {
        describe.skip(`${title} [postgres: unreachable, skipped]`, () => suite(() => undefined as never));
      }
      continue;
    }
    describe(`${title} [${dialect}]`, () => {
      let handle: { db: Db; drop: () => Promise<void> } | undefined;
      beforeAll(async () => {
        handle = await freshDatabase(dialect);
      });
      afterAll(async () => {
        await handle?.drop();
      });
      suite(() => handle!.db);
    });
  }
}
