// The hot path's own comparisons (issue 18, item 6), in process, without HTTP: crossings recorded through
// the crossing service, 8 at a time, on SQLite and on a fresh PostgreSQL database, each variant in
// alternating rounds within the same run so that a drift of a shared machine hits both alike:
//   group commit on / off (prepared statements on), prepared statements on / off (group commit on).
// Prints crossings per second and this process's CPU time per crossing (the database server's is not
// counted). Run: npx tsx bench/hot-path.ts [crossings per round, default 400] [rounds, default 3]
import { randomBytes } from "node:crypto";
import { createCrossingService } from "../src/crossings/index.js";
import { type Db, migrate, openDatabase } from "../src/db/index.js";
import { composeServices } from "../src/services.js";
import { createSltdIndex } from "../src/travel/index.js";
import { importCsvList, loadLatestEntities, saveWatchlistVersion } from "../src/watchlists/index.js";
import { REPO_ROOT } from "../test/support/paths.js";
import { createScratchDatabase } from "../test/support/pg-admin.js";

const PER_ROUND = Number(process.argv[2] ?? 400);
const ROUNDS = Number(process.argv[3] ?? 3);
const PG_ADMIN = process.env.LIMES_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function open(url: string, prepared: boolean): Promise<Db> {
  process.env.LIMES_PREPARED_STATEMENTS = prepared ? "1" : "0";
  const db = await openDatabase(url);
  await migrate(db);
  return db;
}

async function variant(db: Db, groupCommit: boolean) {
  if ((await loadLatestEntities(db)).length === 0)
    await saveWatchlistVersion(db, await importCsvList(`${REPO_ROOT}/data/samples/national-list.csv`), {
      actor: "system",
    });
  const point = await db.kysely
    .selectFrom("crossing_points")
    .select("id")
    .where("id", "=", "cp-bench")
    .execute();
  if (point.length === 0)
    await db.kysely
      .insertInto("crossing_points")
      .values({
        id: "cp-bench",
        code: "BENCH",
        name: "Bench post",
        kind: "land",
        country: "AT",
        agency: "bench",
        created_at: new Date().toISOString(),
      })
      .execute();
  const sltd = createSltdIndex([]);
  const services = composeServices(db, { entities: await loadLatestEntities(db), sltd });
  const crossings = groupCommit
    ? services.crossings
    : createCrossingService(db, services.screenings, () => sltd, {
        rules: (agency, travellers, trip) => services.rules.run(agency, travellers, trip),
      });
  const username = `bench.${randomBytes(4).toString("hex")}`;
  await services.access.createUser("system", {
    username,
    password: "hot path bench password",
    roles: ["first_line"],
    agency: "bench",
  });
  const { principal } = await services.access.login(username, "hot path bench password", { ip: "127.0.0.1" });
  return { crossings, principal: principal!, stats: () => services.groupCommit.stats() };
}

type Variant = Awaited<ReturnType<typeof variant>>;

async function round(v: Variant, tag: string) {
  let next = 0;
  const cpu = process.cpuUsage();
  const t = performance.now();
  const worker = async () => {
    while (next < PER_ROUND) {
      const i = next++;
      await v.crossings.recordCrossing(v.principal, {
        entry: {
          person: {
            surname: `Hot${tag}${i}`,
            givenNames: "Path",
            birthDate: "1980-01-01",
            nationality: "AT",
          },
          document: { type: "P", number: `HP${tag}${i}`, issuingCountry: "AT" },
          direction: "entry",
          crossingPointId: "cp-bench",
        },
        purpose: "bench of the hot path",
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { perS: (PER_ROUND / ms) * 1000, cpuUs: (used.user + used.system) / PER_ROUND };
}

async function compare(label: string, a: [string, Variant], b: [string, Variant]) {
  const results: Record<string, { perS: number[]; cpuUs: number[] }> = {
    [a[0]]: { perS: [], cpuUs: [] },
    [b[0]]: { perS: [], cpuUs: [] },
  };
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, v] of r % 2 ? [b, a] : [a, b]) {
      const x = await round(v, `${name.replace(/\W/g, "")}${r}`);
      results[name]!.perS.push(x.perS);
      results[name]!.cpuUs.push(x.cpuUs);
    }
  }
  const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;
  const batches = (v: Variant) => {
    const s = v.stats();
    return s.batches
      ? `; batches of ${(s.works / s.batches).toFixed(1)} on average, ${s.largest} at most`
      : "";
  };
  console.log(`${label}: ${a[0]}${batches(a[1])}`);
  for (const [name, r] of Object.entries(results))
    console.log(
      `${label.padEnd(12)} ${name.padEnd(24)} ${median(r.perS).toFixed(0).padStart(6)} crossings/s  ` +
        `${median(r.cpuUs).toFixed(0).padStart(6)} µs CPU each (median of ${ROUNDS}; rounds ${r.perS.map((x) => x.toFixed(0)).join(", ")}/s)`,
    );
}

async function dialect(label: string, url: string) {
  const plain = await open(url, false);
  const prepared = await open(url, true);
  try {
    await compare(
      label,
      ["group commit", await variant(prepared, true)],
      ["one transaction each", await variant(prepared, false)],
    );
    await compare(
      label,
      ["prepared statements", await variant(prepared, true)],
      ["statements unprepared", await variant(plain, true)],
    );
  } finally {
    await plain.close();
    await prepared.close();
  }
}

const started = new Date().toISOString();
console.log(`hot path, ${PER_ROUND} crossings a round, 8 at a time; ${started}`);
const dir = (await import("node:fs")).mkdtempSync(`${(await import("node:os")).tmpdir()}/limes-hot-path-`);
await dialect("sqlite", `sqlite:${dir}/hot.db`);
const scratch = await createScratchDatabase(PG_ADMIN, `limes_bench_${randomBytes(4).toString("hex")}`);
try {
  await dialect("postgres", scratch.url);
} finally {
  await scratch.drop();
}
