import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { describeBothDialects } from "../../test/support/db.js";
import { migrate } from "../db/index.js";
import { appendAudit, queryAudit, verifyAuditChain } from "./index.js";

const actor = { userId: "u1", username: "officer1", roles: ["second_line"], agency: "BP-North" };

describeBothDialects("audit log", (getDb) => {
  it("migrations are idempotent", async () => {
    expect((await migrate(getDb())).applied).toEqual([]);
  });

  it("appends entries in a hash chain that verifies", async () => {
    const db = getDb();
    for (let i = 0; i < 5; i++) {
      await db.kysely.transaction().execute((trx) =>
        appendAudit(trx, {
          actor,
          action: "screening.read",
          objectType: "screening",
          objectId: `s${i}`,
          purpose: "second-line review",
          outcome: "success",
          details: { n: i },
        }),
      );
    }
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 5 });
    const entries = await queryAudit(db, { action: "screening.read", limit: 2 });
    expect(entries.map((e) => e.objectId)).toEqual(["s4", "s3"]);
    expect(entries[0]).toMatchObject({ actor, purpose: "second-line review", details: { n: 4 } });
  });

  it("rolls the entry back with the action it records", async () => {
    const db = getDb();
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await appendAudit(trx, { actor, action: "user.create", objectType: "user", outcome: "success" });
        throw new Error("the action failed");
      }),
    ).rejects.toThrow("the action failed");
    expect((await verifyAuditChain(db)).checked).toBe(5);
  });

  it("detects an edited entry (SQL UPDATE)", async () => {
    const db = getDb();
    await sql`update audit_log set purpose = 'curiosity' where id = 3`.execute(db.kysely);
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      checked: 5,
      firstBroken: { id: 3, reason: "content does not match its hash (edited entry)" },
    });
    await sql`update audit_log set purpose = 'second-line review' where id = 3`.execute(db.kysely);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("detects two entries swapped", async () => {
    const db = getDb();
    const rows = await db.kysely
      .selectFrom("audit_log")
      .selectAll()
      .where("id", "in", [2, 4])
      .orderBy("id")
      .execute();
    const [a, b] = rows as [(typeof rows)[number], (typeof rows)[number]];
    const { id: _a, ...contentA } = a;
    const { id: _b, ...contentB } = b;
    await db.kysely.updateTable("audit_log").set(contentB).where("id", "=", 2).execute();
    await db.kysely.updateTable("audit_log").set(contentA).where("id", "=", 4).execute();
    const r = await verifyAuditChain(db);
    expect(r.ok).toBe(false);
    expect(r.firstBroken?.id).toBe(2);
    await db.kysely.updateTable("audit_log").set(contentA).where("id", "=", 2).execute();
    await db.kysely.updateTable("audit_log").set(contentB).where("id", "=", 4).execute();
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("detects a deleted entry (SQL DELETE), in the middle or at the end", async () => {
    const db = getDb();
    await sql`delete from audit_log where id = 5`.execute(db.kysely);
    expect((await verifyAuditChain(db)).firstBroken).toEqual({
      id: 5,
      reason: "the chain head records 5 entries but 4 are stored (entries removed at the end)",
    });
    await sql`delete from audit_log where id = 2`.execute(db.kysely);
    expect((await verifyAuditChain(db)).firstBroken).toEqual({
      id: 2,
      reason: "entry 2 is missing (next stored entry is 3)",
    });
  });
});

describe("audit chain under concurrent appends", () => {
  describeBothDialects("concurrency", (getDb) => {
    it("stays linear when many transactions append at once", async () => {
      const db = getDb();
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          db.kysely.transaction().execute((trx) =>
            appendAudit(trx, {
              actor,
              action: "login",
              objectType: "session",
              objectId: String(i),
              outcome: "success",
            }),
          ),
        ),
      );
      expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 20 });
    });
  });
});
