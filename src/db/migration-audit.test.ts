// 0004_audit_signing on a log written before it: the old entries are re-chained into chain 1 in the new
// format, verify holds, and new entries continue after them.
import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type FreshDatabase, forEachDialect, freshDatabase } from "../../test/support/db.js";
import { appendAudit, verifyAuditChain } from "../audit/index.js";
import { migrate } from "./index.js";
import { migrationProvider } from "./migrations.js";

forEachDialect("migration 0004_audit_signing", (dialect) => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase(dialect, { migrate: false });
  });
  afterAll(async () => {
    await fresh?.drop();
  });

  it("re-chains the entries written before it, and appends continue after them", async () => {
    const { db } = fresh;
    const migrator = new Migrator({ db: db.kysely, provider: migrationProvider(db.dialect) });
    expect((await migrator.migrateTo("0003_review")).error).toBeUndefined();
    for (const id of [1, 2, 3])
      await sql`insert into audit_log (id, ts, actor_username, action, object_type, object_id, purpose, outcome, details, prev_hash, hash)
        values (${id}, ${`2026-11-0${id}T10:00:00.000Z`}, 'officer1', 'screening.read', 'screening', ${`s${id}`}, 'review', 'success', ${JSON.stringify({ n: id })}, 'old', 'old')`.execute(
        db.kysely,
      );
    expect((await migrate(db)).applied).toContain("0004_audit_signing");
    const rows = await db.kysely
      .selectFrom("audit_log")
      .select(["id", "chain", "seq", "purpose"])
      .orderBy("id")
      .execute();
    expect(rows).toEqual([
      { id: 1, chain: 1, seq: 1, purpose: "review" },
      { id: 2, chain: 1, seq: 2, purpose: "review" },
      { id: 3, chain: 1, seq: 3, purpose: "review" },
    ]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 3 });
    const next = await appendAudit(db.kysely, {
      actor: { username: "t" },
      action: "test",
      objectType: "x",
      outcome: "success",
    });
    expect(next.id).toBe(4);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 4 });
  });
});
