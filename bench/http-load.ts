// HTTP load: the real server (`src/main.ts`, embedded SQLite) under autocannon, POST /api/v1/screenings
// with single-person bodies, next to the same persons screened in-process, so that the cost of HTTP,
// authentication, persistence and audit is visible.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { createScreener, type ScreeningQuery } from "../src/screening/index.js";
import { loadSampleWatchlists } from "../src/watchlists/index.js";
import { REPO_ROOT } from "../test/support/paths.js";
import { TARGETS } from "./plan.js";
import { note } from "./progress.js";
import { type Cell, check, ms, rate, renderTable } from "./table.js";

export interface HttpLoadResult {
  persons: number;
  durationS: number;
  single: { requestsPerS: number; p50Ms: number; p99Ms: number; non2xx: number };
  concurrent: { connections: number; requestsPerS: number; p99Ms: number; non2xx: number };
  inProcess: { p50Ms: number; p99Ms: number };
  overheadP99Ms: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

async function startServer(dbDir: string, port: number): Promise<{ child: ChildProcess; password: string }> {
  const child = spawn(
    process.execPath,
    [join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "src/main.ts"],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        LIMES_DB: `sqlite:${join(dbDir, "limes.db")}`,
        PORT: String(port),
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
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

async function post(url: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const r = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await r.json()) as Record<string, unknown>;
}

export async function runHttpLoad(persons: ScreeningQuery[], durationS: number): Promise<HttpLoadResult> {
  const dir = mkdtempSync(join(tmpdir(), "limes-bench-http-"));
  const port = 19_000 + Math.floor(Math.random() * 1000);
  const base = `http://127.0.0.1:${port}`;
  note("http: starting the server on a fresh SQLite database");
  const { child, password } = await startServer(dir, port);
  try {
    const admin = (await post(`${base}/api/v1/auth/login`, { username: "admin", password })).token as string;
    await post(
      `${base}/api/v1/users`,
      { username: "bench.booth", password: "bench password 1", roles: ["first_line"], agency: "demo" },
      admin,
    );
    const token = (
      await post(`${base}/api/v1/auth/login`, { username: "bench.booth", password: "bench password 1" })
    ).token as string;
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
    };
  } finally {
    child.kill("SIGKILL");
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
    "",
  ].join("\n");
}
