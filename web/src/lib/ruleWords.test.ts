import { describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { FIELDS, OPERATORS } from "./rules";
import { ruleInWords } from "./ruleWords";

describe("ruleInWords", () => {
  it("says the issue's example rule in words", () => {
    expect(
      ruleInWords({
        all: [
          { field: "route.origin", op: "eq", value: "NGLOS" },
          { field: "document.expiresInDays", op: "lt", value: 30 },
        ],
      }),
    ).toBe("origin is NGLOS and the document expires in under 30 days");
  });

  it.each([
    [{ field: "route.origin", op: "eq", value: "NGLOS" }, "origin is NGLOS"],
    [{ field: "route.origin", op: "neq", value: "NGLOS" }, "origin is not NGLOS"],
    [{ field: "route.origin", op: "in", value: ["NGLOS", "GHACC"] }, "origin is one of NGLOS, GHACC"],
    [{ field: "traveller.nationality", op: "nin", value: ["HR", "SI"] }, "nationality is none of HR, SI"],
    [{ field: "document.expiresInDays", op: "lt", value: 30 }, "the document expires in under 30 days"],
    [{ field: "traveller.age", op: "lte", value: 17 }, "the traveller is at most 17 years old"],
    [{ field: "travel.tripsLast90Days", op: "gt", value: 5 }, "over 5 trips in the last 90 days"],
    [
      { field: "booking.hoursBeforeDeparture", op: "gte", value: 1000 },
      "booked at least 1,000 hours before departure",
    ],
    [{ field: "route.transit", op: "contains", value: "TRIST" }, "the transit points include TRIST"],
    [{ field: "booking.paymentMethod", op: "exists" }, "payment is known"],
  ])("%j reads “%s”", (condition, words) => {
    expect(ruleInWords(condition)).toBe(words);
  });

  it("has words for every operator of the rule model, on a text fact and on a number fact", () => {
    for (const op of OPERATORS) {
      for (const [field, value] of [
        ["route.origin", ["NGLOS"]],
        ["traveller.age", 40],
      ] as const) {
        const words = ruleInWords({ field, op, value });
        expect(words, `${field} ${op}`).not.toContain("{");
        expect(words, `${field} ${op}`).not.toContain(field);
      }
    }
  });

  it("names every fact of the rule model", () => {
    expect(Object.keys(en.ruleWords.fields).sort()).toEqual(Object.keys(FIELDS).sort());
  });

  it("says yes/no facts outright, and number comparisons the generic way where a fact has no sentence", () => {
    expect(ruleInWords({ field: "booking.oneWay", op: "eq", value: true })).toBe("the ticket is one way");
    expect(ruleInWords({ field: "booking.oneWay", op: "neq", value: true })).toBe("the ticket is a return");
    expect(ruleInWords({ field: "traveller.age", op: "in", value: [17, 18] })).toBe("age is one of 17, 18");
  });

  it("brackets nested combinations and negations", () => {
    expect(
      ruleInWords({
        any: [
          { not: { field: "traveller.sex", op: "eq", value: "F" } },
          {
            all: [
              { field: "route.destination", op: "eq", value: "HRZAG" },
              { field: "booking.oneWay", op: "eq", value: true },
            ],
          },
        ],
      }),
    ).toBe("not (sex is F) or (destination is HRZAG and the ticket is one way)");
  });

  it("shows an unknown operator as JSON rather than guessing", () => {
    expect(ruleInWords({ field: "route.origin", op: "near", value: "X" })).toBe(
      '{"field":"route.origin","op":"near","value":"X"}',
    );
  });
});
