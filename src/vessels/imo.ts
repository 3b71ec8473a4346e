// IMO ship identification numbers (SOLAS XI-1/3, IMO Resolution A.1078(28)): seven digits, the seventh a
// check digit, the last digit of the sum of the first six weighted 7, 6, 5, 4, 3, 2.
//
// What this scheme cannot catch (imo.test.ts enumerates every single-digit error and checks these are the
// only misses): a change by 5 in a digit weighted 6, 4 or 2 (positions 2, 4, 6), since 5 × even ≡ 0 mod 10;
// any even change in the digit weighted 5 (position 3), since 5 × even ≡ 0 mod 10. Weights 7 and 3 are
// prime to 10, so every change in positions 1 and 5 is caught, as is every change of the check digit.

const WEIGHTS = [7, 6, 5, 4, 3, 2] as const;

/** Check digit over the first six digits of an IMO number. */
export function imoCheckDigit(six: string): number {
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(six[i]) * WEIGHTS[i]!;
  return sum % 10;
}

/** Strips an `IMO` prefix and blanks: `IMO 9074729` → `9074729`. Does not validate. */
export function normaliseImo(text: string): string {
  return text
    .trim()
    .replace(/^IMO[\s.:-]*/i, "")
    .replace(/\s+/g, "");
}

/** True for seven digits whose seventh is the check digit over the first six. */
export function isValidImo(text: string): boolean {
  const digits = normaliseImo(text);
  return /^\d{7}$/.test(digits) && imoCheckDigit(digits) === Number(digits[6]);
}
