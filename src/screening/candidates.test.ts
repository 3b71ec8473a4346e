import { describe, expect, it } from "vitest";
import { CandidateScratch, findCandidates, MAX_CANDIDATES } from "./candidates.js";
import { extraPenaltyFor } from "./compare.js";
import type { Entity } from "./entity.js";
import { buildIndex, dfWeight, type Index, similarVocab } from "./name-index.js";
import { createScreener } from "./screener.js";
import { tokenizeName } from "./tokens.js";

function person(i: number, name: string, birth: string): Entity {
  return {
    id: `t:${i}`,
    list: "t",
    sourceRef: String(i),
    schema: "person",
    name,
    aliases: [],
    birthDates: [{ kind: "date", date: birth }],
    placesOfBirth: [],
    nationalities: ["ES"],
    documents: [],
    programmes: [],
  };
}

const birth = (i: number) => `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`;
// A common full name listed many times over (as in a million-person list), other Marias, and one
// Maria Garcia with a rare third part.
const COMMON = 300;
const ENTITIES: Entity[] = [
  ...Array.from({ length: COMMON }, (_, i) => person(i, "Maria Garcia", birth(i))),
  ...["Lopez", "Perez", "Sanchez", "Romero", "Navarro"].map((s, i) =>
    person(COMMON + i, `Maria ${s}`, "1970-01-01"),
  ),
  person(COMMON + 5, "Maria Garcia Zelenkova", "1981-05-17"),
];

function candidateEntities(index: Index, name: string): Set<number> {
  const tokens = tokenizeName(name, "person");
  const perToken = tokens.map((t) => similarVocab(index, t));
  const names = findCandidates(
    index,
    new CandidateScratch(index.names.count),
    tokens,
    perToken,
    "person",
    0.75,
    extraPenaltyFor("person"),
  );
  return new Set(names.map((n) => index.names.entity[n]!));
}

describe("candidate bound with document-frequency weights", () => {
  const index = buildIndex(ENTITIES);

  it("weighs a part by the share of names that contain it", () => {
    expect(dfWeight(1, 1000)).toBe(1);
    expect(dfWeight(10, 1000)).toBeCloseTo(0.67, 2);
    expect(dfWeight(100, 1000)).toBeCloseTo(0.35, 2);
    expect(dfWeight(0, 1000)).toBe(1);
  });

  it("does not let a common name flood the candidates of a query with a rare part", () => {
    // Each listed Maria Garcia would score 0.85 on the name alone (a dropped third part), which the
    // bound with equal weights lets through: a hundred of them would be aligned.
    const found = candidateEntities(index, "Maria Garcia Zelenkova");
    expect(found.has(COMMON + 5)).toBe(true);
    expect(found.size).toBeLessThan(5);
  });

  it("still aligns every name whose parts all match the query's, past the candidate limit", () => {
    expect(COMMON).toBeGreaterThan(MAX_CANDIDATES);
    const found = candidateEntities(index, "Marai Garcia");
    for (let i = 0; i < COMMON; i++) expect(found.has(i)).toBe(true);
    const screener = createScreener(ENTITIES);
    const last = COMMON - 1;
    const r = screener.screen({ name: "Marai Garcai", birthDate: birth(last), nationalities: ["ES"] });
    expect(r.matches[0]?.sourceRef).toBe(String(last));
    expect(r.matches[0]?.decision).toBe("refer");
  });
});
