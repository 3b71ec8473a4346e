// Audit appends per second on PostgreSQL from several processes at once, each with several connections:
// the shape of two API processes on one database. Each append is its own transaction, as a request's.
//
//   npx tsx bench/audit-appends.ts [--processes 2] [--connections 8] [--seconds 5] [--chains 16] [--baseline]
//
// It creates a scratch database on LIMES_TEST_PG (default postgres://postgres@127.0.0.1:5432/postgres),
// prints the appends/s of each process and the total, verifies the chains, and drops the database.
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { appendAudit, verifyAuditChain } from "../src/audit/index.js";
import { migrate, openDatabase } from "../src/db/index.js";
import { createScratchDatabase } from "../test/support/pg-admin.js";

const ADMIN = process.env.LIMES_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";
const { values } = parseArgs({
  options: {
    processes: { type: "string", default: "2" },
    connections: { type: "string", default: "8" },
    seconds: { type: "string", default: "5" },
    /** 1 reproduces the old design: every appender queues on one head row. */
    chains: { type: "string", default: "16" },
    /** The same harness with a trivial transaction instead of an append: the ceiling of this machine. */
    baseline: { type: "boolean", default: false },
    worker: { type: "string" },
  },
});

/** One process: `connections` loops appending until the deadline; reports how many it appended. */
async function worker(url: string): Promise<void> {
  const db = await openDatabase(url);
  const deadline = Date.now() + Number(values.seconds) * 1000;
  const cpu = process.cpuUsage();
  let appended = 0;
  const loop = async (n: number) => {
    while (Date.now() < deadline) {
      if (values.baseline) {
        await db.kysely.transaction().execute((t) => sql`select nextval('audit_log_id_seq')`.execute(t));
        appended++;
        continue;
      }
      await appendAudit(db.kysely, {
        actor: { username: `bench-${process.pid}-${n}`, agency: "bench" },
        action: "screening.create",
        objectType: "screening",
        objectId: randomBytes(8).toString("hex"),
        purpose: "border check",
        outcome: "success",
        details: { persons: 1 },
      });
      appended++;
    }
  };
  await Promise.all(Array.from({ length: Number(values.connections) }, (_, n) => loop(n)));
  const used = process.cpuUsage(cpu);
  await db.close();
  // CPU per append in this process: what bounds the rate once the database keeps up.
  process.send?.({ appended, cpuMicros: (used.user + used.system) / Math.max(1, appended) });
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase(ADMIN, `limes_bench_audit_${randomBytes(4).toString("hex")}`);
  const url = scratch.url;
  try {
    const db = await openDatabase(url);
    await migrate(db);
    await db.kysely.deleteFrom("audit_chains").where("id", ">", Number(values.chains)).execute();
    const started = Date.now();
    const counts = await Promise.all(
      Array.from({ length: Number(values.processes) }, () => {
        const child = fork(fileURLToPath(import.meta.url), ["--worker", url, ...process.argv.slice(2)], {
          execArgv: ["--import", "tsx"],
        });
        return new Promise<{ appended: number; cpuMicros: number }>((done, fail) => {
          child.on("message", (m: { appended: number; cpuMicros: number }) => done(m));
          child.on("exit", (code) => code && fail(new Error(`worker exited with ${code}`)));
        });
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const total = counts.reduce((a, b) => a + b.appended, 0);
    const verdict = await verifyAuditChain(db);
    const chains = await db.kysely.selectFrom("audit_log").select("chain").distinct().execute();
    await db.close();
    process.stdout.write(
      `${values.processes} processes × ${values.connections} connections, ${seconds.toFixed(1)} s (with process start):\n` +
        counts
          .map(
            (c, i) =>
              `  process ${i + 1}: ${c.appended} appends, ${Math.round(c.cpuMicros)} µs of CPU each\n`,
          )
          .join("") +
        `  total: ${total} appends, ${Math.round(total / Number(values.seconds))} appends/s over the ${values.seconds} s of appending\n` +
        `  chains used: ${chains.length}; verify: ${verdict.ok ? "intact" : verdict.verdict} (${verdict.checked} entries)\n`,
    );
  } finally {
    await scratch.drop();
  }
}

if (values.worker) await worker(values.worker);
else await main();
