// The server process as `npm start` composes it, on both dialects: on a fresh database it creates the
// demo admin and seeds the watchlists; on the second start it does neither. It listens before the lists
// are indexed, and /ready says when they are.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccessService } from "../../src/access/index.js";
import { generateKeyFiles } from "../../src/audit/index.js";
import { buildApp } from "../../src/http/app.js";
import { startServer } from "../../src/http/server.js";
import { composeServices } from "../../src/services.js";
import { createSltdIndex } from "../../src/travel/index.js";
import { type FreshDatabase, forEachDialect, freshDatabase } from "../support/db.js";
import { NATIONAL_LIST } from "./harness.js";

forEachDialect("npm start", (dialect) => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase(dialect, { migrate: false });
  });
  afterAll(async () => {
    await fresh?.drop();
  });
  // PostgreSQL refuses to start without an audit signing key; the embedded demo makes its own.
  const keys = mkdtempSync(join(tmpdir(), "limes-server-keys-"));
  const checkpointFile = join(keys, "checkpoints.jsonl");
  const audit =
    dialect === "postgres"
      ? { keyFile: generateKeyFiles(keys, "audit").privateKeyFile, checkpointFile }
      : { checkpointFile };
  const start = () =>
    startServer(
      { db: fresh.url, port: 0, host: "127.0.0.1", logLevel: "silent", demoUsers: true, audit },
      { samples: [{ format: "csv", path: NATIONAL_LIST }] },
    );

  it("migrates, creates the demo admin, seeds the lists and indexes them on a fresh database", async () => {
    const server = await start();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      expect(await server.indexed).toMatchObject({ entities: 16, seeded: true });
      expect(await (await fetch(`${server.url}/ready`)).json()).toEqual({ status: "ready", indexed: 16 });
      expect(server.demoAdmin?.username).toBe("admin");
      // One demo officer per working role, two reviewers for four-eyes, all in the demo agency.
      expect(server.demoAdmin?.officers.map((o) => o.roles.join())).toEqual([
        "first_line",
        "second_line",
        "second_line",
        "analyst",
        "auditor",
        "protection_officer",
        "watchlist_manager",
      ]);
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "admin", password: server.demoAdmin?.password }),
      });
      expect(login.status).toBe(200);
      expect(((await login.json()) as { user: unknown }).user).toEqual({
        username: "admin",
        roles: ["admin"],
        agency: "demo",
        // The demo's password is a one-time one: the session can only change it.
        restricted: "password_change",
      });
    } finally {
      await server.close();
    }
  });

  it("starts again on the same database without a new admin or a second seeding", async () => {
    const server = await start();
    try {
      expect(server.demoAdmin).toBeUndefined();
      expect(await server.indexed).toMatchObject({ entities: 16, seeded: false });
      const versions = await fresh.db.kysely.selectFrom("watchlist_versions").select("version").execute();
      expect(versions).toEqual([{ version: 1 }]);
      // Cargo screens parties against the list the server loaded, not the empty list it composed with.
      await createAccessService(server.db).createUser("system", {
        username: "cargo-reviewer",
        password: "correct horse battery staple",
        roles: ["second_line"],
        agency: "demo",
      });
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "cargo-reviewer", password: "correct horse battery staple" }),
      });
      const { token } = (await login.json()) as { token: string };
      const cargo = await fetch(`${server.url}/api/v1/cargo/manifests?purpose=arrival`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
        body: "consignment,consignor,consignee,hs_code,description,containers\nBL1,Piraeus Marble Works SA,Adriatic Fictional Trading d.o.o.,251511,Marble blocks,CSQU3054383\n",
      });
      expect(cargo.status).toBe(201);
      const screened = (await cargo.json()) as { consignments: { decision: string; flags: string[] }[] };
      expect(screened.consignments[0]).toMatchObject({
        decision: "refer",
        flags: ["listed-party-or-vessel"],
      });
    } finally {
      await server.close();
    }
  });

  it("signs a checkpoint at shutdown into the external file, and refuses PostgreSQL without a key", async () => {
    const kinds = readFileSync(checkpointFile, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).body.kind);
    // The first start appended entries (the demo users): its shutdown signed them.
    expect(kinds).toContain("shutdown");
    if (dialect === "postgres")
      await expect(
        startServer({ db: fresh.url, port: 0, host: "127.0.0.1", logLevel: "silent" }),
      ).rejects.toThrow(/LIMES_AUDIT_KEY is not set: on PostgreSQL the audit signing key is required/);
  });
});

describe("/ready", () => {
  it("answers 503 while the lists load and when the database is gone", async () => {
    const fresh = await freshDatabase("sqlite");
    let loaded = false;
    const services = composeServices(fresh.db, { entities: [], sltd: createSltdIndex([]) });
    const app = await buildApp({ ...services, ready: () => loaded });
    try {
      const loading = await app.inject({ url: "/ready" });
      expect([loading.statusCode, loading.json()]).toEqual([503, { status: "loading" }]);
      loaded = true;
      expect((await app.inject({ url: "/ready" })).json()).toEqual({ status: "ready", indexed: 0 });
      await fresh.drop();
      const gone = await app.inject({ url: "/ready" });
      expect([gone.statusCode, gone.json()]).toEqual([503, { status: "database unreachable" }]);
      expect((await app.inject({ url: "/health" })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
