import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/http/app.js";
import { type ImportResult, importCsvList } from "../../src/watchlists/index.js";
import { REPO_ROOT } from "../support/paths.js";

let lists: ImportResult[] | undefined;
const app = buildApp({ watchlists: () => lists });

beforeAll(async () => {
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

describe("minimal server", () => {
  it("is live at once and ready only when the lists are loaded", async () => {
    expect((await app.inject({ url: "/health" })).json()).toEqual({ status: "ok" });
    expect((await app.inject({ url: "/ready" })).statusCode).toBe(503);
    expect((await app.inject({ url: "/api/v1/watchlists" })).statusCode).toBe(503);
    lists = [await importCsvList(`${REPO_ROOT}/data/samples/national-list.csv`)];
    const ready = await app.inject({ url: "/ready" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ready", watchlists: 1 });
  });

  it("summarises the loaded watchlists with counts, not personal data", async () => {
    const body = (await app.inject({ url: "/api/v1/watchlists" })).json();
    expect(body.watchlists).toHaveLength(1);
    expect(body.watchlists[0]).toMatchObject({ id: "national", format: "csv", counts: { entities: 16 } });
    expect(JSON.stringify(body)).not.toMatch(/"name"/);
  });

  it("answers unknown routes with the JSON error shape", async () => {
    const r = await app.inject({ url: "/api/v1/nope" });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe("not_found");
  });
});
