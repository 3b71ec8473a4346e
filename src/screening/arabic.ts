// Arabic-script names against their Latin spellings.
//
// Arabic writes consonants and long vowels (ا و ي) but not short vowels, and every Latin spelling fills
// the short vowels in differently: محمد is Muhammad, Mohammed, Mohamed. A plain consonant skeleton would
// accept those, but also accept محمود (Mahmud) for Muhammad, or حسين (Husayn) for Hasan: names one letter
// apart. So the Arabic token becomes a *frame* of consonant classes and long vowels, and a small dynamic
// programme aligns it with the Latin letters: Latin short vowels are free, each Arabic long vowel needs a
// compatible Latin vowel (or w/y), and each consonant needs one of its customary romanisations.
// Hebrew, which leaves short vowels unwritten too, gets a frame of the same kind (hebrewFrame).

import { HEBREW } from "./translit-tables.js";

/**
 * Frame symbols: lower-case consonant classes and a few upper-case ones; A/U/I long vowels (or w/y);
 * ' ayn/hamza; @ ta marbuta; H an aspiration mark.
 */
const FRAME: Record<string, string> = {
  ا: "A",
  أ: "A",
  إ: "A",
  آ: "A",
  ٱ: "A",
  ى: "A",
  ء: "'",
  ؤ: "'",
  ئ: "'",
  ع: "'",
  ب: "b",
  ت: "t",
  ث: "T",
  ج: "j",
  ح: "h",
  خ: "x",
  د: "d",
  ذ: "D",
  ر: "r",
  ز: "z",
  س: "s",
  ش: "S",
  ص: "s",
  ض: "d",
  ط: "t",
  ظ: "D",
  غ: "g",
  ف: "f",
  ق: "q",
  ك: "k",
  ل: "l",
  م: "m",
  ن: "n",
  ه: "h",
  و: "U",
  ي: "I",
  ة: "@",
  پ: "p",
  چ: "C",
  ژ: "Z",
  گ: "g",
  ک: "k",
  ی: "I",
  ٹ: "t",
  ڈ: "d",
  ڑ: "r",
  ں: "n",
  // Do-chashmi he marks an aspirate (بھ = bh, دھ = dh): Latin writes it as the digraph or leaves it out.
  ھ: "H",
  ہ: "h",
  ۂ: "h",
  ے: "I",
  ۓ: "I",
  ې: "I",
  ۍ: "I",
  ټ: "t",
  ډ: "d",
  ړ: "r",
  ږ: "Z",
  // Pashto x̌e: sh in the south, kh in the north (Yusufzai): its own class.
  ښ: "X",
  ځ: "z",
  څ: "s",
  ڼ: "n",
  // Pashto gaf with a ring, Persian heh with hamza (ezafe).
  ګ: "g",
  ۀ: "h",
};

/**
 * Hebrew letters in the same frame, where it differs from the romanisation (translit-tables.ts): vav and
 * yod are the long vowels (or v/w and y), alef and ayin carry any vowel or none; bet, kaf, pe are b/v,
 * k/kh, p/f (the dots that tell them apart are not written). A final he is a vowel, like ta marbuta.
 * Letters with a geresh (ג׳ = j) are read first.
 */
const HEBREW_FRAME: Record<string, string> = {
  א: "'",
  ע: "'",
  ב: "B",
  ו: "U",
  ח: "x",
  י: "I",
  כ: "K",
  ך: "K",
  פ: "P",
  ף: "P",
  צ: "c",
  ץ: "c",
  ק: "q",
  ש: "S",
};
const HEBREW_GERESH_FRAME: [RegExp, string][] = [
  [/ג׳/g, "j"],
  [/ז׳/g, "Z"],
  [/[צץ]׳/g, "C"],
  [/ת׳/g, "T"],
];

/** Latin consonant units each frame consonant may be written as. */
const CONSONANTS: Record<string, readonly string[]> = {
  b: ["b", "p"],
  t: ["t", "th"],
  T: ["th", "s", "t"],
  j: ["j", "g", "dj", "dzh", "zh", "c", "dz"],
  h: ["h", "kh", "ch"],
  x: ["kh", "h", "ch", "x", "k"],
  d: ["d", "dh", "z", "t"],
  D: ["dh", "z", "d", "th"],
  r: ["r"],
  z: ["z", "dh", "s"],
  s: ["s", "c", "ts"],
  S: ["sh", "ch", "sch", "s", "x"],
  g: ["gh", "g", "r"],
  f: ["f", "ph", "v"],
  q: ["q", "k", "g", "c", "ck", "gh"],
  k: ["k", "c", "ck", "q"],
  l: ["l"],
  m: ["m"],
  n: ["n"],
  p: ["p", "b"],
  C: ["ch", "tch", "c"],
  Z: ["zh", "j", "z", "g"],
  X: ["sh", "kh", "x", "s", "ch", "h"],
  H: ["h"],
  B: ["b", "v", "w"],
  K: ["k", "kh", "ch", "h", "c"],
  P: ["p", "f", "ph"],
  c: ["ts", "tz", "z", "s", "c"],
};

/** Latin vowel letters compatible with each long vowel. */
const LONG_VOWELS: Record<string, RegExp> = { A: /[aeo]/, U: /[uo]/, I: /[iey]/ };
/** Long vowels that can also be the consonants w and y. */
const SEMIVOWEL_CONSONANTS: Record<string, readonly string[]> = { U: ["w", "v"], I: ["y", "j"], A: [] };

const DIGRAPHS = [
  "dzh",
  "tch",
  "sch",
  "sh",
  "ch",
  "kh",
  "th",
  "dh",
  "gh",
  "zh",
  "ph",
  "dj",
  "ck",
  "ts",
  "tz",
  "dz",
];

