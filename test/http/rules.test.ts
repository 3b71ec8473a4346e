// Risk rules over the API on both dialects: the guard refuses a discriminatory rule with its reasons,
// edits are versions, and a saved rule runs on the next crossing, opening an alert with its hit.
import { afterAll, beforeAll, expect, it } from "vitest";
import { queryAudit } from "../../src/audit/index.js";
import { describeBothDialects } from "../support/db.js";
import { startTestApi, type TestApi } from "./harness.js";

const RULE = {
  name: "Document about to expire, arriving from NGLOS",
  justification:
    "Regional risk analysis links arrivals from NGLOS on near-expiry documents to impostor cases.",
  evidence: "RA-2026-014",
  reviewDate: "2099-12-31",
  priority: "high",
  action: "refer",
  condition: {
    all: [
      { field: "route.origin", op: "eq", value: "NGLOS" },
      { field: "document.expiresInDays", op: "lt", value: 30 },
    ],
  },
};

describeBothDialects("risk rules over the API", (getDb) => {
  let api: TestApi;
  let id: string;
  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addUser("analyst", ["analyst"]);
    await api.addUser("auditor", ["auditor"]);
    await api.addUser("booth", ["first_line"]);
    await api.addUser("reviewer", ["second_line"]);
  });
  afterAll(async () => {
    await api?.app.close();
  });

  it("saves a rule that passes the guard, owned by its author unless named", async () => {
    const r = await api.call("analyst", "POST", "/api/v1/rules", { rule: RULE });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ version: 1, owner: "analyst", name: RULE.name });
    id = r.json().id;
  });

  it("refuses nationality alone with the reason in the answer, and saves nothing", async () => {
    const bad = { ...RULE, condition: { field: "traveller.nationality", op: "eq", value: "XX" } };
    const check = await api.call("analyst", "POST", "/api/v1/rules/check", { rule: bad });
    expect(check.json()).toEqual({ ok: false, reasons: [expect.stringMatching(/nationality alone/)] });
    const r = await api.call("analyst", "POST", "/api/v1/rules", { rule: bad });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details.reasons[0]).toMatch(/national origin/);
    expect((await api.call("analyst", "GET", "/api/v1/rules")).json().rules).toHaveLength(1);
    const sexAndAge = {
      ...RULE,
      condition: {
        all: [
          { field: "traveller.sex", op: "eq", value: "F" },
          { field: "traveller.age", op: "lt", value: 30 },
        ],
      },
    };
    expect((await api.call("analyst", "POST", "/api/v1/rules", { rule: sexAndAge })).statusCode).toBe(422);
  });

  it("keeps the booth out, and lets the auditor read but not write", async () => {
    expect((await api.call("booth", "POST", "/api/v1/rules", { rule: RULE })).statusCode).toBe(403);
    expect((await api.call("auditor", "POST", "/api/v1/rules", { rule: RULE })).statusCode).toBe(403);
    expect((await api.call("auditor", "GET", `/api/v1/rules/${id}/stats`)).statusCode).toBe(200);
    const stats = await api.call("auditor", "GET", `/api/v1/rules/${id}/stats?purpose=fairness%20review`);
    expect(stats.json()).toMatchObject({ ruleId: id, population: 0, hits: 0, warnings: [] });
    const [read] = await queryAudit(getDb(), { action: "rule.stats", objectId: id });
    expect(read).toMatchObject({ actor: { username: "auditor" }, purpose: "fairness review" });
  });

  it("saves an edit as version 2, keeping version 1", async () => {
    const r = await api.call("analyst", "PUT", `/api/v1/rules/${id}`, {
      rule: { ...RULE, priority: "standard" },
    });
    expect(r.json()).toMatchObject({ id, version: 2, priority: "standard" });
    const got = await api.call("auditor", "GET", `/api/v1/rules/${id}`);
    expect(got.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it("runs on every manifest entry: the hit opens an alert, the booth sees only REFER", async () => {
    // Hand-written FAL Form 6 with two fictional passengers, on no list; the first boarded at NGLOS on a
    // passport that expires in ten days.
    const expiry = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const fal6 = [
      "# direction: arrival",
      "# vessel: MS RULE TEST",
      "Family Name,Given Names,Nationality,Date of Birth,Place of Birth,Document Type,Document Number,Issuing State,Document Expiry,Port of Embarkation,Port of Disembarkation,Transit",
      `OKAFOR,Chidi,NGA,1991-03-02,Lagos,P,A09912345,NGA,${expiry},NGLOS,DEHAM,no`,
      "LINDQVIST,Astrid,SWE,1958-09-30,Uppsala,P,91234567,SWE,2028-04-12,SEGOT,DEHAM,no",
      "",
    ].join("\n");
    const r = await api.call("booth", "POST", "/api/v1/manifests?purpose=arrival%20check", fal6, {
      "content-type": "text/plain",
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().results).toEqual([
      { index: 0, decision: "refer", reference: expect.any(String) },
      { index: 1, decision: "clear", reference: expect.any(String) },
    ]);
    const alerts = (await api.call("reviewer", "GET", "/api/v1/alerts")).json().alerts;
    const alert = alerts.find((a: { reference: string }) => a.reference === r.json().results[0].reference);
    expect(alert).toMatchObject({ priority: "standard", summary: { matches: 0, ruleHits: 1 } });
    const stats = (await api.call("auditor", "GET", `/api/v1/rules/${id}/stats`)).json();
    expect(stats).toMatchObject({ hits: 1, alerts: 1, population: 2 });
  });
});
