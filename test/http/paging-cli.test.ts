// `limes alert list` pages the queue as the API does, on both dialects: --limit rows, the total, and the
// cursor of the next page.
import { afterAll, beforeAll, expect, it } from "vitest";
import { limes } from "../support/cli.js";
import { type FreshDatabase, forEachDialect, freshDatabase } from "../support/db.js";
import { startTestApi, type TestApi } from "./harness.js";

/** NL-0012 of the fictional national list in data/samples: each crossing of his opens an alert. */
const HORVAT = {
  person: { surname: "Horvat", givenNames: "Marko", birthDate: "1987-09-03", nationality: "HR" },
  direction: "entry",
  crossingPointId: "cp-cli",
};

forEachDialect("alert list paging on the command line", (dialect) => {
  let fresh: FreshDatabase;
  let api: TestApi;

  beforeAll(async () => {
    fresh = await freshDatabase(dialect);
    api = await startTestApi(fresh.db);
    await api.addCrossingPoint("cp-cli");
    await api.addUser("booth", ["first_line"]);
    await api.addUser("reviewer", ["second_line"]);
    for (let i = 0; i < 3; i++) {
      const r = await api.call("booth", "POST", "/api/v1/crossings", {
        entry: HORVAT,
        purpose: "entry check",
      });
      expect(r.statusCode, r.body).toBe(201);
    }
  });
  afterAll(async () => {
    await api?.app.close();
    await fresh?.drop();
  });

  it("prints a page, the total and the next page's cursor, which brings the rest", () => {
    const cli = limes.withEnv({ LIMES_DB: fresh.url, LIMES_TOKEN: api.token("reviewer") });
    const first = cli("alert", "list", "--limit", "2");
    expect(first.code, first.stderr).toBe(0);
    const lines = first.stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    const cursor = /^2 of 3; next page: --cursor ([A-Za-z0-9_-]+)$/.exec(lines[2]!)?.[1];
    expect(cursor).toBeDefined();
    const rest = cli("alert", "list", "--limit", "2", "--cursor", cursor!, "--json");
    expect(rest.code, rest.stderr).toBe(0);
    const page = JSON.parse(rest.stdout);
    expect(page).toMatchObject({ total: 3, nextCursor: null });
    expect(page.alerts).toHaveLength(1);
    const shown = [...lines.slice(0, 2), page.alerts[0].id].map((l) => l.split(" ")[0]);
    expect(new Set(shown).size).toBe(3);
    expect(cli("alert", "list", "--limit", "500").stderr).toMatch(/--limit: a whole number from 1 to 200/);
  });
});
