// What name parts are, beyond their letters: built on another name with a suffix (Hasanov, Jónsdóttir),
// a patronymic, a compound element (allah, din), or a vowel spelling of another part. The token
// comparer asks these before it trusts letter-level likeness.
import { DERIVED_NAME_SUFFIXES, PATRONYMIC_SUFFIXES } from "./lexicon.js";
import { phoneticKey } from "./phonetic.js";
import { allowedEdits, editDistance } from "./similarity.js";
import type { NameToken } from "./tokens.js";

/** The given name a derived surname or patronymic is built on (hasanov → hasan), if it is one. */
function derivedStem(norm: string): string | undefined {
  for (const suffix of DERIVED_NAME_SUFFIXES) {
    if (norm.endsWith(suffix) && norm.length - suffix.length >= 3) return norm.slice(0, -suffix.length);
  }
  return undefined;
}

/**
 * Both tokens are built on a given name with the same suffix (Jónsdóttir / Tómasdóttir, Petrović /
 * Pavlović) and the given names differ by more than a typo: the shared ending must not make them look alike.
 */
export function stemsDiffer(a: string, b: string): boolean {
  for (const suffix of DERIVED_NAME_SUFFIXES) {
    if (!a.endsWith(suffix) || !b.endsWith(suffix)) continue;
    const sa = a.slice(0, -suffix.length);
    const sb = b.slice(0, -suffix.length);
    const longer = Math.max(sa.length, sb.length);
    // Short stems (Hus-sen, Has-sen) are too often not a given name plus a suffix at all.
    if (Math.min(sa.length, sb.length) < 3 || longer < 4) return false;
    return editDistance(sa, sb, allowedEdits(longer)) > allowedEdits(longer);
  }
  return false;
}

/** A patronymic (Viktorovich) one side leaves out: Western documents routinely drop it. */
export function isPatronymic(t: NameToken): boolean {
  return (
    t.kind === "name" && PATRONYMIC_SUFFIXES.some((s) => t.norm.endsWith(s) && t.norm.length > s.length + 2)
  );
}

/**
 * One token is the other plus a surname or patronymic suffix (Hasanov / Hasan, Petrovich / Petr): two
 * name parts, however close their letters. Both derived (Ivanov / Ivanova) is the same name.
 */
export function isDerivedFrom(a: NameToken, b: NameToken): boolean {
  const sa = derivedStem(a.norm);
  const sb = derivedStem(b.norm);
  if ((sa === undefined) === (sb === undefined)) return false;
  const [stem, base] = sa !== undefined ? [sa, b] : [sb!, a];
  return stem === base.norm || phoneticKey(stem) === base.phon;
}

export function isCompoundElement(t: NameToken): boolean {
  return t.norm === "allah" || t.norm === "din";
}

/**
 * Consonants with the semivowel y (j, y next to a vowel: Yunus / Junus) kept: a vowel variant changes vowels, not where
 * the y stands (Sayuri is not Soraya, Julia not Allah, though their vowel keys meet).
 */
function consonantsWithSemivowels(norm: string): string {
  return (
    norm
      .replace(/j/g, "y")
      // Between consonants y is a vowel (Lyndenburg).
      .replace(/(?<![aeiou])y(?![aeiou])/g, "i")
      .replace(/w/g, "v")
      .replace(/h$/, "")
      .replace(/[aeiou]/g, "")
      .replace(/(.)\1+/g, "$1")
  );
}

/** Vowel spellings of one name: the same consonants and semivowels. */
export function isVowelVariant(a: NameToken, b: NameToken): boolean {
  if (a.vkey !== b.vkey) return false;
  const ca = consonantsWithSemivowels(a.norm);
  return ca === consonantsWithSemivowels(b.norm);
}
