import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ScriptCosts, weightedDistance } from "./learned.js";
import { TRANSLIT_COSTS } from "./translit-costs.js";

const letters = fc.constantFrom(..."abdehiklmnorsuy");
const word = fc.array(letters, { minLength: 1, maxLength: 9 }).map((a) => a.join(""));

/** A hand-written table: keeping a letter is free, everything else costs 2, unless `multi` says less. */
function table(multi?: Record<string, number>): ScriptCosts {
  const sub: Record<string, number> = {};
  for (const c of "abdefhiklmnorstuy") sub[c + c] = 0;
  return { sub, del: {}, ins: {}, multi, unseen: 2, referCost: 1 };
}

describe("learned weighted distance", () => {
  it("prices a digraph written as one letter, and one letter written as two, as one operation", () => {
    const costs = table({ "kh>h": 0.5, "u>ou": 0.3, "iy>i": 0.4 });
    expect(weightedDistance(costs, "khasan", "hasan")).toBe(0.5);
    expect(weightedDistance(costs, "yusuf", "youssouf")).toBeCloseTo(0.3 + 2 + 0.3, 9);
    expect(weightedDistance(costs, "dmitriy", "dmitri")).toBe(0.4);
    expect(weightedDistance(table(), "khasan", "hasan")).toBe(2);
  });

  it("never costs more with multi-letter operations than letter by letter (property)", () => {
    const multi = { "kh>h": 0.5, "u>ou": 0.3, "iy>i": 0.4, "sh>s": 1, "a>": 1.5, "ay>e": 0.7 };
    fc.assert(
      fc.property(word, word, (a, b) => {
        const plain = weightedDistance(table(), a, b);
        expect(weightedDistance(table(multi), a, b)).toBeLessThanOrEqual(plain + 1e-9);
        // Without multi-letter operations it is the edit distance at cost 2 an edit: never above 2 × max.
        expect(plain).toBeLessThanOrEqual(2 * Math.max(a.length, b.length));
      }),
      { numRuns: 500, seed: 14 },
    );
  });

  it("learned from the training pairs, keeps digraphs of the romanisation cheap", () => {
    const cyrillic = TRANSLIT_COSTS.scripts.cyrillic!;
    // Romanised Хасан (khasan) is written Hasan as often as Khasan: far cheaper than another letter.
    expect(weightedDistance(cyrillic, "khasan", "hasan")).toBeLessThan(
      weightedDistance(cyrillic, "khasan", "basan"),
    );
    expect(Object.keys(cyrillic.multi ?? {}).length).toBeGreaterThan(0);
  });
});
