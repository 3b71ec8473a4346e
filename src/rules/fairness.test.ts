import { describe, expect, it } from "vitest";
import { fairnessReport } from "./fairness.js";

describe("fairnessReport", () => {
  it("gives each group's hit rate and disparity against the overall rate", () => {
    const r = fairnessReport([
      { nationality: "AA", sex: "F", population: 50, hits: 5 },
      { nationality: "AA", sex: "M", population: 50, hits: 5 },
      { nationality: "BB", sex: "F", population: 50, hits: 5 },
      { nationality: "BB", sex: "M", population: 50, hits: 5 },
    ]);
    expect(r).toMatchObject({ population: 200, hits: 20, overallHitRate: 0.1, warnings: [], notes: [] });
    expect(r.byNationality).toEqual([
      { group: "AA", population: 100, hits: 10, hitRate: 0.1, disparity: 1, warn: false },
      { group: "BB", population: 100, hits: 10, hitRate: 0.1, disparity: 1, warn: false },
    ]);
  });

  it("warns by an exact test when a group is hit far more often than everyone", () => {
    const r = fairnessReport([
      { nationality: "AA", sex: "M", population: 100, hits: 30 },
      { nationality: "BB", sex: "M", population: 900, hits: 10 },
    ]);
    expect(r.warnings).toEqual([
      expect.stringMatching(
        /^nationality AA: hit rate 7\.5× the overall rate \(30\.0% against 4\.0%; exact binomial test, p = 2\.1e-18\)$/,
      ),
    ]);
    // Three times the rate in a group of 20 is 6 hits where 2 are expected: not beyond chance.
    const edge = fairnessReport([
      { nationality: "AA", sex: null, population: 20, hits: 6 },
      { nationality: "BB", sex: null, population: 40, hits: 0 },
    ]);
    expect(edge.warnings).toEqual([]);
  });

  it("warns on 19 hits out of 19 in a group too small to show, and no figure reveals its count", () => {
    const r = fairnessReport([
      { nationality: "AA", sex: "F", population: 100, hits: 1 },
      { nationality: "CC", sex: "F", population: 19, hits: 19 },
      { nationality: "DD", sex: "F", population: 3, hits: 0 },
    ]);
    expect(r.byNationality).toEqual([
      { group: "AA", population: 100, hits: 1, hitRate: 0.01, disparity: expect.any(Number), warn: false },
      { group: "suppressed", population: 22, suppressed: true },
    ]);
    expect(r.warnings).toEqual([
      expect.stringMatching(/^nationality: a group too small to show is hit far more/),
    ]);
    expect(r.notes).toEqual(["nationality: 95% of hits fall in groups too small to show"]);
    const text = JSON.stringify(r);
    expect(text).not.toMatch(/CC|DD/);
    // What the published figures allow for the withheld groups: 19 hits between two groups of 22 persons,
    // sizes unknown, so either group may hold anything from 0 to 19 of them.
    expect(text).not.toMatch(/"groups"/);
  });

  it("withholds a second group when one alone could be subtracted from the total", () => {
    const r = fairnessReport([
      { nationality: "AA", sex: "F", population: 300, hits: 3 },
      { nationality: "BB", sex: "F", population: 40, hits: 1 },
      { nationality: "CC", sex: "F", population: 5, hits: 5 },
    ]);
    expect(r.byNationality.map((g) => g.group)).toEqual(["AA", "suppressed"]);
    expect(r.byNationality[1]).toEqual({ group: "suppressed", population: 45, suppressed: true });
  });

  it("does not let a small group's zero be worked out, and still names the group a proxy hits", () => {
    const r = fairnessReport([
      { nationality: "NG", sex: "F", population: 21, hits: 11 },
      { nationality: "SE", sex: "F", population: 21, hits: 0 },
      { nationality: "DE", sex: "F", population: 20, hits: 0 },
      { nationality: "FR", sex: "F", population: 20, hits: 0 },
      { nationality: "IT", sex: "F", population: 3, hits: 0 },
    ]);
    // Shown with NG, the hits would add up to the total and reveal that IT had none: NG goes too.
    expect(r.byNationality.map((g) => g.group)).toEqual(["SE", "FR", "suppressed"]);
    expect(r.warnings).toEqual([
      expect.stringMatching(/^nationality NG: hit far more often .*figures are withheld/),
    ]);
    expect(JSON.stringify(r.byNationality)).not.toMatch(/IT|DE/);
  });

  it("withholds every hit count when there are too few hits for any breakdown", () => {
    const r = fairnessReport([
      { nationality: "AA", sex: "F", population: 300, hits: 1 },
      { nationality: "BB", sex: "M", population: 5, hits: 1 },
    ]);
    expect(r).toMatchObject({ population: 305, hits: null, overallHitRate: null });
    expect(JSON.stringify(r)).not.toMatch(/"hits":\d/);
  });

  it("orders equal groups by name", () => {
    const tie = fairnessReport([
      { nationality: "ZZ", sex: "male", population: 30, hits: 0 },
      { nationality: "AA", sex: "female", population: 30, hits: 0 },
    ]);
    expect(tie.byNationality.map((g) => g.group)).toEqual(["AA", "ZZ"]);
    expect(tie.bySex.map((g) => g.group)).toEqual(["female", "male"]);
  });
});