export function arabicFrame(token: string): string {
  let out = "";
  for (const ch of token.replace(/[\u064b-\u065f\u0670\u0640]/g, "")) out += FRAME[ch] ?? "";
  // Shadda (doubling) is not written in lists; a doubled letter in the frame is one sound.
  return out.replace(/([a-zA-Z])\1+/g, "$1");
}

/** The frame of a Hebrew token: compared with Latin spellings as an Arabic one is. */
export function hebrewFrame(token: string): string {
  let t = token.replace(/[\u0591-\u05c7]/g, "");
  for (const [re, f] of HEBREW_GERESH_FRAME) t = t.replace(re, f);
  let out = "";
  for (const ch of t) out += HEBREW_FRAME[ch] ?? HEBREW[ch] ?? (/[jZCT]/.test(ch) ? ch : "");
  // A final he is a vowel (Moshe, Golda, Sarah).
  return out.replace(/h$/, "@").replace(/([a-zA-Z])\1+/g, "$1");
}

type Unit = { text: string; vowel: boolean };

const unitCache = new Map<string, Unit[]>();

/** Latin units: digraphs, single consonants, and runs of vowels (y counted as a vowel). */
function latinUnits(latin: string): Unit[] {
  const cached = unitCache.get(latin);
  if (cached) return cached;
  const s = latin.replace(/([b-df-hj-np-tv-xz])\1+/g, "$1");
  const units: Unit[] = [];
  let i = 0;
  while (i < s.length) {
    const vowels = /^[aeiouy]+/.exec(s.slice(i));
    if (vowels) {
      units.push({ text: vowels[0], vowel: true });
      i += vowels[0].length;
      continue;
    }
    const di = DIGRAPHS.find((d) => s.startsWith(d, i));
    const text = di ?? s[i]!;
    units.push({ text, vowel: false });
    i += text.length;
  }
  if (unitCache.size > 200_000) unitCache.clear();
  unitCache.set(latin, units);
  return units;
}

let dp = new Float64Array(256);

/**
 * Minimum edit cost aligning an Arabic frame with a folded Latin spelling under the rules above.
 * Costs: 0 for a customary correspondence, 1 for each substituted, missing or extra letter.
 */
export function frameCost(frame: string, latin: string): number {
  const units = latinUnits(latin);
  const n = frame.length;
  const m = units.length;
  const w = m + 1;
  if ((n + 1) * w > dp.length) dp = new Float64Array((n + 1) * w * 2);
  dp.fill(Number.POSITIVE_INFINITY, 0, (n + 1) * w);
  dp[0] = 0;
  const relax = (at: number, cost: number) => {
    if (cost < dp[at]!) dp[at] = cost;
  };
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = dp[i * w + j]!;
      if (here === Number.POSITIVE_INFINITY) continue;
      const f = frame[i];
      const u = units[j];
      // Short vowels, and a Latin h lengthening a final vowel, are not in the frame. A doubled vowel or
      // diphthong (ou, ee, ai) stands for a written long vowel, so leaving it unmatched costs.
      if (u?.vowel) relax(i * w + j + 1, here + (u.text.length >= 2 ? 1 : 0));
      else if (u && u.text === "h" && j === m - 1 && units[j - 1]?.vowel) relax(i * w + j + 1, here);
      if (f !== undefined) {
        const silent =
          f === "'" || f === "@" || f === "H" || (f === "A" && i === 0) || (f === "h" && i === n - 1);
        relax((i + 1) * w + j, here + (silent ? 0 : 1));
      }
      if (u && !u.vowel) relax(i * w + j + 1, here + 1);
      if (f === undefined || !u) continue;
      const diag = (i + 1) * w + j + 1;
      if (u.vowel) {
        const long = LONG_VOWELS[f];
        relax(diag, here + (long?.test(u.text) || f === "'" || f === "@" ? 0 : 1));
        // One Latin vowel run can spell two long vowels in a row (Ziad: ي + ا), also with a hamza
        // between them (Mikhail: ا + ئ + ي).
        const skip = frame[i + 1] === "'" ? 1 : 0;
        const next = frame[i + 1 + skip];
        const nextLong = next ? LONG_VOWELS[next] : undefined;
        if (
          long &&
          nextLong &&
          u.text.length >= 2 &&
          long.test(u.text[0]!) &&
          nextLong.test(u.text.at(-1)!)
        ) {
          relax((i + 2 + skip) * w + j + 1, here);
        }
      } else {
        const ok = CONSONANTS[f]?.includes(u.text) || SEMIVOWEL_CONSONANTS[f]?.includes(u.text);
        // A consonant with its aspiration mark (پھ, کھ) is one Latin digraph: ph, kh.
        if (frame[i + 1] === "H" && u.text[1] === "h" && CONSONANTS[f]?.includes(u.text.slice(0, 1)))
          relax((i + 2) * w + j + 1, here);
        // Ta marbuta is "-at" in construct state (Fatimat, Hamzat).
        relax(diag, here + (ok || (f === "@" && u.text === "t") ? 0 : 1));
      }
    }
  }
  return dp[n * w + m]!;
}

/** Similarity of an Arabic-script token (as a frame) and a Latin spelling. */
export function arabicLatinSimilarity(frame: string, latin: string): number {
  if (!frame || !latin) return 0;
  const cost = frameCost(frame, latin);
  const consonants = frame.replace(/[AUI'@H]/g, "").length;
  if (cost === 0) return consonants >= 3 ? 0.93 : consonants === 2 ? 0.88 : 0.8;
  // One letter off is a typo only in a long name: short Arabic names one letter apart are other names.
  if (cost === 1 && consonants >= 4) return 0.72;
  return 0;
}
