// HTTP load: the real server (`src/main.ts`, embedded SQLite) under autocannon, POST /api/v1/screenings
// with single-person bodies, next to the same persons screened in-process, so that the cost of HTTP,
// authentication, persistence and audit is visible.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { createScreener, type ScreeningQuery } from "../src/screening/index.js";
import { alpha3, countryCode } from "../src/shared/countries.js";
import { loadSampleWatchlists } from "../src/watchlists/index.js";
import { REPO_ROOT } from "../test/support/paths.js";
import { TARGETS } from "./plan.js";
import { note } from "./progress.js";
import { type Cell, check, ms, rate, renderTable } from "./table.js";

/**
 * A PAXLST passenger list of `persons` built from the benchmark's person rows: the shape airlines send
 * (UNA, BGM 745, one flight leg, NAD/ATT/DTM/NAT/DOC per passenger, CNT).
 */
export function syntheticPaxlst(persons: readonly ScreeningQuery[]): string {
  const clean = (s: string) =>
    s
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toUpperCase()
      .replace(/[^A-Z ]/g, "")
      .trim();
  const segs = [
    "UNA:+.? '",
    "UNB+UNOA:4+BENCH+LIMES+261128:1200+1'",
    "UNH+1+PAXLST:D:05B:UN:IATA'",
    "BGM+745'",
    "TDT+20+LB300+++LB'",
    "LOC+125+BEG'",
    "DTM+189:2611281200:201'",
    "LOC+87+VIE'",
    "DTM+232:2611281400:201'",
  ];
  persons.forEach((p, i) => {
    const [first = "X", ...rest] = clean(p.name ?? "X").split(/\s+/);
    const surname = rest.length ? rest.join(" ") : first;
    segs.push(
      `NAD+FL+++${surname}:${rest.length ? first : ""}'`,
      `ATT+2++${p.gender === "female" ? "F" : "M"}'`,
    );
    const dob = /^\d{4}-\d{2}-\d{2}$/.test(p.birthDate ?? "")
      ? p.birthDate!.slice(2).replaceAll("-", "")
      : undefined;
    if (dob) segs.push(`DTM+329:${dob}'`);
    const nat = alpha3(countryCode(p.nationalities?.[0] ?? "") ?? "") ?? "AUT";
    segs.push(`NAT+2+${nat}'`, `DOC+P:110:111+BX${String(100000 + i)}'`, "DTM+36:301231'", `LOC+91+${nat}'`);
  });
  segs.push(`CNT+42:${persons.length}'`, `UNT+${segs.length - 1}+1'`, "UNZ+1+1'");
  return segs.join("\n");
}

export interface ManifestTiming {
  passengers: number;
  runs: number;
  p50Ms: number;
  p99Ms: number;
}

export interface HttpLoadResult {
  persons: number;
  durationS: number;
  single: { requestsPerS: number; p50Ms: number; p99Ms: number; non2xx: number };
  concurrent: { connections: number; requestsPerS: number; p99Ms: number; non2xx: number };
  inProcess: { p50Ms: number; p99Ms: number };
  overheadP99Ms: number;
  manifest: ManifestTiming;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

export async function startServer(
  dbDir: string,
  port: number,
): Promise<{ child: ChildProcess; password: string }> {
  // tsx as a loader in the server's own process, not its CLI: the CLI runs the server as a child that
  // survived the kill at the end of the run.
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      LIMES_DB: `sqlite:${join(dbDir, "limes.db")}`,
      PORT: String(port),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => {
    out += d.toString();
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const password = /One-time password: (\S+)/.exec(out)?.[1];
  if (!password) throw new Error("server did not print the demo admin password");
  return { child, password };
}

export async function post(url: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const r = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await r.json()) as Record<string, unknown>;
}

/**
 * Signs in, and when the password is a one-time one (the demo admin, users an admin creates), changes it
 * first, as a user must: returns a token that may do everything the user's roles allow.
 */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const first = await post(`${base}/api/v1/auth/login`, { username, password });
  const user = first.user as { restricted?: string } | undefined;
  if (user?.restricted !== "password_change") return first.token as string;
  const changed = await fetch(`${base}/api/v1/auth/password`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${first.token as string}` },
    body: JSON.stringify({ currentPassword: password, newPassword: `${password} changed for the bench` }),
  });
  if (changed.status !== 204) throw new Error(`password change of ${username}: ${changed.status}`);
  return first.token as string;
}

export async function runHttpLoad(persons: ScreeningQuery[], durationS: number): Promise<HttpLoadResult> {
  const dir = mkdtempSync(join(tmpdir(), "limes-bench-http-"));
  const port = 19_000 + Math.floor(Math.random() * 1000);
  const base = `http://127.0.0.1:${port}`;
  note("http: starting the server on a fresh SQLite database");
  const { child, password } = await startServer(dir, port);
  try {
    const admin = await signIn(base, "admin", password);
    await post(
      `${base}/api/v1/users`,
      { username: "bench.booth", password: "bench password 1", roles: ["first_line"], agency: "demo" },
      admin,
    );
    const token = await signIn(base, "bench.booth", "bench password 1");
    const bodies = persons.map((person) => JSON.stringify({ person, purpose: "entry check" }));
    let next = 0;
    const run = (connections: number) =>
      autocannon({
        url: `${base}/api/v1/screenings`,
        connections,
        duration: durationS,
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
            setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
          },
        ],
      });
    note(`http: ${durationS} s with 1 connection`);
    const single = await run(1);
    note(`http: ${durationS} s with 8 connections`);
    const concurrent = await run(8);

