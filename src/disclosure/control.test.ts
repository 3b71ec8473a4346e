import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Counts, disclosureControl, publish, type WindowCounts, withheldRanges } from "./index.js";

interface Cell extends Counts {
  nationality: string;
  sex: string;
}

function windowOf(cells: readonly Cell[]): WindowCounts {
  const dimensions: Record<string, Record<string, Counts>> = { nationality: {}, sex: {} };
  const total = { population: 0, hits: 0 };
  for (const c of cells) {
    for (const [dim, g] of [
      ["nationality", c.nationality],
      ["sex", c.sex],
    ] as const) {
      const m = dimensions[dim]![g] ?? { population: 0, hits: 0 };
      dimensions[dim]![g] = m;
      m.population += c.population;
      m.hits += c.hits;
    }
    total.population += c.population;
    total.hits += c.hits;
  }
  return { total, dimensions };
}

/** A wider window and the narrower one inside it: each cell of the narrow one at most the wide one's. */
const tables = fc
  .array(
    fc.record({
      nationality: fc.constantFrom("AA", "BB", "CC", "DD", "EE", "FF"),
      sex: fc.constantFrom("M", "F", "X"),
      population: fc.integer({ min: 1, max: 60 }),
      rate: fc.double({ min: 0, max: 1, noNaN: true }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((raw) => {
    const wide: Cell[] = raw.map((r) => ({
      nationality: r.nationality,
      sex: r.sex,
      population: r.population,
      hits: Math.round(r.population * r.rate),
    }));
    const narrow: Cell[] = raw.map((r, i) => {
      const population = Math.floor(r.population * r.share);
      return { ...wide[i]!, population, hits: Math.min(population, Math.floor(wide[i]!.hits * r.share)) };
    });
    return [windowOf(narrow.filter((c) => c.population > 0)), windowOf(wide)];
  });

describe("disclosure control", () => {
  it("leaves every withheld count at least 5 possible values, with all published figures at once", () => {
    fc.assert(
      fc.property(tables, fc.constantFrom(10, 20), (windows, minCell) => {
        const d = disclosureControl(windows, { minCell });
        const pub = publish(windows, d);
        for (const [key, range] of withheldRanges(pub)) {
          const [w, dim, group, what] = key.split("|") as [string, string, string, "p" | "h"];
          const truth = windows[Number(w)]!.dimensions[dim]![group] ?? { population: 0, hits: 0 };
          const value = what === "p" ? truth.population : truth.hits;
          // The true count is among the possible ones (the bounds are sound)…
          expect(value).toBeGreaterThanOrEqual(range.lo);
          expect(value).toBeLessThanOrEqual(range.hi);
          // …and there are at least five of them, unless the window holds fewer than five persons at all,
          // or the dimension is one group whose population is the published total.
          const win = windows[Number(w)]!;
          const alone = Object.keys(win.dimensions[dim]!).length === 1 && what === "p";
          if (win.total.population >= 5 && !alone) expect(range.hi - range.lo + 1).toBeGreaterThanOrEqual(5);
        }
        // A withheld group appears in no window.
        for (const [dim, groups] of Object.entries(d.withheld))
          for (const win of pub.windows)
            for (const g of groups) expect(win.dimensions[dim]).not.toHaveProperty(g);
      }),
      { numRuns: 300, seed: 2026 },
    );
  });

  it("withholds with a minimum of 10 for the regional exchange as well as 20", () => {
    const w = windowOf([
      { nationality: "AA", sex: "F", population: 15, hits: 3 },
      { nationality: "BB", sex: "F", population: 15, hits: 2 },
      { nationality: "CC", sex: "M", population: 40, hits: 9 },
    ]);
    expect(disclosureControl([w], { minCell: 10 }).withheld.nationality).toEqual([]);
    expect(disclosureControl([w], { minCell: 20 }).withheld.nationality).toEqual(["AA", "BB"]);
  });

  it("cannot be subtracted: one small group beside a large one takes a second group with it", () => {
    const w = windowOf([
      { nationality: "AA", sex: "F", population: 300, hits: 30 },
      { nationality: "BB", sex: "F", population: 50, hits: 5 },
      { nationality: "CC", sex: "F", population: 7, hits: 7 },
    ]);
    const d = disclosureControl([w], { minCell: 20 });
    expect(d.withheld.nationality).toEqual(["CC", "BB"]);
    const ranges = withheldRanges(publish([w], d));
    expect(ranges.get("0|nationality|CC|h")).toEqual({ lo: 0, hi: 12 });
  });
});
