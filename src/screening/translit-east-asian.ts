// Chinese and Japanese names written in Cyrillic, read back into their own romanisations.
//
// Russian, Ukrainian and Bulgarian texts write Chinese names by the Palladius system (Си Цзиньпин =
// Xi Jinping) and Japanese names by the Polivanov system (Хасимото = Hashimoto). Read as Russian, those
// spellings are far from the pinyin and Hepburn forms that Latin lists use (tszinpin, khasimoto). Both
// systems write a closed set of syllables, so a Cyrillic token that splits wholly into such syllables
// gets a second reading, in pinyin or Hepburn; the comparer keeps the better of the two readings.

/** Palladius initials → pinyin; цз, ц, с become j, q, x before i and ü (Цзян = Jiang, Сяо = Xiao). */
const PALLADIUS_INITIALS: [string, string, string?][] = [
  ["чж", "zh"],
  ["цз", "z", "j"],
  ["ц", "c", "q"],
  ["с", "s", "x"],
  ["ч", "ch"],
  ["ш", "sh"],
  ["ж", "r"],
  ["б", "b"],
  ["п", "p"],
  ["м", "m"],
  ["ф", "f"],
  ["д", "d"],
  ["т", "t"],
  ["н", "n"],
  ["л", "l"],
  ["г", "g"],
  ["к", "k"],
  ["х", "h"],
];

/** Palladius finals after an initial → pinyin (ü written u after j, q, x, as pinyin does). */
const PALLADIUS_FINALS: [string, string][] = [
  ["юань", "üan"],
  ["уань", "uan"],
  ["уан", "uang"],
  ["уай", "uai"],
  ["янь", "ian"],
  ["юнь", "ün"],
  ["ань", "an"],
  ["энь", "en"],
  ["инь", "in"],
  ["унь", "un"],
  ["ян", "iang"],
  ["яо", "iao"],
  ["юн", "iong"],
  ["юй", "ü"],
  ["юэ", "üe"],
  ["ан", "ang"],
  ["эн", "eng"],
  ["ин", "ing"],
  ["ун", "ong"],
  ["ай", "ai"],
  ["эй", "ei"],
  ["ао", "ao"],
  ["оу", "ou"],
  ["уа", "ua"],
  ["уй", "ui"],
  ["уо", "uo"],
  ["а", "a"],
  ["э", "e"],
  ["о", "o"],
  ["ы", "i"],
  ["и", "i"],
  ["я", "ia"],
  ["е", "ie"],
  ["ю", "iu"],
  ["у", "u"],
];

/** Syllables without an initial, as pinyin spells them (и = yi, у = wu, ван = wang). */
const PALLADIUS_BARE: [string, string][] = [
  ["юань", "yuan"],
  ["вань", "wan"],
  ["вэнь", "wen"],
  ["янь", "yan"],
  ["юнь", "yun"],
  ["инь", "yin"],
  ["ань", "an"],
  ["энь", "en"],
  ["ван", "wang"],
  ["вэн", "weng"],
  ["вэй", "wei"],
  ["вай", "wai"],
  ["ян", "yang"],
  ["яо", "yao"],
  ["юн", "yong"],
  ["юй", "yu"],
  ["юэ", "yue"],
  ["ин", "ying"],
  ["ан", "ang"],
  ["эн", "eng"],
  ["эр", "er"],
  ["ай", "ai"],
  ["эй", "ei"],
  ["ао", "ao"],
  ["оу", "ou"],
  ["ва", "wa"],
  ["во", "wo"],
  ["я", "ya"],
  ["е", "ye"],
  ["ю", "you"],
  ["и", "yi"],
  ["у", "wu"],
  ["а", "a"],
  ["э", "e"],
  ["о", "o"],
];

const LABIALS = new Set(["б", "п", "м", "ф"]);

const palladiusSyllables = (() => {
  const out: [string, string][] = [...PALLADIUS_BARE];
  for (const [ci, pi, palatal] of PALLADIUS_INITIALS) {
    for (const [cf, pf] of PALLADIUS_FINALS) {
      // ы follows only цз, ц, с (zi, ci, si); о is uo except after a labial (до = duo, бо = bo).
      if (cf === "ы" && !palatal) continue;
      const final = cf === "о" && !LABIALS.has(ci) ? "uo" : pf;
      const front = cf !== "ы" && /^[iü]/.test(final);
      out.push([ci + cf, palatal && front ? (palatal + final).replace("ü", "u") : pi + final]);
    }
  }
  return out;
})();

