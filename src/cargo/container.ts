// ISO 6346 freight container identification: a three-letter owner code, an equipment category (U freight
// container, J detachable equipment, Z trailer or chassis), a six-digit serial and a check digit.
// The check digit: letters take the values 10…38 skipping 11, 22 and 33; each of the ten characters is
// multiplied by 2^position (0…9); the sum modulo 11 is the check digit, and a remainder of 10 is written 0.
//
// What the scheme cannot catch (container.test.ts enumerates every single-character error):
// - a letter replaced by another whose value differs by 11 or 22 (A/K/U, B/L/V, C/M/W, …): their values
//   are equal modulo 11, and 2^position is never a multiple of 11;
// - a change that moves the remainder between 0 and 10, both written 0. ISO 6346 recommends not issuing
//   serials whose remainder is 10, which is why such numbers are rare.

const LETTER_VALUES: Record<string, number> = {};
{
  let v = 10;
  for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
    if (v % 11 === 0) v++;
    LETTER_VALUES[ch] = v++;
  }
}

export const CATEGORIES: Record<string, string> = {
  U: "freight container",
  J: "detachable freight container-related equipment",
  Z: "trailer or chassis",
};

/** The check digit over the first ten characters (owner code, category, serial), or undefined if malformed. */
export function containerCheckDigit(ten: string): number | undefined {
  if (!/^[A-Z]{4}\d{6}$/.test(ten)) return undefined;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const ch = ten[i]!;
    sum += (i < 4 ? LETTER_VALUES[ch]! : Number(ch)) * 2 ** i;
  }
  return (sum % 11) % 10;
}

export type ContainerCheck =
  | { valid: true; number: string; owner: string; category: string; serial: string }
  | { valid: false; number: string; reason: string };

/** Blanks, dashes and slashes dropped, letters upper-cased: `MSCU 123456-5` → `MSCU1234565`. */
export function normaliseContainer(text: string): string {
  return text.toUpperCase().replace(/[\s\-/.]/g, "");
}

/** Validates a container number's structure and check digit, naming what is wrong. */
export function checkContainer(text: string): ContainerCheck {
  const number = normaliseContainer(text);
  if (!/^[A-Z]{3}/.test(number)) return { valid: false, number, reason: "owner code is not three letters" };
  const category = number[3] ?? "";
  if (!CATEGORIES[category]) {
    return { valid: false, number, reason: `equipment category "${category}" is not U, J or Z` };
  }
  if (!/^\d{7}$/.test(number.slice(4))) {
    return { valid: false, number, reason: "serial and check digit are not seven digits" };
  }
  const expected = containerCheckDigit(number.slice(0, 10));
  if (expected !== Number(number[10])) {
    return { valid: false, number, reason: `check digit ${number[10]} should be ${expected}` };
  }
  return { valid: true, number, owner: number.slice(0, 3), category, serial: number.slice(4, 10) };
}
