// Login flood: can an anonymous flood of logins slow the booths? The real server (embedded SQLite) takes
// POST /api/v1/crossings with raw passport MRZs from 8 connections, 90% of travellers clear and 10% on the
// UN list (refer), first alone, then beside a flood of 100 wrong logins per second from one address. The
// login's own rate limit refuses the flood before any database or password work, so the crossing rate
// should keep at least 80% of itself.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { td3 } from "../test/e2e/support/mrz.js";
import { post, signIn, startServer } from "./http-load.js";
import { note } from "./progress.js";
import { type Cell, check, rate, renderTable } from "./table.js";

export const FLOOD_TARGET_RATIO = 0.8;

export interface LoginFloodResult {
  durationS: number;
  connections: number;
  /** Of the distinct bodies sent, how many the server answered refer (checked before the load). */
  referShare: number;
  /** The mean of the two runs alone (before and after the flooded one). */
  alone: { requestsPerS: number; p99Ms: number; non2xx: number };
  aloneRuns: [number, number];
  flooded: { requestsPerS: number; p99Ms: number; non2xx: number };
  flood: { targetPerS: number; sent: number; refused429: number; other: number };
  ratio: number;
}

const SYLLABLES = ["KA", "LO", "MI", "NE", "RU", "SA", "TI", "VO", "DE", "BRA", "ZU", "PE"];

/**
 * Stops the server and waits for it: SIGTERM, which tsx passes on to the server process it started (a
 * SIGKILL would kill tsx alone and leave the server running); SIGKILL after 10 s.
 */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A fictional clear traveller: syllable names that match no list entry. */
export function clearMrz(i: number): string {
  const syl = (n: number, len: number) =>
    Array.from(
      { length: len },
      (_, k) => SYLLABLES[Math.floor(n / SYLLABLES.length ** k) % SYLLABLES.length],
    ).join("");
  return td3({
    issuer: "AUT",
    surname: `${syl(i, 3)}VIC`,
    givenNames: syl(i * 7 + 3, 2),
    number: `X${String(1_000_000 + i).padStart(8, "0")}`,
    nationality: "AUT",
    birth: `${String(60 + (i % 35)).padStart(2, "0")}0${1 + (i % 9)}1${i % 10}`,
    sex: i % 2 ? "F" : "M",
    expiry: "310101",
  });
}

// Gaston IYAMUREMYE is on the UN list (DRC regime, CDi.003), born 1948, Rwandan.
export const listedMrz = (i: number) =>
  td3({
    issuer: "RWA",
    surname: "IYAMUREMYE",
    givenNames: "GASTON",
    number: `PA${String(1_000_000 + i)}`,
    nationality: "RWA",
    birth: "480315",
    sex: "M",
    expiry: "300101",
  });

/** 100 bodies: every tenth a listed traveller. */
const bodies = () =>
  Array.from({ length: 100 }, (_, i) =>
    JSON.stringify({ mrz: i % 10 === 9 ? listedMrz(i) : clearMrz(i), purpose: "entry check" }),
  );

/** 100 wrong logins per second from this one address, counting how they are answered. */
function floodLogins(
  base: string,
  durationS: number,
): Promise<{ result: autocannon.Result; statuses: { "429": number; other: number } }> {
  return new Promise((resolve, reject) => {
    const statuses = { "429": 0, other: 0 };
    const instance = autocannon(
      {
        url: `${base}/api/v1/auth/login`,
        // Enough connections that the offered rate holds even while the server is slow to answer.
        connections: 200,
        overallRate: 100,
        duration: durationS,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "admin", password: "not the password at all" }),
      },
      (err, result) => (err ? reject(err) : resolve({ result, statuses })),
    );
    instance.on("response", (_client, statusCode) => {
      if (statusCode === 429) statuses["429"]++;
      else statuses.other++;
    });
  });
}

