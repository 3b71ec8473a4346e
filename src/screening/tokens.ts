// Turning a name, in any script, into comparable tokens with phonetic keys and identity weights.

import { arabicFrame, hebrewFrame } from "./arabic.js";
import {
  ABD_FORMS,
  ABD_WHOLE,
  ABU_FORMS,
  COMPOUND_ENDINGS_ARABIC,
  COMPOUND_ENDINGS_LATIN,
  COMPOUND_WORDS_LATIN,
  HONORIFICS,
  JOINERS,
  LEGAL_FORM_PHRASES,
  legalFormClass,
  NUMBER_WORDS,
  nameGroups,
  PARTICLES,
  PREFIX_WORDS,
  romanNumeral,
} from "./lexicon.js";
import { foldLatin, phoneticKey, skeletonKey, vowelKey } from "./phonetic.js";
import { romanise, type TokenScript } from "./translit.js";
import { eastAsianReadings } from "./translit-east-asian.js";

export type TokenKind =
  | "name"
  | "particle"
  | "prefix"
  | "honorific"
  | "legal"
  | "number"
  | "initial"
  | "stopword";

export interface NameToken {
  /** The token as written (after splitting), for explanations. */
  text: string;
  /** Romanised, folded, lower-case ASCII. */
  norm: string;
  phon: string;
  vkey: string;
  skel: string;
  script: TokenScript;
  /** Short vowels were not written (Arabic, Hebrew): only the skeleton is a reliable comparison. */
  vowelless: boolean;
  kind: TokenKind;
  /** How much this token identifies a person or company (particles and titles little). */
  weight: number;
  /** Arabic and Hebrew tokens: consonant/long-vowel frame for comparison with Latin spellings (arabic.ts). */
  frame?: string;
  /** Cognate/short-form groups of a given name (Yusuf = Josip = Joseph). */
  groups?: readonly number[];
  /**
   * Other readings of the written token: a Chinese or Japanese name in Cyrillic read in pinyin or
   * Hepburn (translit-east-asian.ts); a Hebrew bet inside a word read as b as well as v (Rabin, Avraham).
   * The comparer keeps the best reading, and the index looks each one up.
   */
  readings?: readonly NameToken[];
  /**
   * Position of the written word it comes from: one word may give several tokens (الحداد is the article
   * and haddad), and the explanation shows each written word once.
   */
  word?: number;
}

export type NameSchema = "person" | "organization" | "vessel" | "aircraft";

const WEIGHTS: Record<TokenKind, number> = {
  name: 1,
  number: 0.8,
  prefix: 0.5,
  initial: 0.5,
  legal: 0.5,
  particle: 0.25,
  honorific: 0.2,
  stopword: 0.15,
};

/** Arabic kinship and article words written as separate words, as their usual Latin particle. */
const ARABIC_PARTICLES: Record<string, string> = {
  بن: "bin",
  ابن: "ibn",
  بنت: "bint",
  ال: "al",
  آل: "al",
  ولد: "walad",
  أبو: "abu",
  ابو: "abu",
  عبد: "abd",
};

/** Hebrew kinship words written apart (David Ben Gurion), as their usual Latin particle. */
const HEBREW_PARTICLES: Record<string, string> = { בן: "ben", בת: "bat" };

/** Abbreviations of common words in organisation names, written out. */
const ORG_ABBREVIATIONS: Record<string, string> = {
  intl: "international",
  int: "international",
  natl: "national",
  assn: "association",
  assoc: "association",
  dept: "department",
  govt: "government",
  mfg: "manufacturing",
  bros: "brothers",
  ind: "industries",
  inds: "industries",
  svcs: "services",
  univ: "university",
  tech: "technology",
  mgmt: "management",
};

const ORG_STOPWORDS = new Set(["the", "of", "and", "for", "und", "et", "i", "y"]);

