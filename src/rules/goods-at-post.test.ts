// The cash and firearm facts of the goods fact set: what each builder derives, and that rules over them
// use the common operators while a rule naming a person's fact never fires.
import { describe, expect, it } from "vitest";
import { cashFacts } from "../cash/facts.js";
import { firearmFacts } from "../firearms/facts.js";
import type { FirearmHit } from "../firearms/search.js";
import { evaluateGoodsRules, GOODS_FIELDS, type GoodsRule, goodsRuleHits, nonGoodsFields } from "./goods.js";

const priced = (
  items: { kind: "currency" | "gold"; currency: string; eur: number }[],
  threshold = 10_000,
) => ({
  items: items.map((i) => ({
    kind: i.kind,
    currency: i.currency,
    amount: i.eur,
    eurCents: i.eur * 100,
    rate: { perEur: 1, date: "2026-11-30" },
  })),
  totalEurCents: items.reduce((n, i) => n + i.eur * 100, 0),
  reachesThreshold: items.reduce((n, i) => n + i.eur, 0) >= threshold,
  thresholdEur: threshold,
});

const rule = (condition: GoodsRule["condition"]): GoodsRule => ({
  id: "r",
  version: 2,
  name: "R",
  justification: "why",
  reviewDate: "2099-01-01",
  priority: "standard",
  action: "refer",
  condition,
});

describe("cash facts", () => {
  it("carry sums, kinds, currencies and the finding, and nothing about the carrier", () => {
    const facts = cashFacts(
      "detection",
      priced([
        { kind: "currency", currency: "USD", eur: 9_000 },
        { kind: "gold", currency: "EUR", eur: 3_000 },
        { kind: "currency", currency: "USD", eur: 500 },
      ]),
      "undeclared",
    );
    expect(facts).toEqual({
      "cash.totalEur": 12_500,
      "cash.declared": false,
      "cash.undeclared": true,
      "cash.finding": "undeclared",
      "cash.reachesThreshold": true,
      "cash.kinds": ["currency", "gold"],
      "cash.currencies": ["USD", "EUR"],
    });
    for (const field of Object.keys(facts)) expect(GOODS_FIELDS).toHaveProperty([field]);
    const declared = cashFacts(
      "declaration",
      priced([{ kind: "currency", currency: "EUR", eur: 500 }]),
      null,
    );
    expect(declared).toMatchObject({
      "cash.declared": true,
      "cash.undeclared": false,
      "cash.reachesThreshold": false,
    });
    expect(declared).not.toHaveProperty("cash.finding");
  });

  it("fire rules on amount and kind; a rule on the carrier's nationality is refused", () => {
    const facts = cashFacts(
      "detection",
      priced([{ kind: "gold", currency: "EUR", eur: 30_000 }]),
      "incomplete",
    );
    const gold = rule({
      all: [
        { field: "cash.kinds", op: "contains", value: "gold" },
        { field: "cash.totalEur", op: "gt", value: 25_000 },
        { field: "cash.undeclared", op: "eq", value: true },
      ],
    });
    expect(goodsRuleHits([gold], facts, "2026-12-01")).toEqual([
      {
        kind: "goods_rule",
        priority: "standard",
        requestedAction: 'Risk rule "R": review the check',
        evidence: { ruleId: "r", version: 2, justification: "why" },
      },
    ]);
    expect(goodsRuleHits([gold], { ...facts, "cash.totalEur": 25_000 }, "2026-12-01")).toEqual([]);
    const person = rule({
      all: [
        { field: "cash.undeclared", op: "eq", value: true },
        { field: "traveller.nationality", op: "eq", value: "HR" },
      ],
    });
    expect(nonGoodsFields(person)).toEqual(["traveller.nationality"]);
    expect(
      evaluateGoodsRules(
        [person],
        { ...facts, ["traveller.nationality" as "cash.finding"]: "HR" },
        "2026-12-01",
      ),
    ).toEqual([]);
  });
});

describe("firearm facts", () => {
  const hit = (status: string) => ({ record: { status } }) as unknown as FirearmHit;

  it("carry the list hit, the type and an obliterated serial", () => {
    expect(firearmFacts({ serial: "ab-12?4*", type: " Pistol " }, [hit("stolen"), hit("stolen")])).toEqual({
      "firearm.listed": true,
      "firearm.listedStatus": ["stolen"],
      "firearm.type": "pistol",
      "firearm.serialObliterated": true,
      "firearm.unreadableCharacters": 2,
    });
    const intact = firearmFacts({ serial: "AB1234" }, []);
    expect(intact).toEqual({
      "firearm.listed": false,
      "firearm.listedStatus": [],
      "firearm.serialObliterated": false,
      "firearm.unreadableCharacters": 0,
    });
    // Recorded as obliterated by the officer even where every character was read.
    expect(
      firearmFacts({ serial: "AB1234", markings: { serialCondition: "partly_obliterated" } }, []),
    ).toMatchObject({ "firearm.serialObliterated": true });
  });

  it("fire a rule on a trafficked listed firearm", () => {
    const trafficked = rule({ field: "firearm.listedStatus", op: "contains", value: "trafficked" });
    expect(
      evaluateGoodsRules([trafficked], firearmFacts({ serial: "X1" }, [hit("trafficked")]), "2026-12-01"),
    ).toHaveLength(1);
    expect(
      evaluateGoodsRules([trafficked], firearmFacts({ serial: "X1" }, [hit("lost")]), "2026-12-01"),
    ).toHaveLength(0);
  });
});