export async function runLoginFlood(durationS: number): Promise<LoginFloodResult> {
  const dir = mkdtempSync(join(tmpdir(), "limes-bench-flood-"));
  const port = 20_000 + Math.floor(Math.random() * 1000);
  const base = `http://127.0.0.1:${port}`;
  note("login flood: starting the server on a fresh SQLite database");
  const { child, password } = await startServer(dir, port);
  try {
    const admin = await signIn(base, "admin", password);
    await post(
      `${base}/api/v1/users`,
      { username: "flood.booth", password: "flood bench booth 1", roles: ["first_line"], agency: "demo" },
      admin,
    );
    const token = await signIn(base, "flood.booth", "flood bench booth 1");
    const all = bodies();
    let refers = 0;
    for (const body of all) {
      const r = await fetch(`${base}/api/v1/crossings`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body,
      });
      if (r.status !== 201)
        throw new Error(`crossing POST answered ${r.status}: ${(await r.text()).slice(0, 300)}`);
      if (((await r.json()) as { result: { decision: string } }).result.decision === "refer") refers++;
    }
    let next = 0;
    const crossings = () =>
      autocannon({
        url: `${base}/api/v1/crossings`,
        connections: 8,
        duration: durationS,
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
            setupRequest: (req) => ({ ...req, body: all[next++ % all.length] }),
          },
        ],
      });
    // Alone, flooded, alone again: the flooded run is compared with the mean of the runs around it, so a
    // drift of the machine (other work on shared cores, a growing database) does not pass for the flood.
    note(`login flood: ${durationS} s of crossings alone`);
    const before = await crossings();
    note(`login flood: ${durationS} s of crossings beside 100 logins/s from one address`);
    const [flooded, { result: floodResult, statuses }] = await Promise.all([
      crossings(),
      floodLogins(base, durationS),
    ]);
    note(`login flood: ${durationS} s of crossings alone again`);
    const after = await crossings();
    const aloneRate = (before.requests.average + after.requests.average) / 2;
    const summary = (r: autocannon.Result) => ({
      requestsPerS: r.requests.average,
      p99Ms: r.latency.p99,
      non2xx: r.non2xx,
    });
    return {
      durationS,
      connections: 8,
      referShare: refers / all.length,
      alone: { ...summary(before), requestsPerS: aloneRate, non2xx: before.non2xx + after.non2xx },
      aloneRuns: [before.requests.average, after.requests.average],
      flooded: summary(flooded),
      flood: {
        targetPerS: 100,
        sent: floodResult.requests.total,
        refused429: statuses["429"],
        other: statuses.other,
      },
      ratio: flooded.requests.average / aloneRate,
    };
  } finally {
    await stopServer(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function loginFloodReport(r: LoginFloodResult): string {
  const rows: Cell[][] = [
    [
      `crossings alone (mean of ${r.aloneRuns.map((x) => rate(x)).join(" before, ")} after)`,
      rate(r.alone.requestsPerS),
      `${r.alone.p99Ms} ms`,
      String(r.alone.non2xx),
    ],
    [
      "crossings + login flood",
      rate(r.flooded.requestsPerS),
      `${r.flooded.p99Ms} ms`,
      String(r.flooded.non2xx),
    ],
  ];
  return [
    renderTable(
      `6. Login flood: POST /api/v1/crossings (raw TD3 MRZ, ${Math.round(r.referShare * 100)}% refer), SQLite, ${r.connections} connections, ${r.durationS} s each, with and without ${r.flood.targetPerS} wrong logins/s from one address`,
      ["load", "requests/s", "p99", "non-2xx"],
      rows,
    ),
    `flood: ${r.flood.sent} login requests, ${r.flood.refused429} refused with 429, ${r.flood.other} otherwise answered`,
    `with the flood the crossings keep ${(r.ratio * 100).toFixed(1)}% of their rate (target ≥ ${FLOOD_TARGET_RATIO * 100}%)${check(r.ratio >= FLOOD_TARGET_RATIO)}`,
    "",
  ].join("\n");
}