// Token separators: whitespace, punctuation, hyphens and brackets. Apostrophes are removed inside a
// token instead (O'Brien, Cho'ng, Qur'an), since romanisations use them for letters that others omit.
const SEPARATORS = /[\s,.;:()[\]{}"“”„«»/\\|&+_*!?<>=~#@%^$\-‐‑‒–—―・·]+/u;
const APOSTROPHES = /['’ʼʻ`´ʹʿʾ]/gu;
const DOTTED_ABBREVIATION = /(?<![\p{L}.])(?:\p{L}\.){2,}(?:\p{L}(?![\p{L}]))?/gu;

/**
 * Phonetic keys per folded spelling. Names repeat a great deal (Mohammed, Ivan, al), so building an index
 * of a million names computes each spelling's keys once. Bounded, so a long-running server cannot grow it
 * without limit.
 */
const keyCache = new Map<string, { phon: string; vkey: string; skel: string }>();
const KEY_CACHE_LIMIT = 500_000;

function keysOf(norm: string): { phon: string; vkey: string; skel: string } {
  let k = keyCache.get(norm);
  if (!k) {
    const phon = phoneticKey(norm);
    k = { phon, vkey: vowelKey(phon), skel: skeletonKey(phon) };
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(norm, k);
  }
  return k;
}

function makeToken(
  text: string,
  norm: string,
  script: TokenScript,
  vowelless: boolean,
  kind: TokenKind,
  frame?: string,
): NameToken {
  const { phon, vkey, skel } = keysOf(norm);
  const token: NameToken = {
    text,
    norm,
    phon,
    vkey,
    skel,
    script,
    vowelless,
    kind,
    weight: WEIGHTS[kind],
  };
  const groups = kind === "name" ? nameGroups(norm) : undefined;
  if (groups) token.groups = groups;
  if (frame) token.frame = frame;
  return token;
}

/**
 * A particle joins two names. At the end of a name it is more likely a name itself (Ben, Da); joiners
 * that are also common given names or words (ben, de, y, la…) count as particles only between names.
 */
function isParticle(norm: string, isFirst: boolean, isLast: boolean): boolean {
  if (isLast) return false;
  if (JOINERS.has(norm)) return !isFirst;
  return PARTICLES.has(norm);
}

function classify(norm: string, schema: NameSchema, isFirst: boolean, isLast: boolean): TokenKind {
  if (/^\d+$/.test(norm)) return "number";
  if (schema === "person") {
    if (norm.length === 1) return "initial";
    if (HONORIFICS.has(norm)) return "honorific";
    if (isParticle(norm, isFirst, isLast)) return "particle";
    if (PREFIX_WORDS.has(norm)) return "prefix";
    return "name";
  }
  if (legalFormClass(norm)) return "legal";
  if (ORG_STOPWORDS.has(norm)) return "stopword";
  if (isParticle(norm, isFirst, isLast)) return "particle";
  return "name";
}

const ABD_FORMS_LONGEST_FIRST = [...ABD_FORMS].sort((a, b) => b.length - a.length);

/** Two or three capital consonants: initials, unless the group is itself a name (Ng, Md). */
function isInitials(text: string): boolean {
  return /^[B-DF-HJ-NP-TV-XZ]{2,3}$/.test(text) && !nameGroups(text.toLowerCase()) && text !== "NG";
}

/** Splits joined Arabic compounds (Abdulrahman → abd + rahman, Abubakar → abu + bakar) into their words. */
function splitCompound(norm: string): string[] {
  if (ABD_WHOLE.has(norm)) return ["abd", "allah"];
  const word = COMPOUND_WORDS_LATIN[norm];
  if (word) return [word];
  if (ABD_FORMS.has(norm)) return ["abd"];
  if (norm.startsWith("abd")) {
    for (const form of ABD_FORMS_LONGEST_FIRST) {
      if (norm.startsWith(form) && norm.length - form.length >= 3) {
        const rest = norm.slice(form.length);
        // Abdulah, Abdula, Abdallah: however the article is spelt, "servant of God".
        return ["abd", /^[aeiou]?l+ah?$/.test(rest) ? "allah" : rest];
      }
    }
  }
  for (const form of ABU_FORMS) {
    if (norm.startsWith(form) && norm.length - form.length >= 4 && norm !== form) {
      return ["abu", norm.slice(form.length)];
    }
  }
  for (const [ending, element] of COMPOUND_ENDINGS_LATIN) {
    const m = ending.exec(norm);
    if (m) return [m[1]!, element];
  }
  return [norm];
}

/**
 * Persian and Urdu also write -uddin without the article (گلبدین = Gulbuddin, as Latin splits gulb + din);
 * the stem needs three letters, as the Latin rule's does.
 */
const BARE_DIN = /^(.{3,})(?:دين|دین)$/u;

/** An Arabic-script part split before its compound ending (عتیق‌الله → عتیق + allah), if it has one. */
function arabicCompound(part: string): { stem: string; element?: string } {
  const joined = part.replace(/\u200c/g, "");
  for (const [ending, element] of COMPOUND_ENDINGS_ARABIC) {
    if (joined === ending) return { stem: "", element };
    if (joined.endsWith(ending) && joined.length > ending.length + 1)
      return { stem: joined.slice(0, -ending.length), element };
  }
  const bare = BARE_DIN.exec(joined);
  if (bare) return { stem: bare[1]!, element: "din" };
  return { stem: part };
}

/** Number words to digits, so "forty four" and "44" compare; roman numerals in organisation names too. */
function numberValue(norm: string, schema: NameSchema): string | undefined {
  const word = NUMBER_WORDS[norm];
  if (word !== undefined) return String(word);
  if (schema !== "person") {
    const roman = romanNumeral(norm);
    if (roman !== undefined) return String(roman);
    const ordinal = /^(\d+)(st|nd|rd|th)$/.exec(norm);
    if (ordinal) return ordinal[1];
  }
  return undefined;
}

function applyLegalPhrases(s: string): string {
  let out = s;
  for (const [re, rep] of LEGAL_FORM_PHRASES) out = out.replace(re, rep);
  return out;
}

/**
 * Tokenised names, shared: names repeat across queries and explanations. The arrays are returned as
 * they are stored, so callers must treat them as read-only. Bounded like the key cache.
 */
const nameCache = new Map<string, readonly NameToken[]>();
const NAME_CACHE_LIMIT = 100_000;

/** Tokenises a name in any script. Pure and deterministic: the same name always yields the same tokens. */
export function tokenizeName(raw: string, schema: NameSchema = "person"): readonly NameToken[] {
  const key = `${schema}|${raw}`;
  let tokens = nameCache.get(key);
  if (!tokens) {
    tokens = tokenize(raw, schema);
    if (nameCache.size >= NAME_CACHE_LIMIT) nameCache.clear();
    nameCache.set(key, tokens);
  }
  return tokens;
}

function tokenize(raw: string, schema: NameSchema): NameToken[] {
  let s = raw.normalize("NFKC").replace(APOSTROPHES, "");
  // Dotted abbreviations are one word in company names (A.B.C., p.l.c., o.o.o., U.S.), initials in a person's.
  if (schema !== "person") {
    s = applyLegalPhrases(s.toLowerCase().replace(DOTTED_ABBREVIATION, (m) => ` ${m.replaceAll(".", "")} `));
  }
  const parts = s.split(SEPARATORS).filter((p) => p.length > 0);
  const tokens: NameToken[] = [];
  parts.forEach((text, i) => {
    const part = text.toLowerCase();
    const isLast = i === parts.length - 1;
    const { latin, script, vowelless } = romanise(part);
    let words: string[];
    let frames: (string | undefined)[] = [];
    const particle =
      script === "arabic" ? ARABIC_PARTICLES[part] : script === "hebrew" ? HEBREW_PARTICLES[part] : undefined;
    if (particle) {
      words = [particle];
    } else if (script === "hebrew") {
      // Vowels unwritten, as in Arabic: compared by its frame of consonants and vowel letters.
      words = [foldLatin(latin)];
      frames = [hebrewFrame(part)];
    } else if (script === "arabic") {
      // The article and the "servant of" prefix are written joined; Latin lists write them apart.
      const pieces: string[] = [];
      const { stem, element } = arabicCompound(part);
      let rest = stem;
      if (rest.startsWith("عبد") && rest.length > 4) {
        pieces.push("abd");
        rest = rest.slice(3);
      }
      if (rest.startsWith("ال") && rest.length > 3) {
        pieces.push("al");
        rest = rest.slice(2);
      }
      words = rest ? [...pieces, foldLatin(romanise(rest).latin)] : pieces;
      frames = rest ? [...pieces.map(() => undefined), arabicFrame(rest)] : [];
      if (element) words.push(element);
    } else if (schema === "person" && isInitials(text)) {
      // "JC Juncker", "GW Bush": capital consonants written together are initials, one per letter.
      words = [...foldLatin(latin)];
    } else {
      words = schema === "person" ? splitCompound(foldLatin(latin)) : [foldLatin(latin)];
    }
    words.forEach((word, j) => {
      let norm = word;
      if (!norm) return;
      const number = numberValue(norm, schema);
      if (number !== undefined) {
        tokens.push({ ...makeToken(text, number, script, false, "number"), word: i });
        return;
      }
      if (schema !== "person") norm = ORG_ABBREVIATIONS[norm] ?? norm;
      const legal = schema !== "person" ? legalFormClass(norm) : undefined;
      const kind = classify(norm, schema, tokens.length === 0, isLast && j === words.length - 1);
      const value = kind === "legal" && legal ? legal : norm;
      const frame = frames[j];
      const token: NameToken = {
        ...makeToken(text, value, script, vowelless && frame !== undefined, kind, frame),
        word: i,
      };
      const readings = kind === "name" && words.length === 1 ? otherReadings(token, part) : [];
      if (readings.length > 0) token.readings = readings;
      tokens.push(token);
    });
  });
  return mergeNumberWords(tokens);
}

function otherReadings(t: NameToken, written: string): NameToken[] {
  if (t.script === "cyrillic")
    return eastAsianReadings(written, t.norm).map((r) => makeToken(t.text, r, "latin", false, t.kind));
  // Bet is romanised v inside a word: the dots that would say b are not written.
  if (t.script === "hebrew" && t.norm.includes("v", 1))
    return [
      makeToken(t.text, t.norm[0] + t.norm.slice(1).replaceAll("v", "b"), "hebrew", true, t.kind, t.frame),
    ];
  return [];
}

/** "forty four" → 44: adjacent tens and units words are one number. */
function mergeNumberWords(tokens: NameToken[]): NameToken[] {
  const out: NameToken[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    // "forty four" and "forty 4"; but "40 4" stays two numbers.
    if (
      prev &&
      prev.kind === "number" &&
      t.kind === "number" &&
      /^[2-9]0$/.test(prev.norm) &&
      /^[1-9]$/.test(t.norm) &&
      NUMBER_WORDS[foldLatin(prev.text)] !== undefined
    ) {
      out[out.length - 1] = {
        ...makeToken(
          `${prev.text} ${t.text}`,
          String(Number(prev.norm) + Number(t.norm)),
          "latin",
          false,
          "number",
        ),
        ...(prev.word === undefined ? {} : { word: prev.word }),
      };
      continue;
    }
    out.push(t);
  }
  return out;
}
