// Latin folding and phonetic keys. One name reaches us spelt by several romanisation systems and
// national alphabets; these keys map those spellings to one form so that they meet in the index.

/** Letters that Unicode decomposition does not reduce to ASCII, or reduces wrongly for names. */
const SPECIAL_LATIN: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "oe",
  å: "aa",
  đ: "dj",
  ð: "d",
  þ: "th",
  ł: "l",
  ı: "i",
  ħ: "h",
  ŋ: "ng",
  // Slavic and Baltic háček letters are digraph sounds: keep them apart from the plain letter.
  č: "ch",
  ć: "ch",
  š: "sh",
  ž: "zh",
  ś: "sh",
  ź: "zh",
  ż: "zh",
  // Turkish, Albanian, Romanian cedilla/comma letters.
  ç: "ch",
  ş: "sh",
  ș: "sh",
  ţ: "ts",
  ț: "ts",
  // German umlauts become the ICAO 9303 / passport forms.
  ä: "ae",
  ö: "oe",
  ü: "ue",
  // Latin letters used in romanised Arabic (ʿayn, hamza, dotted consonants) are folded by NFD below.
  ʿ: "",
  ʾ: "",
  ʻ: "",
  ʼ: "",
  "'": "",
  "’": "",
  "`": "",
  "´": "",
};

/** Lower-case ASCII form of a Latin token. */
export function foldLatin(token: string): string {
  const lower = token.toLowerCase();
  if (/^[a-z0-9]*$/.test(lower)) return lower;
  let out = "";
  for (const ch of token.toLowerCase()) {
    const special = SPECIAL_LATIN[ch];
    if (special !== undefined) {
      out += special;
      continue;
    }
    const base = ch.normalize("NFD").replace(/\p{M}/gu, "");
    if (/^[a-z0-9]+$/.test(base)) out += base;
  }
  return out;
}

// Ordered rewrite rules from spellings to sound classes. Upper-case letters are class symbols:
// S = sh/sch/š/ш, C = ch/č/ć/ч/tsch, Z = zh/ž/ж, J = dj/dž/đ/џ/ђ.
const PHON_RULES: [RegExp, string][] = [
  [/shch/g, "S"],
  [/tsch|tch/g, "C"],
  [/sch|sh/g, "S"],
  [/ch/g, "C"],
  [/dzh|dj|dzs|gj/g, "J"],
  [/zh/g, "Z"],
  [/kh/g, "h"],
  [/ph/g, "f"],
  [/gh/g, "g"],
  [/th/g, "t"],
  [/dh/g, "d"],
  [/ck/g, "k"],
  [/ts|tz/g, "c"],
  [/c(?=[eiy])/g, "s"],
  [/c/g, "k"],
  [/q/g, "k"],
  [/x/g, "ks"],
  [/w/g, "v"],
  [/[jy]/g, "i"],
  // Vowel spellings that stand for one sound across French, German, Dutch and English romanisations.
  [/ou|oo|ue/g, "u"],
  [/ee|ie/g, "i"],
  [/ae/g, "a"],
  [/oe/g, "o"],
  [/(.)\1+/g, "$1"],
  // A final h after a vowel only marks length (Abdullah/Abdulla, Fatimah/Fatima).
  [/([aeiou])h$/g, "$1"],
];

/** Phonetic key of a folded Latin token: spelling variants of one sound collapse to one symbol. */
export function phoneticKey(folded: string): string {
  let s = folded;
  for (const [re, rep] of PHON_RULES) s = s.replace(re, rep);
  return s;
}

/** The phonetic key with every vowel run reduced to one placeholder: Muhammad ≈ Mohammed ≈ Mohamed. */
export function vowelKey(phon: string): string {
  return phon.replace(/[aeiou]+/g, "a");
}

/**
 * Consonant skeleton in the Arabic-script sense: vowels and the semivowels w/y (which Arabic writes
 * with the same letters as long u/i) are dropped. Used to compare vowelless Arabic/Hebrew tokens with
 * Latin spellings, and as an index key across scripts.
 */
export function skeletonKey(phon: string): string {
  return phon
    .replace(/[aeiouv]/g, "")
    .replace(/(.)\1+/g, "$1")
    .replace(/h$/, "");
}