/** Polivanov kana rows: consonant → Hepburn, and the irregular syllables (си = shi, ти = chi, цу = tsu). */
const POLIVANOV_ROWS: [string, string][] = [
  ["к", "k"],
  ["с", "s"],
  ["т", "t"],
  ["н", "n"],
  ["х", "h"],
  ["м", "m"],
  ["р", "r"],
  ["г", "g"],
  ["дз", "z"],
  ["д", "d"],
  ["б", "b"],
  ["п", "p"],
];
const POLIVANOV_VOWELS: [string, string][] = [
  ["а", "a"],
  ["и", "i"],
  ["у", "u"],
  ["э", "e"],
  ["е", "e"],
  ["о", "o"],
  ["я", "ya"],
  ["ю", "yu"],
  ["ё", "yo"],
];
const POLIVANOV_IRREGULAR: [string, string][] = [
  ["си", "shi"],
  ["ся", "sha"],
  ["сю", "shu"],
  ["сё", "sho"],
  ["ти", "chi"],
  ["тя", "cha"],
  ["тю", "chu"],
  ["тё", "cho"],
  ["цу", "tsu"],
  ["дзи", "ji"],
  ["дзя", "ja"],
  ["дзю", "ju"],
  ["дзё", "jo"],
  ["фу", "fu"],
  ["ва", "wa"],
  ["я", "ya"],
  ["ю", "yu"],
  ["ё", "yo"],
  ["й", "i"],
  ["н", "n"],
  // The hard sign parts a syllabic n from a vowel (Дзюнъитиро = Jun'ichiro).
  ["ъ", ""],
];

const polivanovSyllables = (() => {
  const out: [string, string][] = [...POLIVANOV_IRREGULAR, ...POLIVANOV_VOWELS.slice(0, 6)];
  const irregular = new Set(POLIVANOV_IRREGULAR.map(([c]) => c));
  for (const [cc, lc] of POLIVANOV_ROWS) {
    for (const [cv, lv] of POLIVANOV_VOWELS) {
      // ту, ди, ду, ху are not Japanese syllables (цу, дзи, дзу, фу are).
      if (irregular.has(cc + cv) || ["ту", "ди", "ду", "дё", "дю", "дя", "ху"].includes(cc + cv)) continue;
      out.push([cc + cv, lc + lv]);
    }
  }
  return out;
})();

/** Syllable tables longest first, so that the parser tries цзинь before цзи. */
const byLength = (xs: [string, string][]) => [...xs].sort((a, b) => b[0].length - a[0].length);
const PALLADIUS = byLength(palladiusSyllables);
const POLIVANOV = byLength(polivanovSyllables);

/**
 * The token split wholly into the syllables of a table, or undefined. `double` lets a consonant be
 * written twice (Hepburn's small tsu: Хаттори = Hattori).
 */
function parse(token: string, syllables: readonly [string, string][], double: boolean): string | undefined {
  const memo = new Map<number, string | undefined>();
  const from = (i: number): string | undefined => {
    if (i === token.length) return "";
    if (memo.has(i)) return memo.get(i);
    let result: string | undefined;
    for (const [c, l] of syllables) {
      if (!token.startsWith(c, i)) continue;
      const rest = from(i + c.length);
      if (rest !== undefined) {
        result = l + rest;
        break;
      }
    }
    if (result === undefined && double && token[i] === token[i + 1] && /[кстпбгдм]/.test(token[i]!)) {
      const rest = from(i + 1);
      if (rest !== undefined) result = rest.slice(0, 1).replace("c", "t") + rest;
    }
    memo.set(i, result);
    return result;
  };
  return from(0);
}

/**
 * Pinyin and Hepburn readings of a lower-case Cyrillic token, where it splits wholly into Palladius or
 * Polivanov syllables and the reading differs from the Russian one. A Russian name rarely does both.
 */
export function eastAsianReadings(token: string, russian: string): string[] {
  if (token.length < 2) return [];
  const out = new Set<string>();
  for (const reading of [parse(token, PALLADIUS, false), parse(token, POLIVANOV, true)]) {
    if (reading && reading !== russian) out.add(reading.normalize("NFD").replace(/\p{M}/gu, ""));
  }
  return [...out];
}
