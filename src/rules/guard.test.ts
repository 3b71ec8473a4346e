import { describe, expect, it } from "vitest";
import { fires } from "./evaluate.js";
import { checkRule } from "./guard.js";
import type { Condition, Rule } from "./model.js";

function rule(condition: Condition): Rule {
  return {
    id: "r1",
    version: 1,
    name: "test rule",
    owner: "risk-analysis-unit",
    justification: "Pattern seen in the 2026 regional risk analysis of document fraud cases",
    evidence: "RA-2026-014",
    reviewDate: "2027-06-30",
    priority: "standard",
    action: "refer",
    condition,
  };
}

const t = (field: string, op: string, value?: unknown): Condition =>
  ({ field, op, ...(value === undefined ? {} : { value }) }) as Condition;

const REJECTED: [string, Condition][] = [
  ["nationality alone", t("traveller.nationality", "eq", "XX")],
  ["nationality in a list alone", t("traveller.nationality", "in", ["XX", "YY"])],
  ["nationality excluded alone", { not: t("traveller.nationality", "eq", "XX") }],
  ["sex and age", { all: [t("traveller.sex", "eq", "F"), t("traveller.age", "lt", 30)] }],
  ["age alone", t("traveller.age", "lt", 25)],
  ["sex alone", t("traveller.sex", "eq", "M")],
  ["sex with nationality", { all: [t("traveller.sex", "eq", "M"), t("traveller.nationality", "eq", "XX")] }],
  [
    "age, sex and nationality",
    {
      all: [
        t("traveller.age", "gte", 18),
        t("traveller.sex", "eq", "M"),
        t("traveller.nationality", "eq", "XX"),
      ],
    },
  ],
  ["religion", t("traveller.religion", "eq", "any")],
  [
    "ethnicity hidden in an any",
    { any: [t("route.origin", "eq", "IST"), t("traveller.ethnicity", "eq", "x")] },
  ],
  ["race", { all: [t("booking.oneWay", "eq", true), t("traveller.race", "eq", "x")] }],
  ["political opinion", t("traveller.politicalOpinion", "exists")],
  ["health", { all: [t("traveller.health", "eq", "x"), t("route.destination", "eq", "VIE")] }],
  ["sexual orientation", { not: t("traveller.sexualOrientation", "eq", "x") }],
  [
    "name-origin classifier proxy",
    { all: [t("traveller.nameOrigin", "eq", "x"), t("booking.oneWay", "eq", true)] },
  ],
  ["meal preference proxy", t("traveller.mealPreference", "eq", "halal")],
  ["unknown fact", t("traveller.shoeSize", "gt", 44)],
];

const ACCEPTED: [string, Condition][] = [
  [
    "route via Y, booked < 24 h before departure, paid cash",
    {
      all: [
        t("route.transit", "contains", "IST"),
        t("booking.hoursBeforeDeparture", "lt", 24),
        t("booking.paymentMethod", "eq", "cash"),
      ],
    },
  ],
  [
    "one-way with a document issued in the last week",
    { all: [t("booking.oneWay", "eq", true), t("document.issuedDaysAgo", "lt", 7)] },
  ],
  ["document expiring within 30 days on a long trip", t("document.expiresInDays", "lt", 30)],
  ["repeated short trips", t("travel.shortTripsLast90Days", "gte", 4)],
  ["co-traveller on a watchlist", t("manifest.watchlistedCoTravellers", "gte", 1)],
  [
    "a religious site as destination is a place, not a proxy",
    { all: [t("route.destination", "eq", "MED"), t("booking.hoursBeforeDeparture", "lt", 12)] },
  ],
  [
    "nationality with a travel pattern",
    {
      all: [
        t("traveller.nationality", "eq", "XX"),
        t("travel.tripsLast90Days", "gte", 6),
        t("booking.oneWay", "eq", true),
      ],
    },
  ],
  [
    "age with a behavioural fact",
    { all: [t("traveller.age", "lt", 18), t("manifest.watchlistedCoTravellers", "gte", 1)] },
  ],
  ["any of two routes", { any: [t("route.origin", "eq", "AAA"), t("route.origin", "eq", "BBB")] }],
  [
    "document type and cash",
    { all: [t("document.type", "eq", "emergency"), t("booking.paymentMethod", "eq", "cash")] },
  ],
];

describe("prohibited-grounds guard", () => {
  it.each(REJECTED)("rejects: %s", (_name, condition) => {
    const r = checkRule(rule(condition));
    expect(r.ok).toBe(false);
    expect(r.reasons.length).toBeGreaterThan(0);
  });
  it.each(ACCEPTED)("accepts: %s", (_name, condition) => {
    expect(checkRule(rule(condition))).toEqual({ ok: true, reasons: [] });
  });
  it("explains why", () => {
    expect(checkRule(rule(t("traveller.nationality", "eq", "XX"))).reasons[0]).toMatch(/nationality alone/);
    expect(checkRule(rule(t("traveller.religion", "eq", "x"))).reasons[0]).toMatch(
      /religion or belief, a prohibited ground/,
    );
    expect(
      checkRule(rule({ all: [t("traveller.sex", "eq", "F"), t("traveller.age", "lt", 30)] })).reasons[0],
    ).toMatch(/selects by sex and age: .*no selective test on a behavioural or travel fact/);
  });
  it("requires owner, justification, evidence and review date", () => {
    const r = checkRule({
      ...rule(t("booking.oneWay", "eq", true)),
      justification: "because",
      evidence: "",
      reviewDate: "soon",
    });
    expect(r.reasons).toEqual([
      "the rule needs a written justification",
      "the rule needs an evidence reference",
      "the rule needs a review date (YYYY-MM-DD)",
    ]);
  });
});

describe("evaluation", () => {
  const r = rule({
    all: [
      t("route.transit", "contains", "IST"),
      t("booking.hoursBeforeDeparture", "lt", 24),
      t("booking.paymentMethod", "eq", "cash"),
    ],
  });
  it("fires on matching facts and never on missing ones", () => {
    expect(
      fires(
        r,
        { "route.transit": ["IST"], "booking.hoursBeforeDeparture": 5, "booking.paymentMethod": "cash" },
        "2026-11-28",
      ),
    ).toBe(true);
    expect(fires(r, { "route.transit": ["IST"], "booking.paymentMethod": "cash" }, "2026-11-28")).toBe(false);
  });
  it("stops firing after its review date", () => {
    expect(
      fires(
        r,
        { "route.transit": ["IST"], "booking.hoursBeforeDeparture": 5, "booking.paymentMethod": "cash" },
        "2027-07-01",
      ),
    ).toBe(false);
  });
});
