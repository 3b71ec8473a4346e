// Linguistic knowledge about names, kept as data. Every entry is a general fact about a naming
// tradition (particles, honorifics, legal forms, cognate given names), never a fix for one list row.

/**
 * Particles that join name parts: Arabic article and kinship words, Dutch/German/Romance nobiliary
 * particles. They carry little identity, so they weigh little, but they still align when present.
 */
export const PARTICLES = new Set([
  "al",
  "el",
  "ul",
  "ad",
  "ar",
  "as",
  "ash",
  "at",
  "az",
  "an",
  "bin",
  "ibn",
  "bint",
  "binti",
  "bte",
  "ould",
  "walad",
  "oglu",
  "ogly",
  "kyzy",
  "uulu",
  "van",
  "von",
  "der",
  "den",
  "ter",
  "zu",
  "mac",
]);

/** Particles that are also given names or common words: particles only between two names. */
export const JOINERS = new Set([
  // Abd-ur-Rahman, Noor-ud-Din: the Arabic article as romanised inside a compound.
  "ur",
  "ud",
  "ben",
  "bar",
  "bat",
  "de",
  "del",
  "della",
  "di",
  "da",
  "dos",
  "das",
  "do",
  "du",
  "la",
  "le",
  "y",
  "e",
  "st",
]);

/**
 * Arabic theophoric and kunya prefixes: they begin many names (Abd al-Rahman, Abu Bakr) and are
 * written joined or apart. They identify less than the name they introduce.
 */
export const PREFIX_WORDS = new Set(["abd", "abu"]);

/** Honorifics and religious or professional titles that lists and travellers add or drop. */
export const HONORIFICS = new Set([
  "sheikh",
  "shaikh",
  "shaykh",
  "sheik",
  "haji",
  "hajji",
  "hadji",
  "mullah",
  "mulla",
  "mawlawi",
  "maulvi",
  "maulavi",
  "mawlavi",
  "qari",
  "hafiz",
  "sayyid",
  "syed",
  "sayed",
  "sahib",
  "imam",
  "emir",
  "amir",
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "sir",
  "general",
  "gen",
  "colonel",
  "col",
  "major",
  "captain",
  "capt",
  "commander",
  "lt",
  "sgt",
  "president",
  "minister",
  "monsieur",
  "madame",
  "mme",
  "herr",
  "frau",
  "senor",
  "senora",
  "sra",
  "sr",
  "gospodin",
  "bey",
  "pasha",
  "effendi",
]);

/** Spelling variants of the Arabic "servant of" prefix written as a separate word. */
export const ABD_FORMS = new Set([
  "abd",
  "abdul",
  "abdel",
  "abdal",
  "abdol",
  "abdu",
  "abdi",
  "abdur",
  "abdar",
]);

/** Names that are themselves "servant of God" and must not be split into abd + rest. */
export const ABD_WHOLE = new Set([
  "abdullah",
  "abdulla",
  "abdallah",
  "abdalla",
  "abdellah",
  "abdollah",
  "abdillah",
]);

/**
 * Theophoric and compound second elements (Atiqullah, Nooruddin, Salahuddin): written joined, apart or
 * hyphenated, in Latin and in Arabic script. They become a word of their own on every side, so that
 * عتیق الله, Atiqullah and Atiq-Ullah all read atiq + allah.
 */
export const COMPOUND_ENDINGS_LATIN: [RegExp, string][] = [
  // Single-l -ulah is common in passports (Najibulah); -ilah and -alah are not split, since Nabilah,
  // Jamilah and Ghazalah are names of their own.
  [/^([a-z]{3,}?)(ullah|ulah|ulla|allah|ollah|illah|ulloh)$/, "allah"],
  // -eddine only: -udine, -adine would split Claudine.
  [/^([a-z]{3,}?)([uaeoi]dd?(?:in|een)|eddine|[au]ldin)$/, "din"],
];

/** The same elements written as a word of their own. */
export const COMPOUND_WORDS_LATIN: Record<string, string> = {
  ullah: "allah",
  ulah: "allah",
  ulla: "allah",
  ollah: "allah",
  illah: "allah",
  deen: "din",
  uddin: "din",
  udin: "din",
  eddin: "din",
  eddine: "din",
};

/** Arabic-script forms, joined (نورالدین) or apart (نور الدین); Persian writes ی for ي. */
export const COMPOUND_ENDINGS_ARABIC: [string, string][] = [
  ["الله", "allah"],
  ["الدين", "din"],
  ["الدین", "din"],
];

