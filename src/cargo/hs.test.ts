import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { realData } from "../../test/support/paths.js";
import { createHsNomenclature, parseHsCsv } from "./hs.js";
import { contradictedChapters, DEFAULT_DUAL_USE_CODES, DEFAULT_PRECURSOR_CODES } from "./indicators.js";

const hs = createHsNomenclature(parseHsCsv(readFileSync(realData("goods", "hs-nomenclature.csv"), "utf8")));

describe("HS nomenclature", () => {
  it("holds every code of the nomenclature", () => {
    // 6,940 rows: 6,939 codes and the "TOTAL" row of all commodities.
    expect(hs.size).toBe(6939);
  });

  it("looks a code up at its most precise level, national extensions at six digits", () => {
    expect(hs.lookup("9302.00")).toMatchObject({ found: "exact", entry: { code: "930200" } });
    expect(hs.lookup("93020010")).toMatchObject({ found: "exact", entry: { code: "930200" } });
    expect(hs.lookup("9302")).toMatchObject({ found: "exact", entry: { code: "9302", level: 4 } });
    expect(hs.lookup("930299")).toMatchObject({
      found: "partial",
      entry: { code: "9302" },
      chapter: { code: "93" },
    });
    // Chapter 77 is reserved for future use in the HS.
    expect(hs.lookup("770000").found).toBe("none");
    expect(hs.lookup("93A").found).toBe("none");
  });

  it("every configured precursor and dual-use code exists in the nomenclature", () => {
    for (const code of [...DEFAULT_PRECURSOR_CODES, ...DEFAULT_DUAL_USE_CODES]) {
      expect(hs.lookup(code).found, code).toBe("exact");
    }
    expect(hs.lookup("293942").entry?.description).toContain("pseudoephedrine");
  });

  it("a description naming another sensitive chapter's goods contradicts the code", () => {
    expect(contradictedChapters("Office chairs with 9mm pistols", "940130")).toEqual(["93"]);
    expect(contradictedChapters("Sporting rifles", "930320")).toEqual([]);
    expect(contradictedChapters("Fireworks for the new year", "950590")).toEqual(["36"]);
    expect(contradictedChapters("Pistol grip drill", "846721")).toEqual(["93"]);
    expect(contradictedChapters("Cotton T-shirts", "610910")).toEqual([]);
  });
});
