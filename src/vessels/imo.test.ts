import { describe, expect, it } from "vitest";
import { imoCheckDigit, isValidImo, normaliseImo } from "./imo.js";

// Weights 7..2 over positions 1..6: the misses are a change by 5 where the weight is even (6, 4, 2) and any
// even change where the weight is 5. Everything else, and every change of the check digit, is caught.
function predictedMiss(position: number, delta: number): boolean {
  if (position === 6) return false;
  const weight = 7 - position;
  return (weight * delta) % 10 === 0;
}

describe("IMO numbers", () => {
  it("accepts real IMO numbers and their written forms", () => {
    for (const n of ["9074729", "IMO 9074729", "imo9176187", " 8814275 "]) expect(isValidImo(n)).toBe(true);
    expect(normaliseImo("IMO 9074729")).toBe("9074729");
  });

  it("rejects wrong lengths and non-digits", () => {
    for (const n of ["", "907472", "90747290", "907472A", "15411", "IMO"]) expect(isValidImo(n)).toBe(false);
  });

  it("detects every single-digit error except the ones the weights cannot see", () => {
    // Property over a spread of valid bases: every substitution at every position.
    const misses = new Set<string>();
    let checked = 0;
    for (let base = 0; base < 1_000_000; base += 7919) {
      const six = String(base).padStart(6, "0");
      const valid = `${six}${imoCheckDigit(six)}`;
      expect(isValidImo(valid)).toBe(true);
      for (let pos = 0; pos < 7; pos++) {
        for (let d = 0; d <= 9; d++) {
          const original = Number(valid[pos]);
          if (d === original) continue;
          const changed = `${valid.slice(0, pos)}${d}${valid.slice(pos + 1)}`;
          checked++;
          const delta = (d - original + 10) % 10;
          if (isValidImo(changed)) misses.add(`${pos}:${delta}`);
          expect(isValidImo(changed)).toBe(predictedMiss(pos, delta));
        }
      }
    }
    expect(checked).toBeGreaterThan(7000);
    // The named exceptions, and only those, were seen.
    expect([...misses].sort()).toEqual(["1:5", "2:2", "2:4", "2:6", "2:8", "3:5", "5:5"]);
  });

  it("detects a change of the check digit itself", () => {
    const six = "907472";
    for (let d = 0; d <= 9; d++) expect(isValidImo(`${six}${d}`)).toBe(d === imoCheckDigit(six));
  });
});
