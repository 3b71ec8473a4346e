// 0015_partitions on a database that already holds a centre's rows of two months: on PostgreSQL every row
// moves to its month's partition (the default one stays empty), keys and the audit chain still hold, and
// writes go on; on SQLite only the results' new timestamp is filled.
import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type FreshDatabase, forEachDialect, freshDatabase } from "../../test/support/db.js";
import { appendAudit, verifyAuditChain } from "../audit/index.js";
import { migrate } from "./connect.js";
import { migrationProvider } from "./migrations.js";

const MONTHS = ["2026-10-14T08:00:00.000Z", "2026-11-20T17:30:00.000Z"];
const TABLES = [
  "screening_requests",
  "screening_results",
  "crossings",
  "screened_travellers",
  "audit_log",
] as const;

forEachDialect("migration 0015_partitions", (dialect) => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase(dialect, { migrate: false });
  });
  afterAll(async () => {
    await fresh?.drop();
  });

  it("keeps every row, puts each in its month, and writing goes on", async () => {
    const { db } = fresh;
    const q = db.kysely;
    const migrator = new Migrator({ db: q, provider: migrationProvider(db.dialect) });
    expect((await migrator.migrateTo("0014_sync")).error).toBeUndefined();
    for (const [i, at] of MONTHS.entries()) {
      const id = `s${i}`;
      await q
        .insertInto("screening_requests")
        .values({
          id,
          agency: "a",
          user_id: "u",
          crossing_point_id: null,
          purpose: "p",
          created_at: at,
          input: "[]",
        })
        .execute();
      await sql`insert into screening_results (request_id, person_index, decision, matches)
        values (${id}, 0, 'clear', '[]')`.execute(q);
      await q
        .insertInto("crossings")
        .values({
          id: `c${i}`,
          agency: "a",
          user_id: "u",
          screening_id: id,
          crossing_point_id: null,
          direction: "entry",
          decision: "clear",
          data: "{}",
          created_at: at,
          depersonalised_at: null,
        })
        .execute();
      await sql`insert into screened_travellers (screening_id, person_index, agency, source, source_id,
        identity_key, created_at) values (${id}, 0, 'a', 'crossing', ${`c${i}`}, ${`k${i}`}, ${at})`.execute(
        q,
      );
      await appendAudit(
        q,
        { actor: { username: "system" }, action: "test.entry", objectType: "test", outcome: "success" },
        new Date(at),
      );
    }
    const count = async (t: string) =>
      Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(t)}`.execute(q)).rows[0]!.n);
    const before = await Promise.all(TABLES.map(count));

    expect((await migrate(db)).applied).toEqual([
      "0015_partitions",
      "0016_languages",
      "0017_goods",
      "0018_alert_approvals",
      "0019_regional",
      "0020_trip_index",
    ]);

    expect(await Promise.all(TABLES.map(count))).toEqual(before);
    const results = await q
      .selectFrom("screening_results")
      .select(["request_id", "created_at"])
      .orderBy("request_id")
      .execute();
    expect(results).toEqual([
      { request_id: "s0", created_at: MONTHS[0] },
      { request_id: "s1", created_at: MONTHS[1] },
    ]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    if (dialect === "postgres") {
      for (const t of TABLES) {
        const key = t === "audit_log" ? "ts" : "created_at";
        const where = await sql<{ part: string }>`select tableoid::regclass::text as part from ${sql.table(t)}
          order by ${sql.ref(key)}`.execute(q);
        expect(where.rows.map((r) => r.part)).toEqual([`${t}_2026_10`, `${t}_2026_11`]);
        expect(await count(`${t}_default`)).toBe(0);
      }
    }
    // Writing goes on, into this month's partition on PostgreSQL; a key is still refused twice.
    const now = new Date().toISOString();
    await q
      .insertInto("screening_requests")
      .values({
        id: "s2",
        agency: "a",
        user_id: "u",
        crossing_point_id: null,
        purpose: "p",
        created_at: now,
        input: "[]",
      })
      .execute();
    await expect(
      q
        .insertInto("screening_requests")
        .values({
          id: "s2",
          agency: "a",
          user_id: "u",
          crossing_point_id: null,
          purpose: "p",
          created_at: now,
          input: "[]",
        })
        .execute(),
    ).rejects.toThrow();
    await appendAudit(q, {
      actor: { username: "system" },
      action: "test.entry",
      objectType: "test",
      outcome: "success",
    });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 3 });
  });
});
