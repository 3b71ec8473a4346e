// Checks at the post (issue 17): a firearm serial lookup among 1,000,000 listed serials (exact readings,
// readings with two confusable characters, readings with two unreadable characters), and a vehicle with
// two occupants checked through the use case on SQLite (list search, two crossings screened and recorded,
// the vehicle recorded and audited). Serials are synthetic (a seeded generator); the vehicle list is the
// fictional sample.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Principal } from "../src/access/index.js";
import { migrate, openDatabase } from "../src/db/index.js";
import { createFirearmIndex, type ListedFirearm } from "../src/firearms/index.js";
import { composeServices } from "../src/services.js";
import { createSltdIndex } from "../src/travel/index.js";
import { createStolenVehicleIndex, parseStolenVehicleCsv } from "../src/vehicles/index.js";
import { SAMPLES } from "../test/support/paths.js";
import { prng } from "../test/support/prng.js";
import { percentile } from "./metrics.js";

export interface AtPostResult {
  firearm: { listed: number; buildMs: number; queries: number; found: number; p50Ms: number; p99Ms: number };
  vehicle: { checks: number; occupants: number; p50Ms: number; p99Ms: number };
  targets: { firearmP99Ms: number; vehicleP99Ms: number };
}

const CHARS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
const CONFUSE: Record<string, string> = {
  "0": "O",
  "1": "I",
  "5": "S",
  "8": "B",
  "2": "Z",
  B: "8",
  S: "5",
  Z: "2",
};

function firearmBench(listed: number, queries: number): AtPostResult["firearm"] {
  const rnd = prng(1701);
  const pick = () => CHARS[Math.floor(rnd() * CHARS.length)]!;
  const base: Omit<ListedFirearm, "recordId" | "serial"> = {
    make: "Zastava",
    model: "M70",
    calibre: "7.62x39mm",
    type: "assault rifle",
    status: "stolen",
    reportingCountry: "RS",
    reportedDate: "2026-01-01",
  };
  const records: ListedFirearm[] = Array.from({ length: listed }, (_, i) => ({
    ...base,
    recordId: `S${i}`,
    serial: Array.from({ length: 7 + (i % 4) }, pick).join(""),
  }));
  const t0 = performance.now();
  const index = createFirearmIndex(records);
  const buildMs = performance.now() - t0;
  const times: number[] = [];
  let found = 0;
  for (let q = 0; q < queries; q++) {
    const serial = records[Math.floor(rnd() * listed)]!.serial.split("");
    if (q % 3 === 1) for (const i of [0, 2]) serial[i] = CONFUSE[serial[i]!] ?? serial[i]!;
    if (q % 3 === 2) for (const i of [1, 3]) serial[i] = "?";
    const s = performance.now();
    const hits = index.search({ serial: serial.join(""), make: "Zastava" });
    times.push(performance.now() - s);
    if (hits.length > 0) found++;
  }
  return { listed, buildMs, queries, found, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99) };
}

async function vehicleBench(checks: number): Promise<AtPostResult["vehicle"]> {
  const dir = mkdtempSync(join(tmpdir(), "limes-bench-vehicle-"));
  const db = await openDatabase(`sqlite:${join(dir, "bench.db")}`);
  try {
    await migrate(db);
    const list = parseStolenVehicleCsv(readFileSync(join(SAMPLES, "vehicles/stolen-vehicles.csv"), "utf8"));
    const services = composeServices(db, {
      entities: [],
      sltd: createSltdIndex([]),
      atPost: { stolenVehicles: createStolenVehicleIndex(list) },
    });
    const at = new Date().toISOString();
    await db.kysely
      .insertInto("crossing_points")
      .values({
        id: "cp-bench",
        code: "CP-BENCH",
        name: "bench",
        kind: "land",
        country: "HR",
        agency: "a",
        created_at: at,
      })
      .execute();
    const p: Principal = {
      userId: "bench",
      username: "bench",
      roles: ["first_line"],
      agency: "a",
      tokenId: "t",
    };
    const person = (surname: string) => ({
      entry: { person: { surname, givenNames: "Ana", nationality: "HR" } },
    });
    const times: number[] = [];
    for (let i = 0; i < checks; i++) {
      const s = performance.now();
      await services.vehicles.check(p, {
        plate: { country: "HR", number: `ZG ${1000 + i} AB` },
        direction: "entry",
        crossingPointId: "cp-bench",
        occupants: [person(`Driver${i}`), person(`Passenger${i}`)],
        purpose: "bench",
      });
      times.push(performance.now() - s);
    }
    return { checks, occupants: 2, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99) };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runAtPost(quick: boolean): Promise<AtPostResult> {
  return {
    firearm: firearmBench(quick ? 100_000 : 1_000_000, quick ? 300 : 3_000),
    vehicle: await vehicleBench(quick ? 100 : 500),
    targets: { firearmP99Ms: 5, vehicleP99Ms: 20 },
  };
}

export function atPostReport(r: AtPostResult): string {
  const f = r.firearm;
  const v = r.vehicle;
  return [
    "7. Checks at the post",
    `firearm serial lookup: ${f.listed.toLocaleString("en-US")} listed (built in ${f.buildMs.toFixed(0)} ms), ${f.queries} queries (exact, 2 confusable, 2 unreadable), found ${f.found}: p50 ${f.p50Ms.toFixed(3)} ms, p99 ${f.p99Ms.toFixed(3)} ms (target ≤ ${r.targets.firearmP99Ms} ms)`,
    `vehicle + ${v.occupants} occupants check (SQLite, through the use case): ${v.checks} checks, p50 ${v.p50Ms.toFixed(2)} ms, p99 ${v.p99Ms.toFixed(2)} ms (target ≤ ${r.targets.vehicleP99Ms} ms)`,
    "",
  ].join("\n");
}
