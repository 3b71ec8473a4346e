// Issue 18's scaling figure: crossings per second of one centre process and of two on the same
// PostgreSQL database, with the load generator (autocannon, 8 connections in all) on the same machine.
// On 2 cores the two processes, the database and the generator share the same CPUs, so this says what a
// second process costs or gains here, not what a second machine would add. Rounds alternate (1, 2, 2, 1)
// so that a drift of the shared machine hits both alike; prints each round, the medians and the ratio.
//   npx tsx bench/scale-out.ts [--seconds 20] [--admin postgres://…/postgres]
import { mkdtempSync, readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { type Centre, measuredCrossing, startCentre } from "./centre.js";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "20" },
    admin: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (args.help || !(Number.isInteger(Number(args.seconds)) && Number(args.seconds) >= 5)) {
  process.stdout.write("npx tsx bench/scale-out.ts [--seconds 20 (5 or more)] [--admin URL]\n");
  process.exit(args.help ? 0 : 2);
}
const SECONDS = Number(args.seconds);

/** CPU time (user + system) of a process so far, in ms. */
function cpuMs(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(f[11]) + Number(f[12])) * 10;
}

let next = 0;
function load(c: Centre, connections: number) {
  return autocannon({
    url: `${c.base}/api/v1/crossings`,
    connections,
    duration: SECONDS,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${c.token}` },
        setupRequest: (req) => ({ ...req, body: measuredCrossing(next++) }),
      },
    ],
  });
}

/** 8 connections spread over the processes; crossings/s, the worst p99, and server CPU ms per crossing. */
async function round(centres: Centre[]) {
  const before = centres.map((c) => cpuMs(c.child.pid!));
  const results = await Promise.all(centres.map((c) => load(c, 8 / centres.length)));
  const cpu = centres.reduce((sum, c, i) => sum + cpuMs(c.child.pid!) - before[i]!, 0);
  const total = results.reduce((n, r) => n + r.requests.total, 0);
  return {
    perS: total / SECONDS,
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((n, r) => n + r.errors + r.non2xx, 0),
    cpuMs: cpu / total,
  };
}

async function admin(text: string) {
  const c = new pg.Client({ connectionString: args.admin });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

const name = `limes_scale_${process.pid}`;
await admin(`create database ${name}`);
const url = args.admin.replace(/\/[^/]*$/, `/${name}`);
const centres: Centre[] = [];
try {
  centres.push(await startCentre(url, mkdtempSync(join(tmpdir(), "limes-scale-"))));
  centres.push(await startCentre(url, mkdtempSync(join(tmpdir(), "limes-scale-")), { seed: false }));
  await round(centres); // warm-up of both processes and the database
  const rows: Record<string, Awaited<ReturnType<typeof round>>[]> = { "1 process": [], "2 processes": [] };
  for (const n of [1, 2, 2, 1]) {
    const r = await round(centres.slice(0, n));
    rows[n === 1 ? "1 process" : "2 processes"]!.push(r);
    console.log(
      `${n} process${n === 1 ? "" : "es"}: ${r.perS.toFixed(0)} crossings/s, p99 ${r.p99} ms, ${r.errors} errors, ` +
        `${r.cpuMs.toFixed(2)} ms server CPU each, load average ${loadavg()[0]!.toFixed(1)}`,
    );
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const one = mean(rows["1 process"]!.map((r) => r.perS));
  const two = mean(rows["2 processes"]!.map((r) => r.perS));
  console.log(
    `1 → 2 centre processes on 2 cores: ${one.toFixed(0)} → ${two.toFixed(0)} crossings/s (×${(two / one).toFixed(2)}), ` +
      "the generator and PostgreSQL on the same cores",
  );
} finally {
  for (const c of centres) await c.stop();
  await admin(`drop database if exists ${name} with (force)`);
}
