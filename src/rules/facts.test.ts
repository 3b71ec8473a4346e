import { describe, expect, it } from "vitest";
import type { Traveller } from "../travel/index.js";
import { evaluateRules } from "./evaluate.js";
import { ageOn, factsFor } from "./facts.js";
import type { Rule } from "./model.js";

// A fictional traveller on a two-leg flight.
const traveller: Traveller = {
  surname: "Lindqvist",
  givenNames: "Astrid",
  gender: "female",
  birthDate: "1958-09-30",
  nationality: "SE",
  role: "passenger",
  documents: [{ type: "P", number: "91234567", issuingCountry: "SE", expiry: "2026-12-15" }],
};
const legs = [
  { departure: { location: "ARN" }, arrival: { location: "IST" } },
  { departure: { location: "IST" }, arrival: { location: "BEG" } },
];

describe("factsFor", () => {
  it("reads traveller, document, route and trip facts", () => {
    expect(
      factsFor(traveller, { legs, tripsLast90Days: 3, watchlistedCoTravellers: 1 }, "2026-11-29"),
    ).toEqual({
      "traveller.nationality": "SE",
      "traveller.sex": "F",
      "traveller.age": 68,
      "document.type": "P",
      "document.expiresInDays": 16,
      "route.origin": "ARN",
      "route.destination": "BEG",
      "route.transit": ["IST"],
      "travel.tripsLast90Days": 3,
      "manifest.watchlistedCoTravellers": 1,
    });
  });

  it("leaves out what the sources do not say, rather than guess", () => {
    const sparse: Traveller = {
      surname: "Doe",
      givenNames: "",
      role: "passenger",
      documents: [],
      birthDate: "1970",
    };
    expect(factsFor(sparse, {}, "2026-11-29")).toEqual({});
  });

  it("reads booking facts, and the ports a traveller boards and leaves at when no legs are sent", () => {
    const seafarer: Traveller = {
      surname: "Doe",
      givenNames: "Jo",
      gender: "other",
      role: "crew",
      embarkation: "NLRTM",
      disembarkation: "DEHAM",
      documents: [{ type: "S", number: "X1", expiry: "2026-11-28" }],
    };
    expect(
      factsFor(
        seafarer,
        {
          booking: { hoursBeforeDeparture: 0, paymentMethod: "cash", oneWay: false },
          shortTripsLast90Days: 0,
        },
        "2026-11-29",
      ),
    ).toEqual({
      "traveller.sex": "X",
      "document.type": "S",
      "document.expiresInDays": -1,
      "route.origin": "NLRTM",
      "route.destination": "DEHAM",
      "booking.hoursBeforeDeparture": 0,
      "booking.paymentMethod": "cash",
      "booking.oneWay": false,
      "travel.shortTripsLast90Days": 0,
    });
  });

  it("counts age in whole years from a full birth date only", () => {
    expect(ageOn("2008-11-30", "2026-11-29")).toBe(17);
    expect(ageOn("2008-11-29", "2026-11-29")).toBe(18);
    expect(ageOn("2008", "2026-11-29")).toBeUndefined();
  });
});

describe("evaluateRules", () => {
  const rule = (id: string, reviewDate: string, value: string): Rule => ({
    id,
    version: 2,
    name: `via ${value}`,
    owner: "ra",
    justification: "Transit pattern from the 2026 risk analysis of facilitated travel",
    evidence: "RA-1",
    reviewDate,
    priority: "high",
    action: "refer",
    condition: {
      all: [
        { field: "route.transit", op: "contains", value },
        { field: "document.expiresInDays", op: "lt", value: 30 },
      ],
    },
  });

  it("returns the hits of the rules that fire and have not expired", () => {
    const facts = factsFor(traveller, { legs }, "2026-11-29");
    expect(
      evaluateRules(
        [rule("a", "2027-01-01", "IST"), rule("b", "2027-01-01", "VIE"), rule("c", "2026-11-28", "IST")],
        facts,
        "2026-11-29",
      ),
    ).toEqual([{ ruleId: "a", version: 2, name: "via IST", priority: "high", action: "refer" }]);
  });
});
