// Watchlist uploads over the API on both dialects: a new version is imported in one transaction and the
// screening index swapped; a file in the wrong format is refused whole with the importer's reason; the
// import can run in the background with its progress at GET /watchlists/:id.
import { beforeAll, expect, it } from "vitest";
import { buildApp } from "../../src/http/app.js";
import { describeBothDialects } from "../support/db.js";
import { startTestApi, type TestApi } from "./harness.js";

// Hand-written CSV lists in the documented national-list format (data/samples/README.md).
const ONE = "id,name,birth_dates,nationalities\nNL-900,Dragan Testni Petrović,1971-03-04,RS\n";
const TWO = `${ONE}NL-901,Milena Probna Jovanović,1985-07-12,RS\n`;

describeBothDialects("watchlist uploads", (getDb) => {
  let api: TestApi;
  const upload = (query: string, body: string, headers: Record<string, string> = {}) =>
    api.call("manager", "POST", `/api/v1/watchlists?${query}`, body, {
      "content-type": "text/csv",
      ...headers,
    });
  const versionsOf = async (list: string) =>
    (
      await getDb()
        .kysely.selectFrom("watchlist_versions")
        .select("version")
        .where("list_id", "=", list)
        .execute()
    ).length;
  const screen = async (name: string) =>
    (await api.call("reviewer", "POST", "/api/v1/screenings", { person: { name }, purpose: "entry check" }))
      .json()
      .results[0].matches.map((m: { entityId: string }) => m.entityId);

  beforeAll(async () => {
    api = await startTestApi(getDb(), { uploadLimit: 64 * 1024 });
    await api.addUser("manager", ["watchlist_manager"]);
    await api.addUser("reviewer", ["second_line"]);
  });

  it("refuses a file in the wrong format with 422 and the importer's reason, and imports nothing", async () => {
    const r = await upload("format=un-xml&list=national-b", ONE);
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe("list_malformed");
    expect(r.json().error.message).toMatch(/malformed UN list XML/);
    expect(await versionsOf("national-b")).toBe(0);
    expect(
      (await api.call("manager", "GET", "/api/v1/watchlists"))
        .json()
        .watchlists.map((w: { id: string }) => w.id),
    ).toEqual(["national"]);
    expect((await api.call("manager", "GET", "/api/v1/watchlists/national-b")).json()).toMatchObject({
      versions: 0,
      import: { list: "national-b", status: "failed", error: expect.stringMatching(/malformed UN list XML/) },
    });
  });

  it("refuses an unknown format, a bad list id and an empty body with 400, a file over the limit with 413", async () => {
    const unknown = await upload("format=xlsx&list=national-b", ONE);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toBe(
      "querystring/format must be equal to one of the allowed values",
    );
    expect(unknown.json().error.details[0].params).toEqual({
      allowedValues: ["un-xml", "ofac-csv", "ftm-jsonl", "csv"],
    });
    expect((await upload("format=csv&list=Bad%20Id", ONE)).statusCode).toBe(400);
    expect((await upload("format=csv&list=national-b", "")).statusCode).toBe(400);
    const big = await upload("format=csv&list=national-b", `${ONE}${"x".repeat(65 * 1024)}`);
    expect(big.statusCode).toBe(413);
    expect(await versionsOf("national-b")).toBe(0);
  });

  it("imports a version, swaps the index, and diffs the next version against it", async () => {
    expect(await screen("Dragan Testni Petrovic")).toEqual([]);
    const first = await upload("format=csv&list=national-b", ONE);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      list: "national-b",
      version: 1,
      status: "ready",
      counts: { entities: 1 },
    });
    expect(await screen("Dragan Testni Petrovic")).toEqual(["national-b:NL-900"]);
    const second = await upload("format=csv&list=national-b", TWO);
    expect(second.json()).toMatchObject({
      version: 2,
      diff: { added: 1, removed: 0, changed: 0, unchanged: 1 },
    });
    expect(await screen("Milena Probna Jovanovic")).toEqual(["national-b:NL-901"]);
    expect((await api.call("reviewer", "GET", "/api/v1/watchlists/national-b")).json()).toMatchObject({
      id: "national-b",
      versions: 2,
      latest: { version: 2, status: "ready" },
    });
  });

  it("runs the import in the background on Prefer: respond-async, with its progress", async () => {
    const r = await upload("format=csv&list=national-c", ONE, { prefer: "respond-async" });
    expect(r.statusCode).toBe(202);
    expect(r.headers.location).toBe("/api/v1/watchlists/national-c");
    expect(r.json()).toMatchObject({
      id: "national-c",
      import: { list: "national-c", bytesTotal: Buffer.byteLength(ONE) },
    });
    let view = (await api.call("manager", "GET", "/api/v1/watchlists/national-c")).json();
    for (let i = 0; i < 100 && view.import.status !== "ready"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      view = (await api.call("manager", "GET", "/api/v1/watchlists/national-c")).json();
    }
    expect(view).toMatchObject({
      versions: 1,
      import: { status: "ready", bytesTotal: Buffer.byteLength(ONE) },
    });

    const bad = await upload("format=ftm-jsonl&list=national-d", ONE, { prefer: "respond-async" });
    expect(bad.statusCode).toBe(202);
    let failed = (await api.call("manager", "GET", "/api/v1/watchlists/national-d")).json();
    for (let i = 0; i < 100 && failed.import.status !== "failed"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      failed = (await api.call("manager", "GET", "/api/v1/watchlists/national-d")).json();
    }
    expect(failed).toMatchObject({ versions: 0, import: { status: "failed" } });
    expect(failed.import.error.length).toBeGreaterThan(0);
    expect(await versionsOf("national-d")).toBe(0);
  });

  it("refuses a second upload of a list while one runs (409)", async () => {
    const running = {
      list: "national-b",
      status: "parsing" as const,
      bytesRead: 10,
      bytesTotal: 100,
      startedAt: "2026-03-01T08:00:00.000Z",
    };
    const busy = await buildApp({
      ...api.services,
      watchlists: { ...api.services.watchlists, progress: () => running },
      ready: () => true,
    });
    const r = await busy.inject({
      method: "POST",
      url: "/api/v1/watchlists?format=csv&list=national-b",
      headers: { authorization: `Bearer ${api.token("manager")}`, "content-type": "text/csv" },
      payload: ONE,
    });
    await busy.close();
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toEqual({
      code: "watchlist_import_running",
      message: "an import of national-b is running",
      params: { list: "national-b" },
      details: { import: running },
    });
  });

  it("searches a list's entities with a purpose, and records the search", async () => {
    const url = "/api/v1/watchlists/national-b/entities/search";
    expect((await api.call("reviewer", "POST", url, { q: "petrov" })).statusCode).toBe(400);
    const found = await api.call("reviewer", "POST", url, { q: "petrov", purpose: "alert review" });
    expect(found.json().entities.map((e: { id: string }) => e.id)).toEqual(["national-b:NL-900"]);
    const entry = await getDb()
      .kysely.selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "watchlist.search")
      .executeTakeFirstOrThrow();
    expect([entry.actor_username, entry.object_id, entry.purpose]).toEqual([
      "reviewer",
      "national-b",
      "alert review",
    ]);
    expect(JSON.parse(entry.details!)).toEqual({ q: "petrov", results: 1 });
  });
});
