// The guard judged on what a rule selects: the attack suite (all refused), the legitimate suite (all
// accepted), and generated rules that wrap a protected test in tautologies, contradictions and
// non-selective partners (all refused), over the committed synthetic population.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Condition, checkRule, type Rule } from "../../src/rules/index.js";
import { syntheticPopulation } from "../../src/rules/population.js";
import { ATTACKS, LEGITIMATE, t } from "../fixtures/rules/suites.js";

const population = syntheticPopulation();

function rule(condition: Condition): Rule {
  return {
    id: "r1",
    version: 1,
    name: "suite rule",
    owner: "risk-analysis-unit",
    justification: "Pattern from the 2026 regional risk analysis of document fraud cases",
    evidence: "RA-2026-014",
    reviewDate: "2099-06-30",
    priority: "standard",
    action: "refer",
    condition,
  };
}

const judge = (c: Condition) => checkRule(rule(c), { population });

describe("the guard's attack suite", () => {
  it("holds at least 40 attacks and 20 legitimate rules", () => {
    expect(ATTACKS.length).toBeGreaterThanOrEqual(40);
    expect(LEGITIMATE.length).toBeGreaterThanOrEqual(20);
  });
  it.each(ATTACKS)("refuses: %s", (_name, condition) => {
    const r = judge(condition);
    expect(r.ok).toBe(false);
    expect(r.reasons.join(" ")).toMatch(/alternative|condition|prohibited|proxy/);
  });
  it.each(LEGITIMATE)("accepts: %s", (_name, condition) => {
    expect(judge(condition)).toEqual({ ok: true, reasons: [] });
  });
});

// Generated rules: a protected test, beside partners that select nearly everyone or no one, wrapped in
// double negations, tautologies (S or not S) and contradictions (S and not S). Every one must be refused.
const place = fc.stringMatching(/^[A-Z]{3}$/).map((p) => `Q${p}`);
const protectedTest = fc.oneof(
  fc.constantFrom("XX", "YY", "ZZ").map((n) => t("traveller.nationality", "eq", n)),
  fc.constant(t("traveller.nationality", "in", ["XX", "YY"])),
  fc.constantFrom("M", "F").map((s) => t("traveller.sex", "eq", s)),
  fc.integer({ min: 16, max: 70 }).map((a) => t("traveller.age", "lt", a)),
  fc.integer({ min: 16, max: 70 }).map((a) => t("traveller.age", "gte", a)),
);
const NUMERIC = [
  ["document.expiresInDays", -3650, 3650],
  ["travel.tripsLast90Days", 0, 90],
  ["booking.hoursBeforeDeparture", 0, 8760],
  ["manifest.watchlistedCoTravellers", 0, 500],
] as const;
const nonSelective = fc.oneof(
  fc
    .constantFrom(
      "route.origin",
      "route.destination",
      "document.type",
      "travel.tripsLast90Days",
      "booking.oneWay",
    )
    .map((f) => t(f, "exists")),
  place.map((p) => t("route.origin", "neq", p)),
  fc.array(place, { minLength: 1, maxLength: 3 }).map((ps) => t("route.destination", "nin", ps)),
  place.map((p): Condition => ({ not: t("route.origin", "eq", p) })),
  fc.constantFrom(...NUMERIC).chain(([f, min, max]) =>
    fc.oneof(
      fc.integer({ min: 1, max: 10_000 }).map((k) => t(f, "gte", min - k)),
      fc.integer({ min: 1, max: 10_000 }).map((k) => t(f, "lte", max + k)),
      fc.integer({ min: 1, max: 10_000 }).map((k): Condition => ({ not: t(f, "gt", max + k) })),
    ),
  ),
  fc.constantFrom("never", "yes", 1, "true").map((v) => t("booking.oneWay", "eq", v)),
  fc.constant(t("traveller.sex", "in", ["M", "F", "X"])),
  fc.constant(t("booking.paymentMethod", "in", ["card", "cash", "invoice", "miles", "voucher"])),
  fc.constant(t("route.transit", "nin", ["IST"])),
);
const selective = fc.oneof(
  place.map((p) => t("route.origin", "eq", p)),
  fc.integer({ min: 1, max: 30 }).map((d) => t("document.expiresInDays", "lt", d)),
  fc.constant(t("booking.paymentMethod", "eq", "cash")),
);
/** A condition that holds for everyone (S or not S) or for no one (S and not S), around a selective S. */
const tautology = selective.map((s): Condition => ({ any: [s, { not: s }] }));
const contradiction = selective.map((s): Condition => ({ all: [s, { not: s }] }));

const wrapped = fc
  .record({
    p: protectedTest,
    partners: fc.array(fc.oneof(nonSelective, tautology), { minLength: 0, maxLength: 3 }),
    dead: fc.array(contradiction, { maxLength: 2 }),
    negations: fc.constantFrom(0, 2, 4),
    hideIn: fc.array(selective, { maxLength: 3 }),
  })
  .map(({ p, partners, dead, negations, hideIn }): Condition => {
    let c: Condition = { all: [p, ...partners] };
    for (let i = 0; i < negations; i++) c = { not: c };
    // The protected alternative hidden among legitimate ones and alternatives that can never fire.
    return { any: [...hideIn.map((s) => ({ all: [s, t("booking.oneWay", "eq", true)] })), ...dead, c] };
  });

describe("generated attacks", () => {
  it("refuses every protected test wrapped in tautologies, contradictions and broad partners", () => {
    fc.assert(
      fc.property(wrapped, (c) => {
        const r = judge(c);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 300, seed: 12 },
    );
  });
  it("refuses a protected test beside a selective one made broad by an 'or not' of itself", () => {
    fc.assert(
      fc.property(protectedTest, selective, (p, s) => {
        expect(judge({ all: [p, { any: [s, { not: s }] }] }).ok).toBe(false);
      }),
      { numRuns: 200, seed: 13 },
    );
  });
});
