// The soak of issue 18: a centre on PostgreSQL at 80% of its measured maximum crossing rate for ten
// minutes. Prints, per minute, the requests, errors, p99 and the server's RSS, then the database's and
// the audit log's growth per hour. Not part of `npm run bench` (it takes ten minutes):
//   npx tsx bench/soak.ts [--minutes 10] [--share 0.8] [--db postgres://…/postgres (admin URL) | sqlite]
// The load generator (autocannon) runs in this process, on the same 2 cores as the server.
import { mkdtempSync, readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { createScratchDatabase, pgQuery } from "../test/support/pg-admin.js";
import { type Centre, measuredCrossing, startCentre } from "./centre.js";

const { values: args } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    share: { type: "string", default: "0.8" },
    db: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (args.help) {
  process.stdout.write(
    "npx tsx bench/soak.ts [--minutes 10] [--share 0.8] [--db postgres://…/postgres | sqlite]\n" +
      "  a centre at `share` of its measured maximum crossing rate for `minutes`; per minute requests,\n" +
      "  errors, p50, p99 and RSS, then database and audit growth per hour. --db names the PostgreSQL\n" +
      "  server's maintenance database (a fresh database is made and dropped) or sqlite.\n",
  );
  process.exit(0);
}
if (!(minutesOk(args.minutes) && Number(args.share) > 0 && Number(args.share) <= 1)) {
  process.stderr.write("--minutes must be a whole number of 1 or more, and --share a fraction in (0, 1]\n");
  process.exit(2);
}
function minutesOk(v: string | undefined): boolean {
  return Number.isInteger(Number(v)) && Number(v) >= 1;
}
const MINUTES = Number(args.minutes);
const SHARE = Number(args.share);

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

let next = 0;
function load(c: Centre, seconds: number, rate?: number) {
  return autocannon({
    url: `${c.base}/api/v1/crossings`,
    connections: 8,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${c.token}` },
        setupRequest: (req) => ({ ...req, body: measuredCrossing(next++) }),
      },
    ],
  });
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "limes-soak-"));
  const sqlite = args.db === "sqlite";
  const scratch = sqlite ? undefined : await createScratchDatabase(args.db, `limes_soak_${process.pid}`);
  const url = scratch?.url ?? `sqlite:${join(dir, "limes.db")}`;
  const centre = await startCentre(url, dir);
  const dbQuery = (text: string) => pgQuery<Record<string, unknown>>(url, text);
  const growth = async () =>
    sqlite
      ? { bytes: Number.NaN, audit: Number.NaN }
      : {
          bytes: Number((await dbQuery("select pg_database_size(current_database()) as n"))[0]!.n),
          audit: Number((await dbQuery("select count(*) as n from audit_log"))[0]!.n),
        };
  try {
    process.stderr.write(
      `soak: measuring the maximum (30 s, 8 connections), load average ${loadavg()[0]!.toFixed(1)}\n`,
    );
    const max = await load(centre, 30);
    const rate = Math.max(1, Math.floor(max.requests.average * SHARE));
    process.stdout.write(
      `maximum ${max.requests.average.toFixed(0)} crossings/s (p99 ${max.latency.p99} ms, ${max.non2xx} non-2xx); ` +
        `soak at ${rate}/s (${Math.round(SHARE * 100)}%) for ${MINUTES} min\n\n` +
        "| minute | requests | errors | p50 ms | p99 ms | RSS MB (max) | load avg |\n|---|---|---|---|---|---|---|\n",
    );
    const start = await growth();
    const t0 = Date.now();
    const rss: number[] = [];
    for (let m = 1; m <= MINUTES; m++) {
      let peak = 0;
      const sampler = setInterval(() => {
        peak = Math.max(peak, rssMb(centre.child.pid!));
      }, 2000);
      const r = await load(centre, 60, rate);
      clearInterval(sampler);
      rss.push(peak);
      process.stdout.write(
        `| ${m} | ${r.requests.total} | ${r.errors + r.non2xx} | ${r.latency.p50} | ${r.latency.p99} | ${peak.toFixed(0)} | ${loadavg()[0]!.toFixed(1)} |\n`,
      );
    }
    const end = await growth();
    const hours = (Date.now() - t0) / 3_600_000;
    const spread = (Math.max(...rss) - Math.min(...rss)) / Math.min(...rss);
    process.stdout.write(
      `\nRSS from ${Math.min(...rss).toFixed(0)} to ${Math.max(...rss).toFixed(0)} MB: ${(spread * 100).toFixed(1)}% ` +
        `(target: flat within 10%)\n` +
        (sqlite
          ? ""
          : `database growth ${((end.bytes - start.bytes) / hours / 1024 ** 2).toFixed(0)} MB/h, ` +
            `audit entries ${Math.round((end.audit - start.audit) / hours)}/h\n`),
    );
  } finally {
    await centre.stop();
    await scratch?.drop();
  }
}

await main();
