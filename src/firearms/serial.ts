// Firearm serial numbers as read off a weapon: stamped, worn, filed or partly obliterated. Written here,
// not taken from a library: tolerant serial matching is the product's core and its evidence (which
// characters were confusable or unreadable) is what the reviewer is shown.

/**
 * Characters confused when stamping and reading serials (issue 17): 0/O/D/Q, 1/I/L, 5/S, 8/B, 2/Z. Each
 * group folds to its digit, so two readings of one stamp get one key.
 */
const FOLD: Readonly<Record<string, string>> = {
  O: "0",
  D: "0",
  Q: "0",
  I: "1",
  L: "1",
  S: "5",
  B: "8",
  Z: "2",
};

/** How an unreadable character is written: `?` or `*`, one per character. */
export const UNREADABLE = "?";

/** The characters a folded serial is made of: the alphabet a wildcard stands for. */
export const KEY_ALPHABET = "0123456789ACEFGHJKMNPRTUVWXY";

/** Upper case, no blanks, dashes, dots or slashes; `*` written as `?`. */
export function serialText(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s\-./]+/g, "")
    .replace(/\*/g, UNREADABLE);
}

/** The matching key: confusable characters folded. Wildcards stay `?`. */
export function serialKey(text: string): string {
  return serialText(text).replace(/[ODQILSBZ]/g, (c) => FOLD[c] ?? c);
}

/** What a serial problem is, if any: empty, too long, or other characters than letters, digits and `?`. */
export function serialProblem(text: string): string | undefined {
  const s = serialText(text);
  if (s.length === 0) return "the serial number is empty";
  if (s.length > 30) return `a serial number has at most 30 characters, this one ${s.length}`;
  if (!/^[A-Z0-9?]+$/.test(s))
    return `a serial number has letters, digits and ? (unreadable) only: "${text}"`;
  if (!/[A-Z0-9]/.test(s)) return "no character of the serial number is readable";
  return undefined;
}

export interface SerialComparison {
  /** Positions (0-based) where the characters are the same as written. */
  same: number;
  /** Positions where they differ only by a stamping/reading confusion (e.g. 0 read as O). */
  confusable: number[];
  /** Positions unreadable in the declared serial. */
  unreadable: number[];
  /** `same` over the serial's length: how much of it agrees as written. */
  agreement: number;
}

/** Compares a declared serial with a listed one of the same key length, position by position. */
export function compareSerials(declared: string, listed: string): SerialComparison {
  const d = serialText(declared);
  const l = serialText(listed);
  let same = 0;
  const confusable: number[] = [];
  const unreadable: number[] = [];
  for (let i = 0; i < d.length; i++) {
    const a = d[i]!;
    if (a === UNREADABLE) unreadable.push(i);
    else if (a === l[i]) same++;
    else confusable.push(i);
  }
  return { same, confusable, unreadable, agreement: same / Math.max(d.length, l.length, 1) };
}
