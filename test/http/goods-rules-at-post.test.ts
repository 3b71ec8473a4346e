// Goods rules over the cash and firearm facts (issue 17), through the API on both dialects: a configured
// rule that fires opens an alert with the rule as its reason, one that does not fire changes nothing,
// and no rule can test the carrier (a person): such a rule never fires.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createRateTable, parseRateCsv } from "../../src/cash/index.js";
import { createFirearmIndex, parseFirearmListCsv } from "../../src/firearms/index.js";
import type { GoodsRule } from "../../src/rules/index.js";
import { describeBothDialects } from "../support/db.js";
import { SAMPLES } from "../support/paths.js";
import { startTestApi, type TestApi } from "./harness.js";

const sample = (path: string) => readFileSync(`${SAMPLES}/${path}`, "utf8");
const rule = (id: string, condition: GoodsRule["condition"]): GoodsRule => ({
  id,
  version: 1,
  name: id,
  justification: `justification of ${id}`,
  reviewDate: "2099-12-31",
  priority: "high",
  action: "refer",
  condition,
});
const RULES = [
  rule("gold-at-exit", {
    all: [
      { field: "cash.kinds", op: "contains", value: "gold" },
      { field: "cash.totalEur", op: "gte", value: 20_000 },
      { field: "cash.declared", op: "eq", value: true },
    ],
  }),
  rule("obliterated-pistol", {
    all: [
      { field: "firearm.serialObliterated", op: "eq", value: true },
      { field: "firearm.type", op: "eq", value: "pistol" },
      { field: "firearm.listed", op: "eq", value: false },
    ],
  }),
  // Names a person's fact: refused by the goods fact set, so it never fires, whatever the carrier.
  rule("carrier-nationality", {
    any: [
      { field: "traveller.nationality", op: "eq", value: "HR" },
      { field: "cash.totalEur", op: "gte", value: 0 },
    ],
  }),
];

describeBothDialects("goods rules over cash and firearm facts", (getDb) => {
  let api: TestApi;
  const alerts = async () =>
    (await api.call("reviewer", "GET", "/api/v1/alerts")).json().alerts as { id: string; source: string }[];
  const reasons = async (id: string) =>
    (await api.call("reviewer", "GET", `/api/v1/alerts/${id}?purpose=review`)).json().subjectHits;

  beforeAll(async () => {
    api = await startTestApi(getDb(), {
      atPost: {
        firearms: createFirearmIndex(parseFirearmListCsv(sample("firearms/firearms-list.csv"))),
        cashRates: createRateTable(parseRateCsv(sample("cash/rates.csv"))),
        goodsRules: RULES,
      },
    });
    await api.addCrossingPoint("cp-karasovici");
    await api.addUser("reviewer", ["second_line"]);
  });
  afterAll(async () => {
    await api?.app.close();
  });

  const declare = (items: unknown[]) =>
    api.call("reviewer", "POST", "/api/v1/cash/declarations", {
      direction: "exit",
      carrier: { name: "Ivana Babić", nationality: "HR" },
      items,
      crossingPointId: "cp-karasovici",
      purpose: "cash declaration",
    });

  it("opens an alert on a declaration only when a cash rule fires", async () => {
    const plain = await declare([{ kind: "currency", currency: "EUR", amount: 25_000 }]);
    expect(plain.statusCode, plain.body).toBe(201);
    expect((await alerts()).filter((a) => a.source === "cash")).toHaveLength(0);

    const gold = await declare([
      { kind: "currency", currency: "EUR", amount: 5_000 },
      { kind: "gold", currency: "EUR", amount: 16_000 },
    ]);
    expect(gold.statusCode, gold.body).toBe(201);
    const cash = (await alerts()).filter((a) => a.source === "cash");
    expect(cash).toHaveLength(1);
    expect(await reasons(cash[0]!.id)).toEqual([
      expect.objectContaining({
        kind: "goods_rule",
        priority: "high",
        evidence: { ruleId: "gold-at-exit", version: 1, justification: "justification of gold-at-exit" },
      }),
    ]);
  });

  it("refers an unlisted pistol with an obliterated serial by rule, and not a rifle", async () => {
    const check = (type: string) =>
      api.call("reviewer", "POST", "/api/v1/firearm-checks", {
        serial: "QX7??21",
        type,
        markings: { serialCondition: "partly_obliterated" },
        crossingPointId: "cp-karasovici",
        purpose: "entry check",
      });
    const rifle = (await check("Hunting rifle")).json();
    expect(rifle).toMatchObject({ decision: "clear", hits: [] });
    const pistol = (await check("Pistol")).json();
    expect(pistol.decision).toBe("refer");
    expect(
      pistol.hits.map((h: { kind: string; evidence: { ruleId: string } }) => [h.kind, h.evidence.ruleId]),
    ).toEqual([["goods_rule", "obliterated-pistol"]]);
  });
});
