// Romanisation of non-Latin scripts into a plain ASCII form that the phonetic keys can compare.
//
// Hand-written on purpose: this is the product's core. General transliteration libraries give one
// romanisation per script, while border data holds several at once (ICAO 9303 in passports, BGN/PCGN
// in lists, national Latin alphabets such as Serbian). Each table (translit-tables.ts) picks one base
// form; the phonetic layer (phonetic.ts) then folds the systems' differences (yu/iu/ju, kh/h, zh/ž, …)
// together.

import {
  ARABIC,
  ARMENIAN,
  CYRILLIC,
  GEORGIAN,
  GREEK,
  GREEK_DIGRAPHS,
  HEBREW,
  HEBREW_GERESH,
  SERBIAN_OVERRIDES,
  UKRAINIAN_OVERRIDES,
} from "./translit-tables.js";

/** Katakana in Hepburn romanisation; hiragana is mapped onto katakana first. Foreign names are written in it. */
const KANA_ROWS: [string, string[]][] = [
  ["アイウエオ", ["a", "i", "u", "e", "o"]],
  ["カキクケコ", ["ka", "ki", "ku", "ke", "ko"]],
  ["ガギグゲゴ", ["ga", "gi", "gu", "ge", "go"]],
  ["サシスセソ", ["sa", "shi", "su", "se", "so"]],
  ["ザジズゼゾ", ["za", "ji", "zu", "ze", "zo"]],
  ["タチツテト", ["ta", "chi", "tsu", "te", "to"]],
  ["ダヂヅデド", ["da", "ji", "zu", "de", "do"]],
  ["ナニヌネノ", ["na", "ni", "nu", "ne", "no"]],
  ["ハヒフヘホ", ["ha", "hi", "fu", "he", "ho"]],
  ["バビブベボ", ["ba", "bi", "bu", "be", "bo"]],
  ["パピプペポ", ["pa", "pi", "pu", "pe", "po"]],
  ["マミムメモ", ["ma", "mi", "mu", "me", "mo"]],
  ["ヤユヨ", ["ya", "yu", "yo"]],
  ["ラリルレロ", ["ra", "ri", "ru", "re", "ro"]],
  ["ワヲンヴ", ["wa", "o", "n", "vu"]],
  ["ァィゥェォ", ["a", "i", "u", "e", "o"]],
];
const KANA: Record<string, string> = {};
for (const [chars, sounds] of KANA_ROWS) {
  [...chars].forEach((c, i) => {
    KANA[c] = sounds[i]!;
  });
}
const SMALL_Y: Record<string, string> = { ャ: "a", ュ: "u", ョ: "o" };

function romaniseKana(token: string): string {
  // Hiragana sits 0x60 below katakana.
  const kata = [...token].map((c) =>
    c >= "ぁ" && c <= "ゖ" ? String.fromCharCode(c.charCodeAt(0) + 0x60) : c,
  );
  let out = "";
  for (let i = 0; i < kata.length; i++) {
    const c = kata[i]!;
    const next = kata[i + 1] ?? "";
    // Small tsu doubles the next consonant and ー lengthens a vowel: both fold away in the phonetic keys.
    if (c === "ッ" || c === "ー") continue;
    const base = KANA[c] ?? "";
    const small = SMALL_Y[next];
    if (small && base.endsWith("i")) {
      out += (/^(sh|ch|j)/.test(base) ? base.slice(0, -1) : `${base.slice(0, -1)}y`) + small;
      i++;
    } else if ("ァィゥェォ".includes(next) && next && base.length > 1) {
      // A small vowel replaces the syllable's vowel: ファ = fa, ティ = ti.
      out += base.slice(0, -1).replace(/^ts$/, "t") + KANA[next];
      i++;
    } else {
      out += base;
    }
  }
  return out;
}

export type TokenScript =
  | "latin"
  | "cyrillic"
  | "greek"
  | "arabic"
  | "hebrew"
  | "armenian"
  | "georgian"
  | "kana"
  | "other";

