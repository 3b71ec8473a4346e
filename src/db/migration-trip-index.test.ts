// 0020_trip_index: the trip count of every crossing reads the (agency, identity_key, created_at) index,
// not all of the agency's screenings since the date (which it did on SQLite before).
import { type RootOperationNode, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FreshDatabase, forEachDialect, freshDatabase } from "../../test/support/db.js";
import { tripCounts } from "../rules/store.js";

forEachDialect("migration 0020_trip_index", (dialect) => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase(dialect);
  });
  afterAll(async () => {
    await fresh?.drop();
  });

  it("replaces the identity index by one that ends in the date", async () => {
    const { db } = fresh;
    const rows =
      dialect === "sqlite"
        ? (
            await sql<{ name: string }>`select name from sqlite_master
              where type = 'index' and tbl_name = 'screened_travellers' and name like 'screened_travellers_%'`.execute(
              db.kysely,
            )
          ).rows
        : (
            await sql<{ name: string }>`select indexname as name from pg_indexes
              where tablename = 'screened_travellers' and indexname like 'screened_travellers_%'`.execute(
              db.kysely,
            )
          ).rows;
    const names = rows.map((r) => r.name);
    expect(names).toContain("screened_travellers_identity_since");
    expect(names).not.toContain("screened_travellers_identity");
  });
});

// The plan is SQLite's question: PostgreSQL's planner picks by statistics, which a fresh table has none of.
describe("migration 0020_trip_index [sqlite]", () => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase("sqlite");
  });
  afterAll(async () => {
    await fresh?.drop();
  });

  it("plans the rules' trip count on it", async () => {
    const { db } = fresh;
    let node: RootOperationNode | undefined;
    const recording = db.kysely.withPlugin({
      transformQuery: (a) => {
        node ??= a.node;
        return a.node;
      },
      transformResult: async (a) => a.result,
    });
    await tripCounts(recording, "agency", ["k1", "k2"], "2026-01-01T00:00:00.000Z");
    const q = db.kysely.getExecutor().compileQuery(node!, { queryId: "trip-count" });
    const { rows } = await db.kysely.executeQuery({ ...q, sql: `explain query plan ${q.sql}` });
    expect(JSON.stringify(rows)).toContain("screened_travellers_identity_since");
  });
});
