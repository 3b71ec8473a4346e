// The HTTP API end to end on both dialects: authentication, every role against every route, agency
// scoping, persistence with audit, the first-line view, and bad input.

import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Role } from "../../src/access/index.js";
import { verifyAuditChain } from "../../src/audit/index.js";
import { buildApp } from "../../src/http/app.js";
import { composeServices } from "../../src/services.js";
import { createSltdIndex } from "../../src/travel/index.js";
import {
  type ImportResult,
  importCsvList,
  loadLatestEntities,
  saveWatchlistVersion,
} from "../../src/watchlists/index.js";
import { describeBothDialects } from "../support/db.js";
import { REPO_ROOT } from "../support/paths.js";

const PASSWORD = "a long enough password";
const ROLES_UNDER_TEST: Role[] = [
  "first_line",
  "second_line",
  "analyst",
  "watchlist_manager",
  "auditor",
  "admin",
];

describeBothDialects("HTTP API", (getDb) => {
  let app: FastifyInstance;
  let lists: ImportResult[];
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const db = getDb();
    // The fictional national list that ships in data/samples: small, so the suite stays fast.
    lists = [await importCsvList(`${REPO_ROOT}/data/samples/national-list.csv`)];
    await saveWatchlistVersion(db, lists[0]!, { actor: "system" });
    const services = composeServices(db, {
      entities: await loadLatestEntities(db),
      sltd: createSltdIndex([]),
    });
    const { access } = services;
    app = await buildApp({ ...services, ready: () => true, uploadLimit: 256 * 1024 });
    for (const role of ROLES_UNDER_TEST) {
      await access.createUser("system", {
        username: `${role}.a`,
        password: PASSWORD,
        roles: [role],
        agency: "agency-a",
      });
    }
    await access.createUser("system", {
      username: "second_line.b",
      password: PASSWORD,
      roles: ["second_line"],
      agency: "agency-b",
    });
    for (const username of [...ROLES_UNDER_TEST.map((r) => `${r}.a`), "second_line.b"]) {
      const r = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username, password: PASSWORD },
      });
      expect(r.statusCode).toBe(200);
      tokens[username] = r.json().token;
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  const call = (username: string | undefined, method: "GET" | "POST", url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: username ? { authorization: `Bearer ${tokens[username]}` } : {},
    });

  const screeningBody = { person: { name: "Some Traveller" }, purpose: "entry check" };
  // route → roles allowed (everything else must get 403; anonymous 401)
  const TABLE: [method: "GET" | "POST", url: string, body: unknown, allowed: Role[]][] = [
    ["POST", "/api/v1/screenings", screeningBody, ["first_line", "second_line"]],
    ["GET", "/api/v1/watchlists", undefined, ["second_line", "analyst", "watchlist_manager"]],
    ["GET", "/api/v1/watchlists/national", undefined, ["second_line", "analyst", "watchlist_manager"]],
    ["GET", "/api/v1/crossing-points", undefined, ROLES_UNDER_TEST],
    ["GET", "/api/v1/users", undefined, ["admin"]],
    ["GET", "/api/v1/audit", undefined, ["auditor"]],
    ["GET", "/api/v1/audit/verify", undefined, ["auditor"]],
  ];

  it("answers every protected route with 401 without a token and 403 for a wrong role", async () => {
    const own = (await call("first_line.a", "POST", "/api/v1/screenings", screeningBody)).json().id as string;
    const table: typeof TABLE = [
      ...TABLE,
      [
        "GET",
        `/api/v1/screenings/${own}?purpose=review`,
        undefined,
        ["first_line", "second_line", "analyst"],
      ],
      [
        "GET",
        "/api/v1/watchlists/national/entities?q=an&purpose=review",
        undefined,
        ["second_line", "analyst", "watchlist_manager"],
      ],
      [
        "POST",
        "/api/v1/users",
        { username: "table.user", password: PASSWORD, roles: ["analyst"], agency: "agency-a" },
        ["admin"],
      ],
      [
        "POST",
        "/api/v1/crossing-points",
        { code: "TBL-1", name: "Table", kind: "sea", country: "HR" },
        ["admin"],
      ],
    ];
    for (const [method, url, body, allowed] of table) {
      expect((await call(undefined, method, url, body)).statusCode, `${method} ${url} anonymous`).toBe(401);
      for (const role of ROLES_UNDER_TEST) {
        const r = await call(`${role}.a`, method, url, body);
        expect(r.statusCode, `${method} ${url} as ${role}`).toBe(
          allowed.includes(role) ? (method === "POST" ? 201 : 200) : 403,
        );
      }
    }
    expect(
      (
        await call(undefined, "POST", "/api/v1/users", {
          username: "zz",
          password: PASSWORD,
          roles: ["admin"],
          agency: "x",
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await call(undefined, "POST", "/api/v1/crossing-points", {
          code: "X-1",
          name: "X",
          kind: "land",
          country: "RS",
        })
      ).statusCode,
    ).toBe(401);
    expect((await app.inject({ url: "/health" })).statusCode).toBe(200);
    expect((await app.inject({ url: "/ready" })).json()).toMatchObject({ status: "ready", indexed: 16 });
    expect((await app.inject({ url: "/api/docs/json" })).json().paths["/api/v1/screenings"]).toBeDefined();
  });

  it("persists a screening with its audit entry and shows the first line only clear/refer", async () => {
    const listed = lists[0]!.entities.find((e) => e.schema === "person")!;
    const body = {
      persons: [{ name: listed.name }, { name: "Ingeborg Abrahamsen", birthDate: "1972-11-21" }],
      purpose: "entry check",
    };
    const first = await call("first_line.a", "POST", "/api/v1/screenings", body);
    expect(first.statusCode).toBe(201);
    const json = first.json();
    expect(json.results.map((r: { decision: string }) => r.decision)).toEqual(["refer", "clear"]);
    // Presumption of innocence: no list, entity, name or score reaches the booth.
    expect(Object.keys(json.results[0]).sort()).toEqual(["decision", "index", "reference"]);
    expect(JSON.stringify(json)).not.toContain(listed.id);
    expect(JSON.stringify(json)).not.toMatch(/score|entityId|sourceRef|matches/);
    const detailed = await call(
      "second_line.a",
      "GET",
      `/api/v1/screenings/${json.id}?purpose=second-line review`,
    );
    expect(detailed.statusCode).toBe(200);
    expect(detailed.json().results[0].matches[0].entityId).toBe(listed.id);
    const audit = await call("auditor.a", "GET", `/api/v1/audit?objectId=${json.id}`);
    expect(
      audit
        .json()
        .entries.map((e: { action: string }) => e.action)
        .sort(),
    ).toEqual(["screening.create", "screening.read"]);
    expect((await verifyAuditChain(getDb())).ok).toBe(true);
  });

  it("scopes screenings to the agency, even by id", async () => {
    const mine = (await call("second_line.a", "POST", "/api/v1/screenings", screeningBody)).json();
    expect(
      (await call("second_line.b", "GET", `/api/v1/screenings/${mine.id}?purpose=review`)).statusCode,
    ).toBe(404);
    expect(
      (await call("second_line.a", "GET", `/api/v1/screenings/${mine.id}?purpose=review`)).statusCode,
    ).toBe(200);
    // The audit log is scoped the same way: agency A's auditor does not see agency B's screenings.
    const theirs = (await call("second_line.b", "POST", "/api/v1/screenings", screeningBody)).json();
    const seen = (await call("auditor.a", "GET", "/api/v1/audit?action=screening.create&limit=1000")).json()
      .entries;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((e: { actor: { agency: string } }) => e.actor.agency === "agency-a")).toBe(true);
    expect(seen.some((e: { objectId: string }) => e.objectId === theirs.id)).toBe(false);
  });

  it("rejects bad input with a clear 4xx and changes nothing", async () => {
    const before = (await verifyAuditChain(getDb())).checked;
    const oversized = await app.inject({
      method: "POST",
      url: "/api/v1/screenings",
      headers: { authorization: `Bearer ${tokens["first_line.a"]}`, "content-type": "application/json" },
      payload: JSON.stringify({
        person: { name: "x".repeat(200) },
        purpose: "p".repeat(100),
        pad: "y".repeat(2 * 1024 * 1024),
      }),
    });
    expect(oversized.statusCode).toBe(413);
    const malformed = await app.inject({
      method: "POST",
      url: "/api/v1/screenings",
      headers: { authorization: `Bearer ${tokens["first_line.a"]}`, "content-type": "application/json" },
      payload: '{"person": {"name": "x"',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe("bad_request");
    expect(
      (
        await call("first_line.a", "POST", "/api/v1/screenings", {
          person: { name: 42 },
          purpose: "entry check",
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await call("first_line.a", "POST", "/api/v1/screenings", {
          person: { name: "x", shoeSize: 44 },
          purpose: "entry check",
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await call("first_line.a", "POST", "/api/v1/screenings", { person: { name: "x" } })).statusCode,
    ).toBe(400);
    expect(
      (
        await call("first_line.a", "POST", "/api/v1/screenings", {
          person: { gender: "male" },
          purpose: "entry check",
        })
      ).statusCode,
    ).toBe(422);
    expect(
      (
        await call("admin.a", "POST", "/api/v1/crossing-points", {
          code: "RS-01",
          name: "Horgoš",
          kind: "land",
          country: "Atlantis",
        })
      ).statusCode,
    ).toBe(422);
    expect((await verifyAuditChain(getDb())).checked).toBe(before);
  });

  it("imports an uploaded list version, swaps the index, and rejects a malformed upload whole", async () => {
    const upload = (username: string, query: string, body: string) =>
      app.inject({
        method: "POST",
        url: `/api/v1/watchlists?${query}`,
        headers: { authorization: `Bearer ${tokens[username]}`, "content-type": "text/csv" },
        payload: body,
      });
    // Hand-written CSV in the documented national-list format.
    const csv = "id,name,birth_dates,nationalities\nNL-900,Dragan Petrović Testni,1971-03-04,RS\n";
    expect((await upload("second_line.a", "format=csv&list=national-b", csv)).statusCode).toBe(403);
    const bad = await upload("watchlist_manager.a", "format=un-xml&list=national-b", csv);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toMatch(/malformed UN list XML/);
    expect((await upload("watchlist_manager.a", "format=nope&list=national-b", csv)).statusCode).toBe(422);
    expect((await call("watchlist_manager.a", "GET", "/api/v1/watchlists/national-b")).json()).toMatchObject({
      versions: 0,
      import: { status: "failed" },
    });
    const ok = await upload("watchlist_manager.a", "format=csv&list=national-b", csv);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ list: "national-b", version: 1, counts: { entities: 1 } });
    const again = await upload("watchlist_manager.a", "format=csv&list=national-b", csv);
    expect(again.json()).toMatchObject({
      version: 2,
      diff: { added: 0, removed: 0, changed: 0, unchanged: 1 },
    });
    const screened = await call("second_line.a", "POST", "/api/v1/screenings", {
      person: { name: "Dragan Petrovic Testni", birthDate: "1971" },
      purpose: "entry check",
    });
    expect(screened.json().results[0].matches[0].entityId).toBe("national-b:NL-900");
    const view = await call("second_line.a", "GET", "/api/v1/watchlists/national-b");
    expect(view.json()).toMatchObject({
      id: "national-b",
      versions: 2,
      latest: { version: 2, status: "ready" },
      import: { status: "ready" },
    });
    const found = await call(
      "second_line.a",
      "GET",
      "/api/v1/watchlists/national-b/entities?q=petrov&purpose=alert%20review",
    );
    expect(found.json().entities.map((e: { id: string }) => e.id)).toEqual(["national-b:NL-900"]);
    const tooBig = await upload(
      "watchlist_manager.a",
      "format=csv&list=national-c",
      `${csv}${"x".repeat(300 * 1024)}`,
    );
    expect(tooBig.statusCode).toBe(413);
  });

  it("logs out (the token is revoked) and rejects wrong passwords", async () => {
    const login = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "analyst.a", password: PASSWORD },
    });
    const token = login.json().token as string;
    const headers = { authorization: `Bearer ${token}` };
    expect((await app.inject({ method: "GET", url: "/api/v1/crossing-points", headers })).statusCode).toBe(
      200,
    );
    expect((await app.inject({ method: "POST", url: "/api/v1/auth/logout", headers })).statusCode).toBe(204);
    expect((await app.inject({ method: "GET", url: "/api/v1/crossing-points", headers })).statusCode).toBe(
      401,
    );
    const wrong = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "analyst.a", password: "not the password" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe("unauthenticated");
  });

  it("lets an admin create users and crossing points, and refuses duplicates with 409", async () => {
    const cp = await call("admin.a", "POST", "/api/v1/crossing-points", {
      code: "RS-HRG",
      name: "Horgoš",
      kind: "land",
      country: "Serbia",
    });
    expect(cp.statusCode).toBe(201);
    expect(cp.json()).toMatchObject({ code: "RS-HRG", country: "RS", agency: "agency-a" });
    expect(
      (
        await call("admin.a", "POST", "/api/v1/crossing-points", {
          code: "RS-HRG",
          name: "Again",
          kind: "land",
          country: "RS",
        })
      ).statusCode,
    ).toBe(409);
    const user = await call("admin.a", "POST", "/api/v1/users", {
      username: "new.officer",
      password: PASSWORD,
      roles: ["first_line"],
      agency: "agency-a",
    });
    expect(user.statusCode).toBe(201);
    expect(
      (
        await call("admin.a", "POST", "/api/v1/users", {
          username: "new.officer",
          password: PASSWORD,
          roles: ["first_line"],
          agency: "agency-a",
        })
      ).statusCode,
    ).toBe(409);
  });
});
