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
    expect(r).toMatchObject({ population: 200, hits: 20, overallHitRate: 0.1, warnings: [] });
    expect(r.byNationality).toEqual([
      { group: "AA", population: 100, hits: 10, hitRate: 0.1, disparity: 1 },
      { group: "BB", population: 100, hits: 10, hitRate: 0.1, disparity: 1 },
    ]);
  });

  it("warns when a group is hit more than three times as often as everyone", () => {
    const r = fairnessReport([
      { nationality: "AA", sex: "M", population: 100, hits: 30 },
      { nationality: "BB", sex: "M", population: 900, hits: 10 },
    ]);
    expect(r.warnings).toEqual(["nationality AA: hit rate 7.5× the overall rate (30.0% against 4.0%)"]);
    // Exactly three times is not above three times.
    const edge = fairnessReport([
      { nationality: "AA", sex: null, population: 20, hits: 6 },
      { nationality: "BB", sex: null, population: 40, hits: 0 },
    ]);
    expect(edge.warnings).toEqual([]);
  });

  it("suppresses groups under 20 persons, and warns about none of them", () => {
    const r = fairnessReport([
      { nationality: "AA", sex: "F", population: 100, hits: 1 },
      { nationality: "CC", sex: "F", population: 19, hits: 19 },
      { nationality: "DD", sex: "F", population: 3, hits: 0 },
    ]);
    expect(r.byNationality).toEqual([
      { group: "AA", population: 100, hits: 1, hitRate: 0.01, disparity: expect.any(Number) },
      { group: "suppressed", population: 22, suppressed: true, groups: 2 },
    ]);
    expect(JSON.stringify(r.byNationality)).not.toContain("CC");
    expect(r.warnings).toEqual([]);
  });

  it("names the dimension in a warning, and orders equal groups by name", () => {
    const r = fairnessReport([
      { nationality: "BB", sex: "male", population: 50, hits: 20 },
      { nationality: "BB", sex: "female", population: 50, hits: 0 },
      { nationality: "AA", sex: "female", population: 400, hits: 0 },
    ]);
    expect(r.warnings).toEqual([
      "nationality BB: hit rate 5.0× the overall rate (20.0% against 4.0%)",
      "sex male: hit rate 10.0× the overall rate (40.0% against 4.0%)",
    ]);
    const tie = fairnessReport([
      { nationality: "ZZ", sex: "male", population: 30, hits: 0 },
      { nationality: "AA", sex: "female", population: 30, hits: 0 },
    ]);
    expect(tie.byNationality.map((g) => g.group)).toEqual(["AA", "ZZ"]);
    expect(tie.bySex.map((g) => g.group)).toEqual(["female", "male"]);
  });

  it("has no disparity when nothing was hit", () => {
    const r = fairnessReport([{ nationality: "AA", sex: "M", population: 30, hits: 0 }]);
    expect(r.byNationality[0]).toMatchObject({ hitRate: 0, disparity: null });
  });
});
