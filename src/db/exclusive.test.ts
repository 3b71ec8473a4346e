// A timer's job runs in one centre process at a time, and passes to a survivor when its holder dies.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FreshDatabase, freshDatabase } from "../../test/support/db.js";
import { describeWithService } from "../../test/support/services.js";
import { type Db, type Exclusive, openDatabase, runExclusive } from "./index.js";

describeWithService("pg", "runExclusive on PostgreSQL: two processes' pools on one database", () => {
  let fresh: FreshDatabase;
  let a: Db;
  let b: Db;
  beforeAll(async () => {
    fresh = await freshDatabase("postgres");
    a = await openDatabase(fresh.url);
    b = await openDatabase(fresh.url);
  });
  afterAll(async () => {
    await b.close();
    await fresh.drop();
  });

  it("skips the job in the second process while the first runs it, then lets it run", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let started!: () => void;
    const running = new Promise<void>((r) => {
      started = r;
    });
    const first = runExclusive(a, "retention", async () => {
      started();
      await held;
      return "a";
    });
    await running;
    expect(await runExclusive(b, "retention", async () => "b")).toEqual({ ran: false });
    // Another job's lock is independent of this one.
    expect(await runExclusive(b, "decisions", async () => "b")).toEqual({ ran: true, value: "b" });
    release();
    expect(await first).toEqual({ ran: true, value: "a" });
    expect(await runExclusive(b, "retention", async () => "b")).toEqual({ ran: true, value: "b" });
  });

  it("passes the job to the survivor when the holder's session ends, as when its process dies", async () => {
    let started!: () => void;
    const running = new Promise<void>((r) => {
      started = r;
    });
    let finish!: () => void;
    const stuck = new Promise<void>((r) => {
      finish = r;
    });
    const holder = runExclusive(a, "retention", async () => {
      started();
      await stuck;
      return "a";
    });
    await running;
    expect(await runExclusive(b, "retention", async () => "b")).toEqual({ ran: false });
    // The server ends the holder's session, as it does when the process at the other end dies.
    const ended = await sql<{ ended: boolean }>`select pg_terminate_backend(pid) as ended from pg_locks
      where locktype = 'advisory' and granted and database = (select oid from pg_database
      where datname = current_database())`.execute(fresh.db.kysely);
    expect(ended.rows.map((r) => r.ended)).toEqual([true]);
    let result: Exclusive<string> = { ran: false };
    for (let i = 0; i < 50 && !result.ran; i++) {
      result = await runExclusive(b, "retention", async () => "b");
      if (!result.ran) await new Promise((r) => setTimeout(r, 100));
    }
    expect(result).toEqual({ ran: true, value: "b" });
    finish();
    // The holder's own job ends normally; its unlock, on a dead session, is not an error.
    expect(await holder).toEqual({ ran: true, value: "a" });
    await a.close();
  });
});

describe("runExclusive on SQLite", () => {
  it("runs the job: the database belongs to one process", async () => {
    const fresh = await freshDatabase("sqlite");
    try {
      expect(await runExclusive(fresh.db, "retention", async () => 1)).toEqual({ ran: true, value: 1 });
    } finally {
      await fresh.drop();
    }
  });
});
