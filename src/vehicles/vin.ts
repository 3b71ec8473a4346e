// Vehicle identification numbers (ISO 3779). Written here rather than taken from a library because the
// rule of when the check digit applies is part of the screening safeguard: a European VIN without a
// check digit is valid, and calling it an error would send honest drivers to second line.

/** ISO 3779 letters exclude I, O and Q, which read as 1 and 0. */
const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

/** The value of each character in the check-digit sum (49 CFR 565.15, the North American scheme). */
const TRANSLITERATION: Readonly<Record<string, number>> = Object.fromEntries([
  ..."0123456789".split("").map((d) => [d, Number(d)]),
  ..."ABCDEFGH".split("").map((c, i) => [c, i + 1]),
  ..."JKLMN".split("").map((c, i) => [c, i + 1]),
  ["P", 7],
  ["R", 9],
  ..."STUVWXYZ".split("").map((c, i) => [c, i + 2]),
]);

/** Position weights; position 9 (weight 0) holds the check digit itself. */
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/**
 * Regions whose VINs must carry the check digit in position 9: North America (world manufacturer
 * identifiers starting 1–5: United States, Canada, Mexico; 49 CFR 565) and China (L: GB 16735). Elsewhere
 * (Europe, Japan, …) position 9 is part of the vehicle descriptor, so a failing "check" there is no error.
 */
const CHECK_DIGIT_REGIONS = /^[1-5L]/;

export interface VinResult {
  /** Upper case, blanks and dashes removed. */
  vin: string;
  valid: boolean;
  /** World manufacturer identifier, descriptor and identifier sections. */
  wmi: string;
  vds: string;
  vis: string;
  /** `required`: the region mandates the digit; `optional`: it does not (the digit is only reported). */
  checkDigit: { rule: "required" | "optional"; expected: string; found: string; ok: boolean };
  problems: string[];
}

/** The check digit ISO 3779 / 49 CFR 565 computes for a 17-character VIN ("X" for 10). */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (TRANSLITERATION[vin[i] ?? ""] ?? 0) * (WEIGHTS[i] ?? 0);
  const r = sum % 11;
  return r === 10 ? "X" : String(r);
}

export function normaliseVin(text: string): string {
  return text.replace(/[\s-]+/g, "").toUpperCase();
}

/** Validates a VIN's structure, and its check digit where the region requires one. */
export function validateVin(text: string): VinResult {
  const vin = normaliseVin(text);
  const problems: string[] = [];
  if (vin.length !== 17) problems.push(`a VIN has 17 characters, this one ${vin.length}`);
  const bad = [...new Set(vin.replace(/[A-HJ-NPR-Z0-9]/g, ""))];
  if (bad.length > 0) problems.push(`characters not allowed in a VIN: ${bad.join(" ")}`);
  const structured = VIN_PATTERN.test(vin);
  const expected = structured ? vinCheckDigit(vin) : "";
  const found = vin[8] ?? "";
  const rule = CHECK_DIGIT_REGIONS.test(vin) ? "required" : "optional";
  const ok = structured && expected === found;
  if (structured && rule === "required" && !ok)
    problems.push(`check digit (position 9) is ${found}, expected ${expected}`);
  return {
    vin,
    valid: problems.length === 0,
    wmi: vin.slice(0, 3),
    vds: vin.slice(3, 9),
    vis: vin.slice(9, 17),
    checkDigit: { rule, expected, found, ok },
    problems,
  };
}

/** Characters whose check-digit values are equal, so swapping one for another is not detectable. */
export function sameCheckValue(a: string, b: string): boolean {
  return TRANSLITERATION[a] !== undefined && TRANSLITERATION[a] === TRANSLITERATION[b];
}

export const VIN_ALPHABET = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
