// Durability: kill -9 the server in the middle of a burst of screenings. After a restart, every
// screening that was acknowledged with 2xx is in the database with its audit entry, and the audit
// chain verifies. Runs the real server (`src/main.ts`) on an embedded SQLite database.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/audit/index.js";
import { openDatabase } from "../../src/db/index.js";
import { REPO_ROOT } from "../support/paths.js";

const dbUrl = `sqlite:${join(mkdtempSync(join(tmpdir(), "limes-crash-")), "limes.db")}`;
const port = 18_500 + Math.floor(Math.random() * 1000);
const base = `http://127.0.0.1:${port}`;
const children: ChildProcess[] = [];

function startServer(): Promise<{ child: ChildProcess; password?: string }> {
  return new Promise((resolve, reject) => {
    // tsx as a loader in this one process: its CLI would run the server in a child of its own, and
    // SIGKILL would then hit only the wrapper while the server went on serving.
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: REPO_ROOT,
      env: { ...process.env, LIMES_DB: dbUrl, PORT: String(port), LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let out = "";
    let password: string | undefined;
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      password ??= /One-time password: (\S+)/.exec(out)?.[1];
    });
    child.on("exit", (code) => reject(new Error(`server exited early (${code}): ${out}`)));
    const poll = async () => {
      try {
        if ((await fetch(`${base}/ready`)).ok) return resolve({ child, ...(password ? { password } : {}) });
      } catch {
        // not listening yet
      }
      setTimeout(poll, 200);
    };
    poll();
  });
}

afterAll(() => {
  for (const c of children) c.kill("SIGKILL");
});

/** Signs in and replaces the one-time password (the demo admin's, an admin-created user's) as users must. */
async function signIn(username: string, password: string): Promise<string> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  const { token } = (await login.json()) as { token: string };
  const changed = await fetch(`${base}/api/v1/auth/password`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ currentPassword: password, newPassword: `${password} of my own` }),
  });
  if (changed.status !== 204) throw new Error(`password change of ${username}: ${changed.status}`);
  return token;
}

describe("kill -9 during a burst of screenings", () => {
  it("loses no acknowledged screening and leaves a verifiable audit chain", async () => {
    const { child, password } = await startServer();
    const adminToken = await signIn("admin", password!);
    await fetch(`${base}/api/v1/users`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({
        username: "booth.1",
        password: "booth password 123",
        roles: ["first_line"],
        agency: "demo",
      }),
    });
    const token = await signIn("booth.1", "booth password 123");

    const acknowledged: string[] = [];
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop && i < 400; i++) {
        try {
          const r = await fetch(`${base}/api/v1/screenings`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
            body: JSON.stringify({
              person: { name: `Traveller ${w}-${i}`, birthDate: "1980" },
              purpose: "entry check",
            }),
          });
          if (r.status === 201) acknowledged.push(((await r.json()) as { id: string }).id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const burst = Promise.all([0, 1, 2, 3].map(worker));
    await new Promise((r) => setTimeout(r, 1500));
    const exited = new Promise<NodeJS.Signals | null>((r) =>
      child.once("exit", (_code, signal) => r(signal)),
    );
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    stop = true;
    await burst;
    expect(acknowledged.length).toBeGreaterThan(10);
    // The server is really gone, not a wrapper around it.
    await expect(fetch(`${base}/health`)).rejects.toThrow();

    const db = await openDatabase(dbUrl);
    try {
      const stored = await db.kysely
        .selectFrom("screening_requests")
        .select("id")
        .where("id", "in", acknowledged)
        .execute();
      expect(stored.length).toBe(acknowledged.length);
      const audited = await db.kysely
        .selectFrom("audit_log")
        .select("object_id")
        .where("action", "=", "screening.create")
        .where("object_id", "in", acknowledged)
        .execute();
      expect(audited.length).toBe(acknowledged.length);
      expect((await verifyAuditChain(db)).ok).toBe(true);
    } finally {
      await db.close();
    }
    // And the server starts again on the same database.
    const again = await startServer();
    expect((await fetch(`${base}/health`)).ok).toBe(true);
    again.child.kill("SIGKILL");
  }, 120_000);
});
