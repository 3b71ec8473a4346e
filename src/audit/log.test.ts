import { sql } from "kysely";
import { expect, it } from "vitest";
import { blockNextAuditAppend, describeBothDialects } from "../../test/support/db.js";
import { type Db, migrate } from "../db/index.js";
import {
  type AuditEntryInput,
  type AuditFilter,
  type AuditVerdict,
  appendAudit,
  queryAudit,
  verifyAuditChain,
} from "./index.js";

/** The verdict without its sentence and counters, for exact comparisons. */
const brief = (r: AuditVerdict) => ({
  ok: r.ok,
  checked: r.checked,
  ...(r.firstBroken ? { firstBroken: r.firstBroken } : {}),
});

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
    expect(brief(await verifyAuditChain(db))).toEqual({ ok: true, checked: 5 });
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

  it("detects an edited payload (SQL UPDATE)", async () => {
    const db = getDb();
    await sql`update audit_log set purpose = 'curiosity' where id = 3`.execute(db.kysely);
    expect(brief(await verifyAuditChain(db))).toEqual({
      ok: false,
      checked: 5,
      firstBroken: {
        id: 3,
        reason: expect.stringMatching(
          /^entry 3 \(chain \d+ #\d+\) has a purpose or details that do not match/,
        ),
      },
    });
    await sql`update audit_log set purpose = 'second-line review' where id = 3`.execute(db.kysely);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("detects the contents of two entries swapped", async () => {
    const db = getDb();
    const rows = await db.kysely
      .selectFrom("audit_log")
      .selectAll()
      .where("id", "in", [2, 4])
      .orderBy("id")
      .execute();
    const [a, b] = rows as [(typeof rows)[number], (typeof rows)[number]];
    const { id: _a, chain: _ca, seq: _sa, ...contentA } = a;
    const { id: _b, chain: _cb, seq: _sb, ...contentB } = b;
    await db.kysely.updateTable("audit_log").set(contentB).where("id", "=", 2).execute();
    await db.kysely.updateTable("audit_log").set(contentA).where("id", "=", 4).execute();
    const r = await verifyAuditChain(db);
    expect(r.ok).toBe(false);
    expect(r.firstBroken?.id).toBe(2);
    await db.kysely.updateTable("audit_log").set(contentA).where("id", "=", 2).execute();
    await db.kysely.updateTable("audit_log").set(contentB).where("id", "=", 4).execute();
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("detects an entry inserted past its chain's head", async () => {
    const db = getDb();
    const last = await db.kysely
      .selectFrom("audit_log")
      .selectAll()
      .where("id", "=", 5)
      .executeTakeFirstOrThrow();
    await db.kysely
      .insertInto("audit_log")
      .values({ ...last, id: 6, seq: last.seq + 1, prev_hash: last.hash })
      .execute();
    expect(brief(await verifyAuditChain(db))).toEqual({
      ok: false,
      checked: 5,
      firstBroken: {
        id: 6,
        reason: `entry 6 (chain ${last.chain} #${last.seq + 1}) lies beyond its chain's head: it was not appended through the audit log`,
      },
    });
    await sql`delete from audit_log where id = 6`.execute(db.kysely);
  });

  it("fails the action when its audit entry cannot be written", async () => {
    const db = getDb();
    const unblock = await blockNextAuditAppend(db);
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await trx
          .insertInto("crossing_points")
          .values({
            id: "cp-1",
            code: "RS-HRG",
            name: "Horgoš",
            kind: "land",
            country: "RS",
            agency: "BP-North",
            created_at: "2026-11-28T10:00:00.000Z",
          })
          .execute();
        await appendAudit(trx, {
          actor,
          action: "crossing_point.create",
          objectType: "crossing_point",
          objectId: "cp-1",
          outcome: "success",
        });
      }),
    ).rejects.toThrow();
    expect(await db.kysely.selectFrom("crossing_points").select("id").execute()).toEqual([]);
    await unblock();
    expect(brief(await verifyAuditChain(db))).toEqual({ ok: true, checked: 5 });
  });

  it("detects a deleted entry (SQL DELETE)", async () => {
    const db = getDb();
    await sql`delete from audit_log where id = 2`.execute(db.kysely);
    const r = await verifyAuditChain(db);
    expect(r.ok).toBe(false);
    expect(r.firstBroken?.reason).toMatch(/missing/);
    expect(r.verdict).toMatch(/^The audit trail was tampered with: /);
  });
});