/** Spelling variants of the Arabic kunya prefix "father of". */
export const ABU_FORMS = new Set(["abu", "abou", "abo", "abul"]);

/**
 * Company legal forms, mapped to a class so that "JSC" and "Joint Stock Company" or "AG" and
 * "Aktiengesellschaft" align. Multi-word forms are folded into one token before tokenising.
 */
/** A whole-word pattern: `\b` knows only ASCII letters, and these phrases are Cyrillic and accented too. */
function phrase(source: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, "gu");
}

export const LEGAL_FORM_PHRASES: [RegExp, string][] = [
  [phrase("(open |closed |public )?joint[- ]stock company"), " jsc "],
  [phrase("limited liability (company|partnership)"), " llc "],
  [phrase("public limited company"), " plc "],
  [phrase("sociedad an[oó]nima"), " sa "],
  [phrase("soci[eé]t[eé] anonyme"), " sa "],
  [phrase("государственное унитарное предприятие"), " gup "],
  [phrase("общество с ограниченной ответственностью"), " llc "],
  [phrase("(открытое |закрытое |публичное )?акционерное общество"), " jsc "],
  [phrase("gesellschaft mit beschr(a|ä|ae)nkter haftung"), " gmbh "],
  [phrase("societ(a|à) a responsabilit(a|à) limitata"), " srl "],
  [phrase("sociedad de responsabilidad limitada"), " srl "],
  [phrase("g\\.?m\\.?b\\.?h\\.?"), " gmbh "],
  [phrase("s\\.?a\\.?r\\.?l\\.?"), " sarl "],
  [phrase("l\\.?l\\.?c\\.?"), " llc "],
  [phrase("s\\.?p\\.?a\\.?"), " spa "],
  [phrase("b\\.?v\\.?(b\\.?a\\.?)?"), " bv "],
  [phrase("n\\.?v\\.?"), " nv "],
  [phrase("l\\.?t\\.?d\\.?"), " ltd "],
  [phrase("l\\.?l\\.?p\\.?"), " llp "],
  [phrase("l\\.?p\\.?"), " lp "],
  [phrase("s\\.?a\\.?"), " sa "],
  [phrase("sp\\.?\\s*z\\s*o\\.?\\s*o\\.?"), " spzoo "],
];

const LEGAL_FORM_CLASSES: Record<string, string> = {
  jsc: "jsc",
  ojsc: "jsc",
  cjsc: "jsc",
  pjsc: "jsc",
  oao: "jsc",
  zao: "jsc",
  pao: "jsc",
  ao: "jsc",
  оао: "jsc",
  зао: "jsc",
  пао: "jsc",
  ао: "jsc",
  ag: "ag",
  aktiengesellschaft: "ag",
  aktiengeselschaft: "ag",
  llc: "llc",
  ooo: "llc",
  ооо: "llc",
  tov: "llc",
  тов: "llc",
  ltd: "ltd",
  limited: "ltd",
  // Company, Corporation and Incorporated are one generic suffix in English usage, not distinct forms.
  inc: "corp",
  incorporated: "corp",
  corp: "corp",
  corporation: "corp",
  co: "corp",
  company: "corp",
  gmbh: "gmbh",
  plc: "plc",
  sa: "sa",
  sarl: "sarl",
  spa: "spa",
  bv: "bv",
  nv: "nv",
  llp: "llp",
  lp: "lp",
  pte: "pte",
  pty: "pty",
  spzoo: "spzoo",
  as: "as",
  ab: "ab",
  oy: "oy",
  kg: "kg",
  se: "se",
  srl: "srl",
  sl: "sl",
  gup: "gup",
  fze: "fze",
  fzco: "fzco",
  fzc: "fzc",
  est: "est",
  group: "group",
  holding: "holding",
  holdings: "holding",
};

/** Legal-form class of a token, for organisation names only. */
export function legalFormClass(token: string): string | undefined {
  return LEGAL_FORM_CLASSES[token];
}

/**
 * Cognates and short forms of given names across languages and scripts: the same person is Yusuf in
 * Arabic, Josif in Serbian, Joseph in English. Each group is one name; members compare as equivalent.
 * Spellings are folded Latin; the phonetic key merges the remaining variants (Yusuf/Youssef/Yousef).
 * Sources: English short forms (Bill, Bob, Peggy…) as in the nickname dataset carltonnorthern/nicknames
 * (names.csv, Apache-2.0); cross-language cognates as Wikidata given-name items linked by "said to be
 * the same as" (P460) and the Bible/Qur'an name equivalents they record. A short form that is a given
 * name in its own right elsewhere (Bibi in South Asia) is left out: it would join two different people.
 */
