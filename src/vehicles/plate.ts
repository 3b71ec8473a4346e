// Number plates as read at a land post: by an officer, or by a camera whose OCR confuses similar shapes.

import { countryCode } from "../shared/countries.js";

/**
 * Shapes that OCR and people confuse on plates, folded to one character for matching. O/0 and I/1 are the
 * common ones (issue 17); the others are the same stamping and reading confusions as on firearm serials.
 */
const CONFUSIONS: Readonly<Record<string, string>> = {
  O: "0",
  Q: "0",
  D: "0",
  I: "1",
  L: "1",
  S: "5",
  B: "8",
  Z: "2",
};

export interface Plate {
  /** ISO 3166 alpha-2 where the country maps, else as given (upper case); "" when unknown. */
  country: string;
  /** The number as printed, upper case, without blanks, dashes and dots: shown to the officer. */
  number: string;
  /** The matching form: confusable characters folded. */
  key: string;
}

/** Cyrillic letters that plates share with Latin ones (Russian, Ukrainian, … plates use only these). */
const CYRILLIC_LOOKALIKES: Readonly<Record<string, string>> = {
  А: "A",
  В: "B",
  Е: "E",
  К: "K",
  М: "M",
  Н: "H",
  О: "O",
  Р: "P",
  С: "C",
  Т: "T",
  У: "Y",
  Х: "X",
  І: "I",
};

/** Strips separators, upper-cases and writes Cyrillic look-alikes in Latin; unreadable characters are `?`. */
export function plateNumber(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s\-.·]+/g, "")
    .replace(/[АВЕКМНОРСТУХІ]/g, (c) => CYRILLIC_LOOKALIKES[c] ?? c);
}

export function plateKey(text: string): string {
  return plateNumber(text).replace(/[OQDILSBZ]/g, (c) => CONFUSIONS[c] ?? c);
}

export function normalisePlate(country: string, number: string): Plate {
  const c = country.trim();
  return {
    country: c === "" ? "" : (countryCode(c) ?? c.toUpperCase()),
    number: plateNumber(number),
    key: plateKey(number),
  };
}

/** Whether the number is one a plate can be: 2–12 letters and digits after normalisation, `?` unreadable. */
export function plateProblem(number: string): string | undefined {
  const n = plateNumber(number);
  if (n.length < 2 || n.length > 12) return `a plate number has 2 to 12 characters, this one ${n.length}`;
  if (!/^[A-Z0-9?]+$/.test(n)) return `a plate number has letters and digits only: "${number}"`;
  return undefined;
}
