// The dashboard overview over the API on both dialects: counts of today's crossings, screenings, refers and
// alerts at the crossing point, for the roles that work with alerts, audit or rule statistics, and nothing
// that names a traveller. The persons are the fictional national list in data/samples.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBothDialects } from "../support/db.js";
import { startTestApi, type TestApi } from "./harness.js";

/** NL-0012 (fictional): listed, so the booth is told to refer him and an alert opens. */
const HORVAT = {
  person: { surname: "Horvat", givenNames: "Marko", birthDate: "1987-09-03", nationality: "HR" },
  document: { type: "I", number: "112233445", issuingCountry: "HR" },
  direction: "entry",
  crossingPointId: "cp-bajakovo",
};
/** Not on any list. */
const TRAVELLER = {
  person: { surname: "Lindqvist", givenNames: "Sara", birthDate: "1985-02-11", nationality: "SE" },
  document: { type: "P", number: "90012345", issuingCountry: "SE" },
  direction: "entry",
  crossingPointId: "cp-bajakovo",
};
const OVERVIEW = "/api/v1/stats/overview";

describeBothDialects("overview statistics over the API", (getDb) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addUser("booth", ["first_line"]);
    await api.addCrossingPoint("cp-bajakovo");
    await api.addUser("reviewer", ["second_line"]);
    await api.addUser("auditor", ["auditor"]);
    await api.addUser("analyst", ["analyst"]);
    await api.addUser("protection", ["protection_officer"]);
    await api.addUser("elsewhere", ["second_line"], "agency-b");
    for (const entry of [HORVAT, TRAVELLER]) {
      const r = await api.call("booth", "POST", "/api/v1/crossings", { entry, purpose: "entry check" });
      expect(r.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await api?.app.close();
  });

  it("counts today's crossings, screenings, refers and alerts at the crossing point", async () => {
    const r = await api.call("reviewer", "GET", `${OVERVIEW}?days=7`);
    expect(r.statusCode).toBe(200);
    const o = r.json();
    const today = new Date().toISOString().slice(0, 10);
    expect(o.to).toBe(today);
    expect(o.daily).toHaveLength(7);
    expect(o.daily.at(-1)).toEqual({ date: today, crossings: 2, screenings: 2, refers: 1, alertsOpened: 1 });
    expect(o.byCrossingPoint).toEqual([
      {
        date: today,
        crossingPointId: "cp-bajakovo",
        crossings: 2,
        screenings: 2,
        refers: 1,
        alertsOpened: 1,
      },
    ]);
    expect([o.openAlerts, o.overdueAlerts]).toEqual([1, 0]);
    expect(r.body).not.toMatch(/Horvat|Lindqvist|112233445/);
  });

  it("defaults to 14 days, and shows another agency none of these", async () => {
    expect((await api.call("auditor", "GET", OVERVIEW)).json().daily).toHaveLength(14);
    const other = (await api.call("elsewhere", "GET", OVERVIEW)).json();
    expect(other.byCrossingPoint).toEqual([]);
    expect(other.openAlerts).toBe(0);
  });

  it("answers alert, audit and rule-statistics roles only", async () => {
    expect((await api.call("analyst", "GET", OVERVIEW)).statusCode).toBe(200);
    expect((await api.call("booth", "GET", OVERVIEW)).statusCode).toBe(403);
    expect((await api.call("protection", "GET", OVERVIEW)).statusCode).toBe(403);
    expect((await api.call(undefined, "GET", OVERVIEW)).statusCode).toBe(401);
  });

  it("takes 1 to 90 days", async () => {
    expect((await api.call("reviewer", "GET", `${OVERVIEW}?days=week`)).statusCode).toBe(400);
    expect((await api.call("reviewer", "GET", `${OVERVIEW}?days=0`)).statusCode).toBe(422);
    expect((await api.call("reviewer", "GET", `${OVERVIEW}?days=91`)).statusCode).toBe(422);
    expect((await api.call("reviewer", "GET", `${OVERVIEW}?days=90`)).json().daily).toHaveLength(90);
  });
});
