// The guard's suites over the API on both dialects: every attack refused by POST /rules/check and by
// POST /rules (422, nothing saved), every legitimate rule accepted by both. The data check runs over the
// agency's own last 90 days once they hold 1,000 travellers, which the manifest flow fills with every
// rule fact, depersonalised.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { queryAudit } from "../../src/audit/index.js";
import { ATTACKS, LEGITIMATE, t } from "../fixtures/rules/suites.js";
import { describeBothDialects } from "../support/db.js";
import { startTestApi, type TestApi } from "./harness.js";

const BASE = {
  justification: "Pattern from the 2026 regional risk analysis of document fraud cases at sea ports.",
  evidence: "RA-2026-014",
  reviewDate: "2099-12-31",
  priority: "standard",
  action: "refer",
};

describeBothDialects("the guard's suites over the API", (getDb) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addUser("analyst", ["analyst"]);
    await api.addUser("booth", ["first_line"]);
  });
  afterAll(async () => {
    await api?.app.close();
  });

  it("refuses every attack on /rules/check and /rules, and saves none", async () => {
    let refused = 0;
    for (const [name, condition] of ATTACKS) {
      const rule = { ...BASE, name: `attack ${name}`.slice(0, 200), condition };
      const check = await api.call("analyst", "POST", "/api/v1/rules/check", { rule });
      // A verdict, or 422 when the condition is too deep or too large to judge at all.
      const checked = check.statusCode === 422 || (check.statusCode === 200 && check.json().ok === false);
      const save = await api.call("analyst", "POST", "/api/v1/rules", { rule });
      expect({ name, check: check.statusCode, checked, save: save.statusCode }).toMatchObject({
        checked: true,
        save: 422,
      });
      expect(save.json().error.details.reasons.length).toBeGreaterThan(0);
      refused++;
    }
    expect(refused).toBe(ATTACKS.length);
    expect((await api.call("analyst", "GET", "/api/v1/rules")).json().rules).toHaveLength(0);
  });

  it("answers 3,500 nested negations with 422 and a reason, not a 500", async () => {
    let condition: unknown = t("route.origin", "eq", "IST");
    for (let i = 0; i < 3500; i++) condition = { not: condition };
    for (const path of ["/api/v1/rules/check", "/api/v1/rules"]) {
      const r = await api.call("analyst", "POST", path, { rule: { ...BASE, name: "deep", condition } });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.message).toMatch(/nested too deeply/);
    }
    // The attempt to save is on the record, as every refused rule is.
    const refused = await queryAudit(getDb(), { action: "rule.rejected" });
    expect(refused.some((e) => JSON.stringify(e.details).includes("nested too deeply"))).toBe(true);
  });

  it("answers a value nested 200,000 deep with a 4xx, not a 500", async () => {
    const value = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    const condition = `{"field":"route.origin","op":"in","value":${value}}`;
    const body = `{"rule":{"name":"deep value","justification":"${BASE.justification}","evidence":"RA-1","reviewDate":"2099-12-31","priority":"standard","action":"refer","condition":${condition}}}`;
    const r = await api.call("analyst", "POST", "/api/v1/rules/check", body, {
      "content-type": "application/json",
    });
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(r.statusCode).toBeLessThan(500);
  });

  it("accepts every legitimate rule on /rules/check and /rules", async () => {
    let accepted = 0;
    for (const [name, condition] of LEGITIMATE) {
      const rule = { ...BASE, name: `legitimate ${name}`.slice(0, 200), condition };
      const check = await api.call("analyst", "POST", "/api/v1/rules/check", { rule });
      expect({ name, verdict: check.json() }).toEqual({ name, verdict: { ok: true, reasons: [] } });
      const save = await api.call("analyst", "POST", "/api/v1/rules", { rule });
      expect({ name, status: save.statusCode }).toEqual({ name, status: 201 });
      accepted++;
    }
    expect(accepted).toBe(LEGITIMATE.length);
  });

  it("keeps every rule fact of a manifest entry, depersonalised, in the screened population", async () => {
    const fal6 = [
      "# direction: arrival",
      "# vessel: MS POPULATION",
      "Family Name,Given Names,Nationality,Date of Birth,Place of Birth,Document Type,Document Number,Issuing State,Document Expiry,Port of Embarkation,Port of Disembarkation,Transit",
      "LINDQVIST,Astrid,SWE,1958-09-30,Uppsala,P,91234567,SWE,2099-04-12,SEGOT,DEHAM,no",
      "OKAFOR,Chidi,NGA,1991-03-02,Lagos,P,A09912345,NGA,2099-01-01,NGLOS,DEHAM,no",
      "",
    ].join("\n");
    const r = await api.call("booth", "POST", "/api/v1/manifests?purpose=arrival%20check", fal6, {
      "content-type": "text/plain",
    });
    expect(r.statusCode).toBe(201);
    const rows = await getDb()
      .kysely.selectFrom("screened_travellers")
      .selectAll()
      .orderBy("person_index")
      .execute();
    expect(rows[0]).toMatchObject({
      nationality: "SE",
      age_band: "65+",
      document_type: "P",
      document_expiry_band: 3650,
      route_origin: "SEGOT",
      route_destination: "DEHAM",
      trips_90d: 0,
      co_travellers_watchlisted: 0,
      booking_payment: null,
    });
    // Nothing that names or numbers the person.
    expect(JSON.stringify(rows)).not.toMatch(/LINDQVIST|91234567|1958-09-30/);
  });

  it("runs the data check over the agency's own travellers once it has 1,000", async () => {
    const rule = {
      ...BASE,
      name: "nationality from one port",
      condition: { all: [t("traveller.nationality", "eq", "XX"), t("route.origin", "eq", "NGLOS")] },
    };
    // On the synthetic population, nobody sails from NGLOS: a narrow pattern.
    expect((await api.call("analyst", "POST", "/api/v1/rules/check", { rule })).json()).toEqual({
      ok: true,
      reasons: [],
    });
    // Here, 600 of the last 1,000 travellers did.
    const now = new Date().toISOString();
    const screening = randomUUID();
    await getDb()
      .kysely.insertInto("screened_travellers")
      .values(
        Array.from({ length: 1000 }, (_, i) => ({
          screening_id: screening,
          person_index: i,
          agency: "agency-a",
          source: "manifest" as const,
          source_id: screening,
          identity_key: `k${i}`,
          nationality: i % 2 ? "XX" : "YY",
          sex: null,
          route_origin: i < 600 ? "NGLOS" : "SEGOT",
          created_at: now,
        })),
      )
      .execute();
    const verdict = (await api.call("analyst", "POST", "/api/v1/rules/check", { rule })).json();
    expect(verdict.ok).toBe(false);
    expect(verdict.reasons[0]).toMatch(/selects 60\.\d% of the 1,00\d travellers in the agency's screenings/);
  });
});
