// Real processes for the multi-process tests of issue 18: NATS servers started from the same
// configuration files as compose.yaml (deploy/nats/*.conf), and Limes servers (`src/main.ts`) started
// with the environment a deployment gives them. Every process is killed at the end of the test file.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "./paths.js";

export const NATS_SERVER = process.env.LIMES_NATS_SERVER ?? "/usr/sbin/nats-server";
const children = new Set<ChildProcess>();

export function killAll(): void {
  for (const c of children) c.kill("SIGKILL");
  children.clear();
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = new Socket();
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
    s.connect(port, "127.0.0.1");
  });

export interface Proc {
  child: ChildProcess;
  /** SIGKILL, resolved when the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM, resolved when the process is gone. */
  stop(): Promise<void>;
  output(): string;
}

function track(child: ChildProcess): Proc {
  children.add(child);
  let out = "";
  const collect = (d: Buffer) => {
    out += d.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const gone = new Promise<void>((r) =>
    child.once("exit", () => {
      children.delete(child);
      r();
    }),
  );
  const signal = (sig: NodeJS.Signals) => {
    child.kill(sig);
    return gone;
  };
  return { child, kill9: () => signal("SIGKILL"), stop: () => signal("SIGTERM"), output: () => out };
}

async function until(what: string, ok: () => Promise<boolean>, proc: Proc, ms = 60_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (proc.child.exitCode !== null) throw new Error(`${what} exited: ${proc.output()}`);
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} not ready after ${ms} ms: ${proc.output()}`);
}

export interface NatsProc extends Proc {
  port: number;
  url: string;
}

/** A nats-server from deploy/nats/<conf>.conf, its variables from `env`, on the port given or a free one. */
export async function startNats(conf: "centre" | "post-leaf", env: Record<string, string>, port?: number) {
  const p = port ?? (await freePort());
  const child = spawn(NATS_SERVER, ["-c", join(REPO_ROOT, "deploy", "nats", `${conf}.conf`)], {
    env: { ...process.env, NATS_NAME: `${conf}-${p}`, NATS_PORT: String(p), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const proc = track(child);
  await until(`nats-server ${conf}`, () => listening(p), proc);
  return { ...proc, port: p, url: `nats://127.0.0.1:${p}` } satisfies NatsProc;
}

/** The centre's JetStream server with its own store and leaf-node port. */
export async function startCentreNats(leafPort?: number, port?: number) {
  const leaf = leafPort ?? (await freePort());
  const store = mkdtempSync(join(tmpdir(), "limes-nats-"));
  const nats = await startNats("centre", { NATS_STORE: store, NATS_LEAF_PORT: String(leaf) }, port);
  return { ...nats, leafPort: leaf };
}

export interface LimesProc extends Proc {
  url: string;
}

/**
 * `src/main.ts` in its own process (tsx as a loader, so SIGKILL hits the server itself); `nodeArgs` go to
 * node before the loader (a CPU profile, a heap limit).
 */
export async function startLimes(env: Record<string, string>, nodeArgs: string[] = []): Promise<LimesProc> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "src/main.ts"], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      LOG_LEVEL: "warn",
      LIMES_DEMO_USERS: "0",
      LIMES_RETENTION_INTERVAL_MINUTES: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const proc = track(child);
  const url = `http://127.0.0.1:${port}`;
  await until(
    "limes",
    async () => (await fetch(`${url}/ready`).catch(() => undefined))?.ok === true,
    proc,
    120_000,
  );
  return { ...proc, url };
}

export async function login(base: string, username: string, password: string): Promise<string> {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!r.ok) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { token: string }).token;
}

/** Polls until `ok` holds; the last value otherwise, for the assertion to show. */
export async function waitFor<T>(get: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const end = Date.now() + ms;
  let v = await get();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 200));
    v = await get();
  }
  return v;
}