    note("http: 300-passenger PAXLST manifests, end to end");
    const manifestTimes: number[] = [];
    const runs = durationS >= 10 ? 40 : 10;
    // API data is in Latin capitals (airlines transliterate as in the MRZ): persons with a name in
    // another script are left out of the synthetic flights.
    const latin = persons.filter((p) => /^[\p{Script=Latin}\s'.-]+$/u.test(p.name ?? ""));
    for (let r = 0; r < runs; r++) {
      const slice = latin.slice((r * 300) % Math.max(1, latin.length - 300)).slice(0, 300);
      const edi = syntheticPaxlst(slice);
      const t = performance.now();
      const res = await fetch(`${base}/api/v1/manifests?purpose=API%20check`, {
        method: "POST",
        headers: { "content-type": "text/plain", authorization: `Bearer ${token}` },
        body: edi,
      });
      if (res.status === 201) await res.arrayBuffer();
      if (res.status !== 201)
        throw new Error(`manifest POST answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      manifestTimes.push(performance.now() - t);
    }
    manifestTimes.sort((a, b) => a - b);
    const manifest = {
      passengers: 300,
      runs,
      p50Ms: percentile(manifestTimes, 0.5),
      p99Ms: percentile(manifestTimes, 0.99),
    };

    note("http: the same persons in-process");
    const entities = (await loadSampleWatchlists()).flatMap((l) => l.entities);
    const screener = createScreener(entities);
    for (const p of persons.slice(0, 500)) screener.screen(p);
    const times: number[] = [];
    for (const p of persons) {
      const t = performance.now();
      screener.screen(p);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const inProcess = { p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99) };
    return {
      persons: persons.length,
      durationS,
      single: {
        requestsPerS: single.requests.average,
        p50Ms: single.latency.p50,
        p99Ms: single.latency.p99,
        non2xx: single.non2xx,
      },
      concurrent: {
        connections: 8,
        requestsPerS: concurrent.requests.average,
        p99Ms: concurrent.latency.p99,
        non2xx: concurrent.non2xx,
      },
      inProcess,
      overheadP99Ms: single.latency.p99 - inProcess.p99Ms,
      manifest,
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

export function httpReport(r: HttpLoadResult): string {
  const rows: Cell[][] = [
    ["in-process screen (same persons)", undefined, ms(r.inProcess.p50Ms), ms(r.inProcess.p99Ms), undefined],
    [
      "HTTP, 1 connection",
      rate(r.single.requestsPerS),
      ms(r.single.p50Ms),
      ms(r.single.p99Ms),
      String(r.single.non2xx),
    ],
    [
      `HTTP, ${r.concurrent.connections} connections`,
      rate(r.concurrent.requestsPerS),
      undefined,
      ms(r.concurrent.p99Ms),
      String(r.concurrent.non2xx),
    ],
  ];
  return [
    renderTable(
      `5. HTTP load: POST /api/v1/screenings, one person per request, authenticated, persisted and audited on SQLite (autocannon, ${r.durationS} s each, ${r.persons} distinct persons)`,
      ["path", "requests/s", "p50", "p99", "non-2xx"],
      rows,
    ),
    `HTTP + auth + persistence + audit add ${ms(r.overheadP99Ms)} at p99 (target ≤ ${ms(TARGETS.httpOverheadP99Ms)})${check(r.overheadP99Ms <= TARGETS.httpOverheadP99Ms)}`,
    `300-passenger PAXLST via POST /api/v1/manifests (parse, screen, SLTD check, persist, audit), ${r.manifest.runs} runs: ` +
      `p50 ${ms(r.manifest.p50Ms)} (target ≤ 200 ms)${check(r.manifest.p50Ms <= 200)}, p99 ${ms(r.manifest.p99Ms)} (target ≤ 500 ms)${check(r.manifest.p99Ms <= 500)}; ` +
      `US GTAS reports 4 to 6.5 passengers/s per thread, Limes ${Math.round((300 / r.manifest.p50Ms) * 1000).toLocaleString("en-US")}/s at p50`,
    "",
  ].join("\n");
}
