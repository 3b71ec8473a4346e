// Issue 18, acceptance: two centre API processes on one PostgreSQL database and one NATS JetStream
// server, under load from one generator; one of them is killed with SIGKILL. Every crossing the generator
// saw acknowledged is in the database, and the survivor keeps serving, with the session the other
// process issued (sessions live in PostgreSQL, not in a process).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generateKeyFiles } from "../../src/audit/index.js";
import { crossingBody, postCrossing, seedBooth } from "../support/booth.js";
import { killAll, type LimesProc, login, startCentreNats, startLimes } from "../support/cluster.js";
import { type FreshDatabase, freshDatabase } from "../support/db.js";
import { describeWithService } from "../support/services.js";
import { PASSWORD } from "./setup.js";

describeWithService("nats", "a centre of two processes: failover", () => {
  let db: FreshDatabase;
  let a: LimesProc;
  let b: LimesProc;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "limes-failover-"));
    const auditKey = generateKeyFiles(dir, "audit");
    const hub = await startCentreNats();
    db = await freshDatabase("postgres");
    await seedBooth(db.db, {
      password: PASSWORD,
      agency: "demo",
      crossingPoint: { id: "cp-airport", code: "AIRPORT", name: "Airport terminal 1", kind: "air" },
    });
    const env = (n: string) => ({
      LIMES_DB: db.url,
      LIMES_NATS_URL: hub.url,
      LIMES_NATS_DOMAIN: "centre",
      LIMES_AUDIT_KEY: auditKey.privateKeyFile,
      LIMES_AUDIT_CHECKPOINTS: join(dir, `checkpoints-${n}.jsonl`),
    });
    // One after the other: the first seeds the sample lists, the second finds them.
    a = await startLimes(env("a"));
    b = await startLimes(env("b"));
  }, 300_000);

  afterAll(async () => {
    killAll();
    await db?.drop();
  });

  it("keeps every acknowledged crossing and goes on serving when one process is killed", async () => {
    // Signed in at A; the same token serves at B.
    const token = await login(a.url, "booth", PASSWORD);
    const acknowledged: string[] = [];
    const failed = { a: 0, b: 0 };
    let aDead = false;
    let sent = 0;
    let killedAt = 0;
    const crossing = async (base: string, i: number) => {
      // One in ten presents a stolen passport and is referred, with its alert.
      const r = await postCrossing(
        base,
        token,
        crossingBody(`F${i}`, { crossingPointId: "cp-airport", stolen: i % 10 === 0 }),
      );
      if (r.status !== 201) throw new Error(`${r.status} ${await r.text()}`);
      return ((await r.json()) as { id: string }).id;
    };
    // The generator: 8 connections, round robin over the live processes, as a proxy would spread them.
    const worker = async () => {
      while (sent < 600) {
        const i = sent++;
        const target = !aDead && i % 2 === 0 ? "a" : "b";
        try {
          acknowledged.push(await crossing(target === "a" ? a.url : b.url, i));
        } catch {
          failed[target]++;
          if (target === "a") aDead = true;
        }
        if (i === 200 && !killedAt) {
          killedAt = i;
          void a.kill9();
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    await a.kill9();

    // The survivor serves on, with the token A issued.
    expect(failed.b).toBe(0);
    expect(await crossing(b.url, 100_000)).toMatch(/./);
    const stored = await db.db.kysely.selectFrom("crossings").select("id").execute();
    const ids = new Set(stored.map((r) => r.id));
    const lost = acknowledged.filter((id) => !ids.has(id));
    process.stdout.write(
      `failover: ${sent} sent, ${acknowledged.length} acknowledged, ${failed.a} failed at the killed process, ` +
        `${stored.length - 1} stored (incl. any committed but unacknowledged), ${lost.length} acknowledged but missing\n`,
    );
    expect(lost).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(400);
  }, 300_000);
});