describeBothDialects("audit chain under load", (getDb) => {
  const append = (db: Db, objectId: string) =>
    db.kysely
      .transaction()
      .execute((trx) =>
        appendAudit(trx, { actor, action: "login", objectType: "session", objectId, outcome: "success" }),
      );

  it("stays linear when many transactions append at once", async () => {
    const db = getDb();
    const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => append(db, String(i))));
    expect(ids.map((r) => r.id).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // PostgreSQL appenders take whichever chain is free instead of queueing on one; SQLite has one writer.
    const chains = await db.kysely.selectFrom("audit_log").select("chain").distinct().execute();
    if (db.dialect === "postgres") expect(chains.length).toBeGreaterThan(1);
    else expect(chains).toEqual([{ chain: 1 }]);
    expect(brief(await verifyAuditChain(db))).toEqual({ ok: true, checked: 20 });
  });

  it("verifies page by page, and finds a break on a later page", async () => {
    const db = getDb();
    expect(brief(await verifyAuditChain(db, { pageSize: 3 }))).toEqual({ ok: true, checked: 20 });
    const { object_id } = await db.kysely
      .selectFrom("audit_log")
      .select("object_id")
      .where("id", "=", 17)
      .executeTakeFirstOrThrow();
    await sql`update audit_log set object_id = 'x' where id = 17`.execute(db.kysely);
    expect(brief(await verifyAuditChain(db, { pageSize: 3 }))).toEqual({
      ok: false,
      checked: 20,
      firstBroken: {
        id: 17,
        reason: expect.stringMatching(/^entry 17 .* does not match its hash \(edited entry\)$/),
      },
    });
    await db.kysely.updateTable("audit_log").set({ object_id }).where("id", "=", 17).execute();
  });

  it("reports an intact chain while entries are being appended", async () => {
    const db = getDb();
    const appending = Promise.all(Array.from({ length: 30 }, (_, i) => append(db, `live-${i}`)));
    const during = await Promise.all([verifyAuditChain(db, { pageSize: 4 }), verifyAuditChain(db)]);
    await appending;
    expect(during.map((r) => r.ok)).toEqual([true, true]);
    expect(brief(await verifyAuditChain(db))).toEqual({ ok: true, checked: 50 });
  });
});

describeBothDialects("audit entries and queries", (getDb) => {
  const entry = (over: Partial<AuditEntryInput>): AuditEntryInput => ({
    actor,
    action: "screening.create",
    objectType: "screening",
    outcome: "success",
    purpose: "border check",
    ...over,
  });
  const write = (e: AuditEntryInput, at: string) =>
    getDb()
      .kysely.transaction()
      .execute((trx) => appendAudit(trx, e, new Date(at)));

  it("refuses to record a read of personal data without a purpose, failing the read", async () => {
    for (const action of ["screening.read", "watchlist.search"]) {
      await expect(write(entry({ action, purpose: " " }), "2026-11-28T09:00:00Z")).rejects.toThrow(
        `purpose: required to record ${action}`,
      );
    }
    // A denied read processed no personal data; a write carries its purpose where it has one.
    await write(
      entry({ action: "screening.read", purpose: undefined, outcome: "denied" }),
      "2026-11-28T09:00:00Z",
    );
    await write(
      entry({ action: "user.create", purpose: undefined, objectType: "user" }),
      "2026-11-28T09:30:00Z",
    );
    expect(brief(await verifyAuditChain(getDb()))).toEqual({ ok: true, checked: 2 });
  });

  it("filters by actor, agency, action, object and time, newest first, with paging", async () => {
    const south = { userId: "u2", username: "officer2", roles: ["second_line"], agency: "BP-South" };
    await write(entry({ objectId: "s1" }), "2026-11-28T10:00:00Z");
    await write(entry({ actor: south, objectId: "s2" }), "2026-11-28T11:00:00Z");
    await write(entry({ action: "screening.read", objectId: "s1" }), "2026-11-28T12:00:00Z");
    await write(entry({ objectId: "s3" }), "2026-11-28T13:00:00Z");
    const ids = async (filter: AuditFilter) => (await queryAudit(getDb(), filter)).map((e) => e.id);
    expect(await ids({})).toEqual([6, 5, 4, 3, 2, 1]);
    expect(await ids({ actor: "officer2" })).toEqual([4]);
    expect(await ids({ agency: "BP-North", objectType: "screening" })).toEqual([6, 5, 3, 1]);
    expect(await ids({ action: "screening.read" })).toEqual([5, 1]);
    expect(await ids({ objectId: "s1" })).toEqual([5, 3]);
    expect(await ids({ from: "2026-11-28T11:00:00.000Z", to: "2026-11-28T13:00:00.000Z" })).toEqual([5, 4]);
    expect(await ids({ limit: 2, offset: 1 })).toEqual([5, 4]);
    expect((await queryAudit(getDb(), { objectId: "s2" }))[0]).toEqual({
      id: 4,
      ts: "2026-11-28T11:00:00.000Z",
      actor: south,
      action: "screening.create",
      objectType: "screening",
      objectId: "s2",
      purpose: "border check",
      outcome: "success",
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
});
