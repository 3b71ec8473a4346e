// The figures and query plans of docs/scaling.md (issue 18), measured on this machine's PostgreSQL:
//   npx tsx tools/scaling.ts [--crossings 2000] [--copies 40] [--out docs/scaling-explain.md]
// 1. A real centre process on a fresh PostgreSQL database records crossings through the API (8
//    connections, one in ten presenting a stolen passport, so referred with an alert): the rate, and the
//    bytes each crossing adds to the database.
// 2. Those rows are copied back in time (new ids, shifted by days) to spread over four months, then
//    ANALYZEd, so the planner sees partitions the size of a busy post's months.
// 3. The queries the code really issues (retention, the rule guard's population, the overview, the audit
//    trail and its verification) are captured through Kysely's query log and run under EXPLAIN ANALYZE.
// The database is dropped at the end. Timings depend on the machine's load: the script prints it.
import { mkdtempSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type CompiledQuery, Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { type Centre, measuredCrossing, startCentre } from "../bench/centre.js";
import { queryAudit, verifyAuditChain } from "../src/audit/index.js";
import { type Database, type Db, openDatabase } from "../src/db/index.js";
import { createMonth } from "../src/db/migration-partitions.js";
import { expiredScreenings } from "../src/retention/store.js";
import { hitCells, recentTravellers, tripCounts } from "../src/rules/store.js";
import { createStatsService } from "../src/stats/service.js";
import { inWorkers, postCrossing } from "../test/support/booth.js";
import { createScratchDatabase } from "../test/support/pg-admin.js";

const { values: args } = parseArgs({
  options: {
    crossings: { type: "string", default: "2000" },
    copies: { type: "string", default: "40" },
    out: { type: "string", default: "docs/scaling-explain.md" },
    admin: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (args.help) {
  process.stdout.write(
    "npx tsx tools/scaling.ts [--crossings 2000] [--copies 40] [--out docs/scaling-explain.md] [--admin URL]\n" +
      "  records crossings through a real centre on a fresh PostgreSQL database (made and dropped on the\n" +
      "  server of --admin), prints the bytes each adds, spreads copies over four months and writes the\n" +
      "  query plans of the code's own queries to --out.\n",
  );
  process.exit(0);
}
if (!(Number(args.crossings) >= 10 && Number.isInteger(Number(args.copies)) && Number(args.copies) >= 0)) {
  process.stderr.write(
    "--crossings must be a number of 10 or more, and --copies a whole number of 0 or more\n",
  );
  process.exit(2);
}
const N = Number(args.crossings);
const COPIES = Number(args.copies);
const PARTITIONED = [
  "crossings",
  "screening_requests",
  "screening_results",
  "screened_travellers",
  "audit_log",
];

async function recordCrossings(c: Centre): Promise<{ seconds: number; refers: number }> {
  let refers = 0;
  const started = performance.now();
  await inWorkers(N, 8, async (i) => {
    const r = await postCrossing(c.base, c.token, measuredCrossing(i));
    if (r.status !== 201) throw new Error(`crossing ${i}: ${r.status} ${await r.text()}`);
    if (((await r.json()) as { result: { decision: string } }).result.decision === "refer") refers++;
  });
  return { seconds: (performance.now() - started) / 1000, refers };
}

/** Bytes per partitioned table (all its partitions, with indexes and TOAST). */
async function sizes(q: Kysely<Database>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of PARTITIONED) {
    const { rows } = await sqlRows(
      q,
      `select coalesce(sum(pg_total_relation_size(relid)), 0)::bigint as n from pg_partition_tree('${t}')`,
    );
    out[t] = Number(rows[0]!.n);
  }
  const { rows } = await sqlRows(q, "select pg_database_size(current_database())::bigint as n");
  out.database = Number(rows[0]!.n);
  return out;
}

function sqlRows(q: Kysely<Database>, text: string) {
  return sql.raw<Record<string, unknown>>(text).execute(q);
}

/** Copies every crossing's rows `copies` times, each copy `3 × k` days earlier, with new ids. */
async function spreadOverMonths(q: Kysely<Database>) {
  const shift = (col: string) =>
    `to_char((${col}::timestamptz - make_interval(days => 3 * k)) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const series = `cross join generate_series(1, ${COPIES}) as k`;
  // The months the copies reach, made as the daily maintenance would have made them in their time.
  for (let d = 0; d <= 3 * COPIES + 31; d += 28) {
    const month = new Date(Date.now() - d * 86_400_000).toISOString().slice(0, 7);
    for (const t of PARTITIONED) await createMonth(q as unknown as Kysely<unknown>, t, month);
  }
  await sqlRows(
    q,
    `insert into screening_requests select id || '-' || k, agency, user_id, crossing_point_id, purpose,
       ${shift("created_at")}, input, depersonalised_at from screening_requests ${series}`,
  );
  await sqlRows(
    q,
    `insert into screening_results select request_id || '-' || k, person_index, decision, matches,
       ${shift("created_at")} from screening_results ${series}`,
  );
  await sqlRows(
    q,
    `insert into crossings select id || '-' || k, agency, user_id, screening_id || '-' || k, crossing_point_id,
       direction, decision, data, ${shift("created_at")}, depersonalised_at from crossings ${series}`,
  );
  const cols = await sqlRows(
    q,
    `select string_agg(column_name, ', ' order by ordinal_position) as c from information_schema.columns
       where table_name = 'screened_travellers' and column_name not in ('screening_id', 'source_id', 'identity_key', 'created_at')`,
  );
  const rest = String(cols.rows[0]!.c);
  await sqlRows(
    q,
    `insert into screened_travellers (screening_id, source_id, identity_key, created_at, ${rest})
       select screening_id || '-' || k, source_id || '-' || k, identity_key, ${shift("created_at")}, ${rest}
       from screened_travellers ${series}`,
  );
  for (const t of PARTITIONED) await sqlRows(q, `analyze ${t}`);
}

/** A long literal array (the 50 identity keys) would fill a screen: its first element and the count. */
function shorten(line: string): string {
  return line.replace(
    /'\{([^,}]+),([^}]*)\}'::text\[\]/g,
    (_, first: string, rest: string) => `'{${first.slice(0, 12)}…, ${rest.split(",").length} more}'::text[]`,
  );
}

interface Captured {
  label: string;
  query: CompiledQuery;
}

/** Runs the code's own queries on a Kysely that records them, then explains each. */
async function explainRealQueries(url: string, agency: string): Promise<string> {
  const captured: Captured[] = [];
  let label = "";
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (e) => {
      if (e.level === "query") captured.push({ label, query: e.query });
    },
  });
  const db: Db = { kysely, dialect: "postgres", describe: "scaling", close: () => kysely.destroy() };
  const now = new Date();
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
  label = "setup";
  const keys = (
    await kysely
      .selectFrom("screened_travellers")
      .select("identity_key")
      .where("agency", "=", agency)
      .limit(50)
      .execute()
  ).map((r) => r.identity_key);
  const steps: [string, () => Promise<unknown>][] = [
    [
      "retention: screenings past the no-hit cutoff (one batch)",
      () =>
        expiredScreenings(
          kysely,
          {
            noHit: daysAgo(30),
            alertClosed: daysAgo(5 * 365),
            protectionClosed: daysAgo(10 * 365),
            audit: daysAgo(11 * 365),
          },
          undefined,
          500,
        ),
    ],
    [
      "rule guard: trips of 50 travellers in the last 90 days",
      () => tripCounts(kysely, agency, keys, daysAgo(90)),
    ],
    [
      "rule guard: the agency's recent population",
      () => recentTravellers(kysely, agency, daysAgo(90), 10_000),
    ],
    [
      "rule guard: the population's cells in the last 90 days",
      () => hitCells(kysely, agency, "no-such-rule", daysAgo(90)),
    ],
    [
      "overview: the last 14 days per day and crossing point",
      () =>
        createStatsService(db).overview(
          { userId: "u", username: "measure", roles: ["analyst"], agency } as never,
          { days: 14 },
        ),
    ],
    ["audit trail: one agency's latest page", () => queryAudit(db, { agency, limit: 100 })],
    [
      "audit trail: one day's entries",
      () => queryAudit(db, { from: daysAgo(1), to: now.toISOString(), limit: 100 }),
    ],
    ["audit verification: walking the chains", () => verifyAuditChain(db, { pageSize: 5000 })],
  ];
  for (const [name, run] of steps) {
    label = name;
    await run();
  }
  const seen = new Set<string>();
  let out = "";
  for (const c of captured) {
    const key = `${c.label}\u0000${c.query.sql}`;
    if (c.label === "setup" || seen.has(key) || !/^\s*(select|with)/i.test(c.query.sql)) continue;
    seen.add(key);
    const plan = await pool.query(
      `explain (analyze, costs off, timing off, summary off) ${c.query.sql}`,
      c.query.parameters as unknown[],
    );
    out += `### ${c.label}\n\n\`\`\`sql\n${c.query.sql}\n\`\`\`\n\n\`\`\`\n${plan.rows
      .map((r: Record<string, string>) => shorten(r["QUERY PLAN"]!))
      .join("\n")}\n\`\`\`\n\n`;
  }
  await kysely.destroy();
  return out;
}

const scratch = await createScratchDatabase(args.admin, `limes_scaling_${process.pid}`);
const url = scratch.url;
const dir = mkdtempSync(join(tmpdir(), "limes-scaling-"));
let centre: Centre | undefined;
try {
  const db = await openDatabase(url);
  centre = await startCentre(url, dir);
  // After the start, which seeds the sample lists: only the crossings' own rows are counted.
  const empty = await sizes(db.kysely);
  const load = loadavg()[0]!;
  const run = await recordCrossings(centre);
  await centre.stop();
  const full = await sizes(db.kysely);
  const perCrossing = Object.fromEntries(
    Object.entries(full).map(([t, n]) => [t, Math.round((n - (empty[t] ?? 0)) / N)]),
  );
  console.log(
    `recorded ${N} crossings (${run.refers} referred) in ${run.seconds.toFixed(1)} s: ${(N / run.seconds).toFixed(0)}/s ` +
      `at 8 connections, load average ${load.toFixed(1)} at the start`,
  );
  console.log(`bytes per crossing: ${JSON.stringify(perCrossing)}`);
  await spreadOverMonths(db.kysely);
  const counts = await sqlRows(
    db.kysely,
    "select tableoid::regclass::text as part, count(*)::int as n from crossings group by 1 order by 1",
  );
  console.log(`crossings per partition: ${counts.rows.map((r) => `${r.part} ${r.n}`).join(", ")}`);
  await db.close();
  const plans = await explainRealQueries(url, "measure");
  writeFileSync(
    args.out,
    `# Query plans on the partitioned tables\n\nGenerated by \`npx tsx tools/scaling.ts\` on ${new Date().toISOString().slice(0, 10)}: ` +
      `${N} crossings recorded through the API, copied ${COPIES} times back in time (3 days apart), ` +
      `so that crossings hold ${N * (COPIES + 1)} rows over ${counts.rows.length} partitions ` +
      `(${counts.rows.map((r) => `${r.part}: ${r.n}`).join(", ")}). ` +
      "Each query is the SQL the code issues, captured from Kysely's query log, under " +
      "`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF)`.\n\n" +
      plans,
  );
  console.log(`query plans written to ${args.out}`);
} finally {
  await centre?.stop();
  await scratch.drop();
}