const NAME_GROUPS: string[][] = [
  [
    "muhammad",
    "mohammed",
    "mehmet",
    "mehmed",
    "mohamed",
    "mamadou",
    "mahomet",
    "mukhammad",
    "magomed",
    "muhamed",
    "mohd",
    "md",
  ],
  ["ahmad", "ahmed", "ahmet", "akhmed"],
  [
    "yusuf",
    "yousef",
    "youssef",
    "josef",
    "joseph",
    "josip",
    "iosif",
    "yosef",
    "jose",
    "giuseppe",
    "jusuf",
    "osip",
  ],
  ["ibrahim", "abraham", "ebrahim", "ibragim", "avraham"],
  ["suleiman", "sulayman", "sulejman", "suleyman", "solomon", "sulaiman", "shlomo"],
  ["ismail", "ismael", "ismoil", "izmail"],
  ["musa", "moussa", "moses", "moshe", "mojsije"],
  ["isa", "issa", "jesus"],
  [
    "yahya",
    "yahia",
    "john",
    "johann",
    "johannes",
    "jan",
    "juan",
    "jovan",
    "ivan",
    "ioannis",
    "giovanni",
    "jean",
    "hans",
  ],
  ["yaqub", "yakub", "jacob", "jakob", "jakov", "yakov", "iakov", "jacques"],
  ["dawud", "daoud", "davud", "david", "davit"],
  ["maryam", "mariam", "maria", "marija", "mary", "marie", "miriam"],
  [
    "alexander",
    "aleksandr",
    "aleksandar",
    "alexandre",
    "alessandro",
    "alejandro",
    "sasha",
    "sandro",
    "alex",
    "oleksandr",
    "iskander",
    "iskandar",
  ],
  ["nikolai", "nikolay", "nicholas", "nikola", "nicolas", "nicola", "mykola", "nikolaos", "klaus", "nick"],
  [
    "mikhail",
    "michael",
    "mihail",
    "mihajlo",
    "michel",
    "miguel",
    "michele",
    "mykhailo",
    "mikael",
    "mike",
    "mikhael",
  ],
  ["dmitry", "dmitri", "dmitriy", "dimitri", "dimitrios", "dmytro", "dima", "dimitar"],
  ["sergei", "sergey", "sergiy", "serhiy", "sergio", "serge", "sergej", "sergiu"],
  [
    "andrei",
    "andrey",
    "andrew",
    "andrej",
    "andrea",
    "andreas",
    "andre",
    "andriy",
    "andrzej",
    "andres",
    "andy",
  ],
  ["pyotr", "petr", "peter", "pierre", "pedro", "pietro", "petar", "petro", "piotr", "petros"],
  ["pavel", "paul", "pablo", "paolo", "pavlo", "pavle", "pawel"],
  ["georgy", "georgiy", "george", "georg", "jorge", "giorgio", "georgios", "jerzy", "juraj", "heorhiy"],
  ["grigory", "grigoriy", "gregory", "hryhoriy", "grgur", "gregor"],
  ["vladimir", "volodymyr", "wladimir", "włodzimierz", "vova", "volodya"],
  ["yevgeny", "evgeny", "evgeniy", "eugene", "eugen", "yevhen", "zhenya"],
  ["aleksei", "alexei", "alexey", "aleksey", "oleksiy", "alexis"],
  ["stefan", "stephen", "steven", "stepan", "esteban", "stefano", "etienne", "stjepan"],
  ["william", "bill", "billy", "will", "willy", "wilhelm", "guillaume", "guillermo", "willem"],
  ["robert", "bob", "bobby", "rob", "robbie", "roberto"],
  ["richard", "dick", "rick", "ricardo", "riccardo"],
  ["benjamin", "ben", "benny", "binyamin"],
  ["thomas", "tom", "tommy", "tomas", "tomasz", "foma"],
  ["edward", "ed", "eddie", "ted", "eduard", "eduardo", "edouard"],
  ["elizabeth", "liz", "beth", "betty", "elisabeth", "elisabetta", "elizaveta", "yelizaveta"],
  ["catherine", "kate", "katherine", "kathryn", "ekaterina", "yekaterina", "katarina", "caterina", "katya"],
  ["hussein", "husayn", "hussain", "huseyin", "husein", "hossein", "husain", "husseyn"],
  ["hasan", "hassan", "hasen", "hassen"],
  ["umar", "omar", "omer", "umer"],
  ["uthman", "usman", "othman", "osman", "usmon"],
  ["usama", "osama", "ousama", "oussama"],
  ["abubakar", "abu bakr", "abubakr", "aboubakar", "boubacar", "abubakir"],
  ["khalid", "khaled", "halid", "haled"],
  ["jamal", "gamal", "djamal", "cemal", "dzhamal"],
  ["jafar", "gafar", "cafer", "dzhafar"],
  ["jalal", "celal", "dzhalal"],
  ["qasim", "kasim", "gasim", "kassem", "qassem", "qassim", "kasym"],
  ["ali", "aly", "alija"],
  ["fatima", "fatma", "fatimah", "fatemeh"],
  ["zaynab", "zainab", "zeynep", "zeinab"],
  ["aisha", "ayesha", "aysha", "aicha", "ayse"],
  ["khadija", "khadijah", "hatice", "hadiza", "khadidja"],
  ["theodore", "ted", "teddy", "fyodor", "feodor", "fedor", "teodor", "theodor", "todor"],
  ["charles", "charlie", "chuck", "karl", "carl", "carlos", "carlo", "karol", "karel"],
  ["anthony", "tony", "antonio", "anton", "antoine", "antun", "antoni"],
  ["joe", "joseph"],
  ["daniel", "dan", "danny", "daniil", "danilo"],
  ["samuel", "sam", "sammy", "samuil"],
  ["christopher", "chris", "kristof", "christoph", "cristobal", "hristo"],
  ["matthew", "matt", "matvei", "matvey", "mateo", "matteo", "matthias", "mathias", "mateusz", "matej"],
  ["francis", "frank", "francisco", "franz", "frantisek", "francesco", "francois", "franjo"],
  ["henry", "harry", "hank", "heinrich", "enrique", "henri", "enrico", "henrik"],
  ["frederick", "fred", "freddie", "fritz", "friedrich", "federico", "frederik", "fredrik"],
  ["james", "jim", "jimmy", "jamie"],
  ["john", "jack", "johnny", "jon"],
  ["margaret", "maggie", "peggy", "margarita", "margarete", "marguerite"],
  ["lawrence", "larry", "laurence", "lorenzo", "lorenz"],
];

