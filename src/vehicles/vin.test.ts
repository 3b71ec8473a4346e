import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sameCheckValue, VIN_ALPHABET, validateVin, vinCheckDigit } from "./vin.js";

const body = fc
  .array(fc.constantFrom(...VIN_ALPHABET), { minLength: 16, maxLength: 16 })
  .map((cs) => cs.join(""));
/** A North American VIN (WMI starting 1–5) with its correct check digit. */
const northAmerican = fc.tuple(fc.constantFrom("1", "2", "3", "4", "5"), body).map(([r, b]) => {
  const draft = `${r}${b.slice(1, 8)}0${b.slice(8)}`;
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
});

describe("VIN (ISO 3779)", () => {
  it("accepts known real-format VINs and computes their check digit", () => {
    expect(vinCheckDigit("1HGCM82633A004352")).toBe("3");
    expect(validateVin("1HGCM82633A004352").valid).toBe(true);
    expect(validateVin("11111111111111111").valid).toBe(true);
    expect(validateVin("1M8GDM9AXKP042788").valid).toBe(true);
  });

  it("requires the check digit in North America and China only", () => {
    const wrong = validateVin("1HGCM82643A004352");
    expect(wrong.valid).toBe(false);
    expect(wrong.problems[0]).toContain("check digit (position 9) is 4, expected 3");
    // A European VIN: position 9 is part of the descriptor, so a "wrong" digit there is no error.
    const european = validateVin("WVWZZZ1KZAW123456");
    expect(european.checkDigit.rule).toBe("optional");
    expect(european.checkDigit.ok).toBe(false);
    expect(european.valid).toBe(true);
    expect(validateVin("LSVAU21840N210845").valid).toBe(false);
  });

  it("rejects I, O and Q and wrong lengths, naming the fault", () => {
    expect(validateVin("WVWZZZ1KZAW12345O").problems).toEqual(["characters not allowed in a VIN: O"]);
    expect(validateVin("WVW-ZZZ 1KZ").problems[0]).toBe("a VIN has 17 characters, this one 9");
  });

  it("detects every single-character substitution except between characters of equal value", () => {
    // The scheme's one blind spot: characters transliterated to the same value (A, J and 1; B, K, S and 2;
    // …) weigh the same in the sum, so swapping them keeps the check digit. Every other change is caught,
    // because each weight is non-zero modulo 11 and two values differ by less than 11.
    // Position 9 (weight 0) is the digit itself: any other digit there is caught.
    fc.assert(
      fc.property(northAmerican, fc.nat(16), fc.constantFrom(...VIN_ALPHABET), (vin, at, c) => {
        if (vin[at] === c) return;
        const changed = `${vin.slice(0, at)}${c}${vin.slice(at + 1)}`;
        // A first character changed to one outside 1–5 and L moves the VIN out of the regions that
        // require the digit: the second exception, by design of the rule rather than of the sum.
        if (at === 0 && !/[1-5L]/.test(c)) return;
        const undetectable = at !== 8 && sameCheckValue(vin[at]!, c);
        expect(validateVin(changed).valid).toBe(undetectable);
      }),
      { seed: 17, numRuns: 5000 },
    );
    expect(sameCheckValue("A", "J")).toBe(true);
    expect(sameCheckValue("S", "2")).toBe(true);
  });
});
