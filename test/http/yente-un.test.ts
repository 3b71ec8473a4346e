// The 680 resolvable untreated UN positives of the screening benchmark, sent as FtM Person queries through
// POST /api/yente/match in batches of 50: the share that come back as the top result with `match: true`
// equals what the benchmark computes for the same persons with the engine run in process (bench/
// screening-quality.ts: ground truth, OFAC twins, recall). SQLite only: this checks the API's mapping
// against the engine, not the database; the dialects are covered by yente.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATA_FILES, readPersons, rowToQuery } from "../../bench/data.js";
import { findTwins, recallOf, resolveGroundTruth } from "../../bench/screening-quality.js";
import { type Hit, limesSystem } from "../../bench/systems.js";
import { createScreener, type ScreeningQuery } from "../../src/screening/index.js";
import { importOfacCsv, importUnXml, saveWatchlistVersion } from "../../src/watchlists/index.js";
import { type FreshDatabase, freshDatabase } from "../support/db.js";
import { startTestApi, type TestApi } from "./harness.js";

/** The benchmark row as FtM: the same fields, under FtM's property names. */
function asFtm(q: ScreeningQuery) {
  const properties: Record<string, string[]> = {};
  const put = (k: string, v: string | undefined) => {
    if (v) properties[k] = [v];
  };
  put("name", q.name);
  put("firstName", q.firstName);
  put("middleName", q.middleName);
  put("lastName", q.lastName);
  put("gender", q.gender);
  put("birthDate", q.birthDate);
  put("nationality", q.nationalities?.[0]);
  put("birthPlace", q.placeOfBirth);
  return { schema: "Person", properties };
}

describe("680 UN positives through /api/yente/match", () => {
  let fresh: FreshDatabase;
  let api: TestApi;
  let key: string;
  beforeAll(async () => {
    fresh = await freshDatabase("sqlite");
    await saveWatchlistVersion(fresh.db, await importUnXml(DATA_FILES.unXml), { actor: "system" });
    await saveWatchlistVersion(fresh.db, await importOfacCsv(DATA_FILES.ofacSdn), { actor: "system" });
    api = await startTestApi(fresh.db);
    await api.addUser("analyst", ["analyst"]);
    key = (
      await api.services.access.createClientKey({
        username: "analyst",
        client: "yente-client",
        purpose: "benchmark of the matching API",
        expiresInDays: 1,
      })
    ).key;
  }, 300_000);
  afterAll(async () => {
    await fresh?.drop();
  });

  it("puts as many right entities first with match: true as the benchmark's engine run", async () => {
    const un = (await importUnXml(DATA_FILES.unXml)).entities;
    const all = [...un, ...(await importOfacCsv(DATA_FILES.ofacSdn)).entities];
    const rows = readPersons(DATA_FILES.untreated);
    const truth = resolveGroundTruth(rows, un);
    const twins = findTwins(
      truth.ids.flatMap((ids) => ids ?? []),
      all,
    );
    const queries = rows.map(rowToQuery);
    const engine = limesSystem(createScreener(all));
    const inProcess = recallOf(
      queries.map((q) => engine.screen(q) as Hit[]), // synchronous for Limes
      queries,
      truth.ids,
      twins,
    );

    const viaApi: Hit[][] = [];
    for (let start = 0; start < queries.length; start += 50) {
      const batch = queries.slice(start, start + 50);
      const r = await api.app.inject({
        method: "POST",
        url: "/api/yente/match/default",
        headers: { authorization: `ApiKey ${key}` },
        payload: { queries: Object.fromEntries(batch.map((q, i) => [`row${start + i}`, asFtm(q)])) },
      });
      expect(r.statusCode).toBe(200);
      const responses = r.json().responses;
      batch.forEach((_, i) => {
        const results = responses[`row${start + i}`].results as {
          id: string;
          score: number;
          match: boolean;
        }[];
        viaApi.push(results.map((x) => ({ entityId: x.id, score: x.score, refer: x.match })));
      });
    }
    const overApi = recallOf(viaApi, queries, truth.ids, twins);
    const share = (n: number) => `${n}/${overApi.n} (${((100 * n) / overApi.n).toFixed(1)}%)`;
    console.log(
      `/match top with match:true: ${share(overApi.top)}; engine in process: ${share(inProcess.top)}`,
    );
    expect(overApi.n).toBe(680);
    expect(overApi.top).toBe(inProcess.top);
    expect(overApi.topStrict).toBe(inProcess.topStrict);
    expect(overApi.misses.map((m) => m.row)).toEqual(inProcess.misses.map((m) => m.row));
  }, 600_000);
});
