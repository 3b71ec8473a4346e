// Cargo manifest bench (issue 17): a 2,000-consignment CUSCAR through the API — parse, validate, screen
// every party (organisation matcher over the UN and OFAC sample lists) and the vessel, goods rules,
// persist consignments and alerts, audit — timed per request. Target: p50 ≤ 1 s.
// The app is the real one (buildApp over composeServices, embedded SQLite in a temporary file), driven by
// Fastify's inject: everything but the socket. The manifest is generated here, deterministic, fictional.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { containerCheckDigit } from "../src/cargo/index.js";
import { migrate, openDatabase } from "../src/db/index.js";
import { loadSampleWatchlists } from "../src/watchlists/index.js";
import { startTestApi } from "../test/http/harness.js";
import { note } from "./progress.js";

export const CARGO_TARGET_P50_MS = 1000;

const WORDS = [
  "Adriatic",
  "Danube",
  "Balkan",
  "Ionian",
  "Aegean",
  "Pannonian",
  "Dinaric",
  "Sava",
  "Drina",
  "Morava",
];
const KINDS = [
  "Trading",
  "Logistics",
  "Textiles",
  "Furniture",
  "Foods",
  "Steel",
  "Marble",
  "Timber",
  "Wine",
  "Hardware",
];
const FORMS = ["d.o.o.", "SA", "GmbH", "Ltd", "Kft", "DOOEL", "Shpk", "S.r.l.", "AE", "a.d."];
const GOODS = [
  ["610910", "Cotton T-shirts knitted"],
  ["940161", "Upholstered wooden chairs"],
  ["440710", "Coniferous sawn timber"],
  ["730630", "Welded steel tubes"],
  ["220421", "Red wine in bottles"],
  ["930200", "Pistols"],
] as const;

const company = (i: number) =>
  `${WORDS[i % 10]} ${KINDS[Math.floor(i / 10) % 10]} ${FORMS[Math.floor(i / 100) % 10]} ${Math.floor(i / 1000) + 1}`;

function container(i: number): string {
  const ten = `${i % 2 ? "MSK" : "CSQ"}U${String(100000 + i).padStart(6, "0")}`;
  return `${ten}${containerCheckDigit(ten)}`;
}

/** A CUSCAR D.95B with `n` consignments; every 50th declares pistols, so a few alerts are opened. */
export function generateCuscar(n: number): string {
  const seg = [
    "UNH+1+CUSCAR:D:95B:UN'",
    "BGM+85+BENCH-1+9'",
    "TDT+20+V-1+1+13+ADRL:172:20:ADRIATIC LINES+++9074729:146:11:ADRIATIC TRADER:MT'",
  ];
  for (let i = 0; i < n; i++) {
    const [hs, desc] = GOODS[i % 50 === 0 ? 5 : i % 5]!;
    seg.push(
      `CNI+${i + 1}+BL${i}'`,
      "LOC+9+GRPIR:139:6'",
      "LOC+11+MEBAR:139:6'",
      `NAD+CZ+++${company(i)}+++++GR'`,
      `NAD+CN+++${company(i * 7 + 3)}+++++ME'`,
      `GID+1+${1 + (i % 40)}:CT'`,
      `PIA+5+${hs}:HS'`,
      `FTX+AAA+++${desc}'`,
      `MEA+AAE+G+KGM:${1000 + i}'`,
      `EQD+CN+${container(i)}+22G1:102:5'`,
    );
  }
  seg.push(`UNT+${seg.length + 1}+1'`);
  return `UNB+UNOC:3+ADRL+HRCUSTOMS+261130:0800+1'${seg.join("")}UNZ+1+1'`;
}

export interface CargoBenchResult {
  consignments: number;
  bytes: number;
  runs: number;
  msP50: number;
  msMax: number;
  msMin: number;
  refer: number;
  loadAverage: string;
}

export async function runCargoBench(runs: number, consignments = 2000): Promise<CargoBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), "limes-cargo-bench-"));
  try {
    const db = await openDatabase(`sqlite:${join(dir, "bench.db")}`);
    await migrate(db);
    const api = await startTestApi(db);
    note("cargo: indexing the UN and OFAC sample lists");
    api.services.cargo.swap((await loadSampleWatchlists()).flatMap((l) => l.entities));
    await api.addUser("officer", ["second_line"]);
    const body = generateCuscar(consignments);
    const send = () =>
      api.call("officer", "POST", "/api/v1/cargo/manifests?purpose=bench", body, {
        "content-type": "text/plain",
      });
    const warm = await send(); // builds the lazy indexes; not timed
    if (warm.statusCode !== 201)
      throw new Error(`cargo bench: ${warm.statusCode} ${warm.body.slice(0, 200)}`);
    const times: number[] = [];
    let refer = 0;
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const res = await send();
      times.push(performance.now() - t);
      if (res.statusCode !== 201) throw new Error(`cargo bench: ${res.statusCode} ${res.body.slice(0, 200)}`);
      refer = res.json().counts.refer;
    }
    await api.app.close();
    await db.close();
    times.sort((a, b) => a - b);
    return {
      consignments,
      bytes: Buffer.byteLength(body),
      runs,
      msP50: times[Math.floor((times.length - 1) / 2)]!,
      msMin: times[0]!,
      msMax: times.at(-1)!,
      refer,
      loadAverage: readFileSync("/proc/loadavg", "utf8").trim(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function cargoReport(r: CargoBenchResult): string {
  const ok = r.msP50 <= CARGO_TARGET_P50_MS ? "meets" : "misses";
  return [
    "7. Cargo manifest through the API",
    `   ${r.consignments} consignments (${(r.bytes / 1024).toFixed(0)} KiB CUSCAR), ${r.runs} runs after one warm-up: p50 ${r.msP50.toFixed(0)} ms (min ${r.msMin.toFixed(0)}, max ${r.msMax.toFixed(0)}); ${ok} the target p50 ≤ ${CARGO_TARGET_P50_MS} ms`,
    `   ${r.refer} consignments referred per run; load average at the end: ${r.loadAverage}`,
    "",
  ].join("\n");
}
