// One transaction per crossing (issue 12, item 5): kill -9 the real server (`src/main.ts`) in the middle
// of a burst of crossings, three times per dialect. Afterwards no screening is orphaned (every screening
// belongs to a crossing), every acknowledged crossing is stored with its screening, its audit entry and,
// for a refer, its alert, and the audit chain verifies.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generateKeyFiles, loadPublicKey, verifyAuditChain } from "../../src/audit/index.js";
import { crossingBody, postCrossing, seedBooth } from "../support/booth.js";
import { killAll, login, startLimes } from "../support/cluster.js";
import { type FreshDatabase, forEachDialect, freshDatabase } from "../support/db.js";

const PASSWORD = "crossing burst at the border 2026";
// The server signs audit checkpoints with a key outside the database (required on PostgreSQL).
const keyDir = mkdtempSync(join(tmpdir(), "limes-crossing-kill9-"));
const auditKey = generateKeyFiles(keyDir, "audit");
const RUNS = 3;

/** One checkpoint file per database: the verify at the end reads the one its server wrote. */
const checkpointFile = (url: string) =>
  join(keyDir, `${url.startsWith("sqlite:") ? "sqlite" : "postgres"}.jsonl`);

/**
 * Four workers post crossings until the server dies; the ids of those answered 201. Every fifth presents
 * the stolen passport, so alerts are opened too.
 */
async function burst(base: string, token: string, run: number, acknowledged: string[]) {
  const worker = async (w: number) => {
    for (let i = 0; i < 2000; i++) {
      const body = crossingBody(`${run}x${w}x${i}`, { crossingPointId: "cp-crash", stolen: i % 5 === 0 });
      try {
        const r = await postCrossing(base, token, body);
        if (r.status === 201) acknowledged.push(((await r.json()) as { id: string }).id);
      } catch {
        return; // the server is gone
      }
    }
  };
  return Promise.all([0, 1, 2, 3].map(worker));
}

afterAll(() => killAll());

forEachDialect("kill -9 during a burst of crossings", (dialect) => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase(dialect);
    await seedBooth(fresh.db, {
      password: PASSWORD,
      agency: "demo",
      crossingPoint: { id: "cp-crash", code: "CRASH", name: "Crash test post" },
    });
  });
  afterAll(async () => {
    await fresh?.drop();
  });

  it(`leaves no orphaned screening and loses no acknowledged crossing (${RUNS} runs)`, async () => {
    const acknowledged: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { child, url: base } = await startLimes({
        LIMES_DB: fresh.url,
        LIMES_AUDIT_KEY: auditKey.privateKeyFile,
        LIMES_AUDIT_CHECKPOINTS: checkpointFile(fresh.url),
      });
      const token = await login(base, "booth", PASSWORD);
      const before = acknowledged.length;
      const running = burst(base, token, run, acknowledged);
      await new Promise((r) => setTimeout(r, 1000 + run * 400));
      const exited = new Promise<NodeJS.Signals | null>((r) => child.once("exit", (_c, signal) => r(signal)));
      child.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");
      await running;
      expect(acknowledged.length - before).toBeGreaterThan(5);
    }

    const q = fresh.db.kysely;
    const orphans = await q
      .selectFrom("screening_requests as s")
      .select(sql<number>`count(*)`.as("n"))
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom("crossings as c").select("c.id").whereRef("c.screening_id", "=", "s.id"))),
      )
      .executeTakeFirstOrThrow();
    const stored = await q
      .selectFrom("crossings")
      .select(["id", "decision"])
      .where("id", "in", acknowledged)
      .execute();
    const audited = await q
      .selectFrom("audit_log")
      .select("object_id")
      .where("action", "=", "crossing.create")
      .where("object_id", "in", acknowledged)
      .execute();
    const refers = stored.filter((c) => c.decision === "refer").map((c) => c.id);
    expect(refers.length).toBeGreaterThan(0);
    const alerts = await q
      .selectFrom("alerts")
      .select("source_id")
      .where("source_id", "in", refers)
      .execute();
    const screenings = await q
      .selectFrom("screening_requests")
      .select(sql<number>`count(*)`.as("n"))
      .executeTakeFirstOrThrow();
    const crossings = await q
      .selectFrom("crossings")
      .select(sql<number>`count(*)`.as("n"))
      .executeTakeFirstOrThrow();
    process.stdout.write(
      `[${dialect}] ${RUNS} kill -9 runs: acknowledged ${acknowledged.length}, stored ${stored.length}, ` +
        `screenings ${Number(screenings.n)}, crossings ${Number(crossings.n)}, refers ${refers.length}, ` +
        `alerts ${alerts.length}, orphaned screenings ${Number(orphans.n)}\n`,
    );
    expect(Number(orphans.n)).toBe(0);
    expect(Number(screenings.n)).toBe(Number(crossings.n));
    expect(stored.length).toBe(acknowledged.length);
    expect(audited.length).toBe(acknowledged.length);
    expect(alerts.length).toBe(refers.length);
    const verdict = await verifyAuditChain(fresh.db, {
      publicKey: loadPublicKey(auditKey.publicKeyFile),
      checkpointFile: checkpointFile(fresh.url),
    });
    expect(verdict.ok, verdict.verdict).toBe(true);
  }, 180_000);
});