export function scriptOf(ch: string): TokenScript {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x250 || (c >= 0x1e00 && c <= 0x1eff)) return "latin";
  if (c >= 0x370 && c <= 0x3ff) return "greek";
  if (c >= 0x400 && c <= 0x52f) return "cyrillic";
  if (c >= 0x530 && c <= 0x58f) return "armenian";
  if (c >= 0x590 && c <= 0x5ff) return "hebrew";
  if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfeff))
    return "arabic";
  if (c >= 0x10a0 && c <= 0x10ff) return "georgian";
  if (c >= 0x3040 && c <= 0x30ff) return "kana";
  return "other";
}

/** The dominant script of a token (by letter count). */
export function tokenScript(token: string): TokenScript {
  if (/^[\x00-\x7f]*$/.test(token)) return "latin";
  const counts = new Map<TokenScript, number>();
  for (const ch of token) {
    if (!/\p{L}/u.test(ch)) continue;
    const s = scriptOf(ch);
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  let best: TokenScript = "latin";
  let n = 0;
  for (const [s, c] of counts) {
    if (c > n) {
      best = s;
      n = c;
    }
  }
  return best;
}

function mapChars(token: string, table: Record<string, string>, overrides?: Record<string, string>): string {
  let out = "";
  for (const ch of token) out += overrides?.[ch] ?? table[ch] ?? (scriptOf(ch) === "latin" ? ch : "");
  return out;
}

function cyrillicVariant(token: string): Record<string, string> | undefined {
  if (/[іїєґ]/.test(token)) return UKRAINIAN_OVERRIDES;
  if (/[ђћџјљњѓќѕ]/.test(token)) return SERBIAN_OVERRIDES;
  return undefined;
}

/**
 * Romanise one lower-cased token. Latin tokens pass through unchanged (diacritics are folded later).
 * `vowelless` tells the comparer that short vowels are missing, so only consonant skeletons are reliable.
 */
export function romanise(token: string): { latin: string; script: TokenScript; vowelless: boolean } {
  const script = tokenScript(token);
  switch (script) {
    case "cyrillic": {
      // Russian "-ий"/"-ый" endings are one sound, written -iy/-y/-ii depending on the system.
      // Soft sign before о is a y glide (Bulgarian Жельо = Zhelyo, Russian бульон = bulyon).
      const t = token.replace(/[иы]й$/u, "iy").replace(/ьо/gu, "yo");
      return { latin: mapChars(t, CYRILLIC, cyrillicVariant(token)), script, vowelless: false };
    }
    case "greek": {
      let t = token.normalize("NFD").replace(/\p{M}/gu, "");
      for (const [g, l] of GREEK_DIGRAPHS) t = t.replaceAll(g, l);
      return { latin: mapChars(t, GREEK), script, vowelless: false };
    }
    case "arabic": {
      // Drop harakat (short-vowel marks) and tatweel; they are optional and rarely written in lists.
      const t = token.replace(/[\u064b-\u065f\u0670\u0640]/g, "");
      return { latin: mapChars(t, ARABIC), script, vowelless: true };
    }
    case "hebrew": {
      // Points dropped; geresh marks foreign sounds (ג׳ = j: George); a final he is a vowel (Moshe, Golda).
      // Bet is b at the start of a word and mostly v after a vowel (Barak, Avraham).
      let t = token
        .replace(/[\u0591-\u05c7]/g, "")
        .replace(/ה$/u, "e")
        .replace(/^ב/u, "b");
      for (const [g, l] of HEBREW_GERESH) t = t.replaceAll(g, l);
      return { latin: mapChars(t, HEBREW), script, vowelless: true };
    }
    case "armenian":
      return { latin: mapChars(token.replace(/ու/g, "u"), ARMENIAN), script, vowelless: false };
    case "georgian":
      return { latin: mapChars(token, GEORGIAN), script, vowelless: false };
    case "kana":
      return { latin: romaniseKana(token), script, vowelless: false };
    default:
      return { latin: token, script, vowelless: false };
  }
}