const GROUPS_OF = new Map<string, number[]>();
NAME_GROUPS.forEach((group, i) => {
  for (const name of group) GROUPS_OF.set(name, [...(GROUPS_OF.get(name) ?? []), i]);
});

/** Groups of a cognate/short-form given name (a short form such as Joe may belong to several). */
export function nameGroups(folded: string): readonly number[] | undefined {
  return GROUPS_OF.get(folded);
}

/**
 * Surname and patronymic suffixes built on a given name (Hasanov, Ivanovich, Petrova, Alizade, Jónsdóttir,
 * Andersson, Hansen). The derived name is another name part than the given name it is built on: Ali
 * Hasanov is not Ali Hasan. Two names with the same suffix are as alike as the given names they are built
 * on: Jónsdóttir and Tómasdóttir share a long ending and nothing else. Longest first, so that -ovich is
 * stripped before -ov. Source: the patronymic and surname formation of Icelandic, Scandinavian, East and
 * South Slavic and Persian/Azeri names (Wikipedia, "Patronymic"; "Icelandic name"; "Slavic names").
 */
export const DERIVED_NAME_SUFFIXES = [
  "dottir",
  "ovich",
  "evich",
  "ovna",
  "evna",
  "ovic",
  "evic",
  "zade",
  "zada",
  "sson",
  "ova",
  "eva",
  "son",
  "sen",
  "ov",
  "ev",
];

/**
 * East Slavic patronymics (Viktorovich, Ivanovna): the father's name, which Western documents and many
 * lists leave out. Missing on one side it says little; a different one on both sides still conflicts.
 */
export const PATRONYMIC_SUFFIXES = ["ovich", "evich", "ovna", "evna"];

/** English number words, so that "Brigade Forty-Four" meets "Brigade 44". */
export const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
};

/** Roman numerals in series names (Fund IV, Partners VII) are numbers, and must agree exactly. */
export function romanNumeral(token: string): number | undefined {
  if (!/^[ivxl]+$/.test(token) || token.length > 6) return undefined;
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 };
  let total = 0;
  for (let i = 0; i < token.length; i++) {
    const cur = v[token[i]!]!;
    const next = v[token[i + 1] ?? ""] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total > 0 ? total : undefined;
}
