import { describe, expect, it } from "vitest";
import { CATEGORIES, checkContainer, containerCheckDigit } from "./container.js";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const value = (ch: string) => {
  let v = 10;
  for (const c of LETTERS) {
    if (v % 11 === 0) v++;
    if (c === ch) return v;
    v++;
  }
  return Number(ch);
};

/** The scheme's blind spots, named in container.ts: the sum unchanged modulo 11, or remainders 0 and 10. */
function predictedMiss(original: string, changed: string): boolean {
  const sum = (s: string) => [...s.slice(0, 10)].reduce((a, ch, i) => a + value(ch) * 2 ** i, 0) % 11;
  const [a, b] = [sum(original), sum(changed)];
  return a === b || (a === 0 && b === 10) || (a === 10 && b === 0);
}

describe("ISO 6346 container numbers", () => {
  it("accepts the standard's example number as written on a door", () => {
    // CSQU 305438 3 is the worked example of ISO 6346 Annex A.
    for (const n of ["CSQU3054383", "CSQU 305438 3", "csqu-305438-3"])
      expect(checkContainer(n).valid, n).toBe(true);
    expect(checkContainer("CSQU3054383")).toMatchObject({ owner: "CSQ", category: "U", serial: "305438" });
  });

  it("names the fault of a malformed number", () => {
    expect(checkContainer("CSQU3054384")).toMatchObject({
      valid: false,
      reason: "check digit 4 should be 3",
    });
    expect(checkContainer("CSQX3054383")).toMatchObject({ reason: expect.stringContaining("category") });
    expect(checkContainer("C5QU3054383")).toMatchObject({ reason: expect.stringContaining("owner code") });
    expect(checkContainer("CSQU305438")).toMatchObject({ reason: expect.stringContaining("seven digits") });
  });

  it("detects every single-character error except the named blind spots", () => {
    const owners = ["CSQ", "MSK", "TGH", "HLX", "ZIM", "APL"];
    let checked = 0;
    let missedLetters = 0;
    let missedRemainder = 0;
    for (const [k, owner] of owners.entries()) {
      for (const category of Object.keys(CATEGORIES)) {
        for (let serial = k * 13; serial < 1_000_000; serial += 99_991) {
          const ten = `${owner}${category}${String(serial).padStart(6, "0")}`;
          const valid = `${ten}${containerCheckDigit(ten)}`;
          expect(checkContainer(valid).valid).toBe(true);
          for (let pos = 0; pos < 11; pos++) {
            const alphabet = pos < 3 ? LETTERS : pos === 3 ? Object.keys(CATEGORIES).join("") : "0123456789";
            for (const ch of alphabet) {
              if (ch === valid[pos]) continue;
              const changed = `${valid.slice(0, pos)}${ch}${valid.slice(pos + 1)}`;
              checked++;
              const miss = pos < 10 && predictedMiss(valid, changed);
              expect(checkContainer(changed).valid, changed).toBe(miss);
              if (miss && pos < 3) missedLetters++;
              else if (miss) missedRemainder++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
    // Both blind spots are real, and both are rare beside the errors caught.
    expect(missedLetters).toBeGreaterThan(0);
    expect(missedRemainder).toBeGreaterThan(0);
    expect(missedLetters + missedRemainder).toBeLessThan(checked / 10);
  });
});
