// Reads the free-text Remarks column of OFAC's legacy sdn.csv, where OFAC keeps birth dates, places of
// birth, nationalities, identity documents and weak aliases as `;`-separated "Label value" fragments.
// Pure: no I/O. Anything it cannot interpret is returned in `unparsed`, never dropped.
import { countryCode } from "../shared/countries.js";
import type { Alias, BirthDate, IdentityDocument } from "./model.js";
import { DOCUMENT_LABELS, IGNORED_LABELS } from "./ofac-labels.js";

export interface OfacRemarks {
  birthDates: BirthDate[];
  placesOfBirth: string[];
  /** ISO 3166-1 alpha-2 codes from `nationality`/`citizen` fragments. */
  nationalities: string[];
  /** Nationality texts that `countryCode` could not map. */
  nationalitiesText: string[];
  gender?: "male" | "female";
  documents: IdentityDocument[];
  /**
   * Quoted `a.k.a.`/`f.k.a.`/`n.k.a.` names. OFAC puts only its weak aliases in the remarks of the
   * CSV files (OFAC FAQ 123), so they are all weak. Names are as the source writes them.
   */
  aliases: Alias[];
  /** Fragments that match no known label. */
  unparsed: string[];
  /** Fragments with a known label whose value cannot be read, e.g. a DOB in an unknown date format. */
  errors: string[];
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const FULL_MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

interface DatePoint {
  year: number;
  month?: number;
  day?: number;
}

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w.length === 3) return MONTHS[w];
  const i = FULL_MONTHS.indexOf(w);
  return i < 0 ? undefined : i + 1;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `01 Jan 1970`, `Jan 1970`, `1970` (full month names too); undefined when not a real date. */
function parsePoint(text: string): DatePoint | undefined {
  const m = /^(?:(\d{1,2}) )?(?:([A-Za-z]+) )?(\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const [, dayText, monthText, yearText] = m;
  const year = Number(yearText);
  if (year < 1800 || year > 2100) return undefined;
  if (monthText === undefined) return dayText === undefined ? { year } : undefined;
  const month = monthNumber(monthText);
  if (month === undefined) return undefined;
  if (dayText === undefined) return { year, month };
  const day = Number(dayText);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

const pad = (n: number) => String(n).padStart(2, "0");

function isoPoint(p: DatePoint): string {
  if (p.month === undefined) return String(p.year);
  return p.day === undefined ? `${p.year}-${pad(p.month)}` : `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** First and last day a point can stand for, as comparable `YYYY-MM-DD` strings. */
function span(p: DatePoint): [string, string] {
  const firstMonth = p.month ?? 1;
  const lastMonth = p.month ?? 12;
  return [
    `${p.year}-${pad(firstMonth)}-${pad(p.day ?? 1)}`,
    `${p.year}-${pad(lastMonth)}-${pad(p.day ?? daysInMonth(p.year, lastMonth))}`,
  ];
}

function splitRange(text: string): [string, string] | undefined {
  const to = /^(.+?)\s+to\s+(.+)$/.exec(text);
  if (to) return [to[1]!, to[2]!];
  const years = /^(\d{4})\s*-\s*(\d{4})$/.exec(text);
  return years ? [years[1]!, years[2]!] : undefined;
}

/**
 * The value of a `DOB` fragment. The model's ranges are in whole years, so a day-precise range is
 * widened to the smallest precision that covers it: a whole month becomes `YYYY-MM`, any other span
 * inside one year becomes `YYYY`, and a span over several years becomes a year range. Never narrowed.
 */
export function parseOfacBirthDate(value: string): BirthDate | undefined {
  const circa = /^circa\s+(.+)$/i.exec(value.trim());
  const text = circa ? circa[1]! : value.trim();
  const approx = circa ? { approximate: true } : {};
  const range = splitRange(text);
  if (!range) {
    const p = parsePoint(text);
    return p && { kind: "date", date: isoPoint(p), ...approx };
  }
  const from = parsePoint(range[0]);
  const to = parsePoint(range[1]);
  if (!from || !to) return undefined;
  const [start] = span(from);
  const [, end] = span(to);
  if (start > end) return undefined;
  if (from.year !== to.year)
    return { kind: "range", from: String(from.year), to: String(to.year), ...approx };
  const month = Number(start.slice(5, 7));
  const wholeMonth =
    start.slice(0, 7) === end.slice(0, 7) &&
    start.endsWith("-01") &&
    Number(end.slice(8)) === daysInMonth(from.year, month);
  return { kind: "date", date: wholeMonth ? start.slice(0, 7) : String(from.year), ...approx };
}

/** An issue or expiry date: ISO `YYYY[-MM[-DD]]`, or an ISO interval `start/end` for a range. */
function parseDocumentDate(value: string): string | undefined {
  const range = splitRange(value);
  if (!range) {
    const p = parsePoint(value);
    return p && isoPoint(p);
  }
  const from = parsePoint(range[0]);
  const to = parsePoint(range[1]);
  return from && to ? `${isoPoint(from)}/${isoPoint(to)}` : undefined;
}

/** Splits on `;` outside parentheses, so a parenthesised note stays one fragment. */
export function splitRemarks(remarks: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < remarks.length; i++) {
    const ch = remarks[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (ch === ";" && depth === 0) {
      out.push(remarks.slice(start, i));
      start = i + 1;
    }
  }
  out.push(remarks.slice(start));
  return out.map((f) => f.trim()).filter((f) => f.length > 0);
}

/** The text after `label` when `fragment` starts with it as a whole word, else undefined. */
function afterLabel(fragment: string, label: string): string | undefined {
  if (!fragment.startsWith(label)) return undefined;
  const rest = fragment.slice(label.length);
  if (rest !== "" && !/^[\s#:]/.test(rest)) return undefined;
  return rest.replace(/^[\s#:]+/, "");
}

const DATE_TEXT = String.raw`(?:\d{1,2}\s+)?(?:[A-Za-z]+\s+)?\d{4}`;
const DATE_OR_RANGE = `${DATE_TEXT}(?:\\s+to\\s+${DATE_TEXT})?`;
const DOCUMENT_VALUE = new RegExp(
  `^(.*?)(?:[\\s,]+issued\\s+(${DATE_OR_RANGE}))?(?:[\\s,]+expires\\s+(${DATE_OR_RANGE}))?$`,
);

type DocumentResult = { document: IdentityDocument } | { error: string } | undefined;

function parseDocument(type: string, value: string, fragment: string): DocumentResult {
  const m = DOCUMENT_VALUE.exec(value);
  if (!m) return undefined;
  const [, head = "", issuedText, expiresText] = m;
  // Trailing prose such as "issued under the name ..." is not a date: leave the fragment unparsed.
  if (/\b(issued|expires)\b/.test(head)) return undefined;
  const country = /^(.*?)\s*\(([^()]+)\)$/.exec(head);
  let number = (country ? country[1]! : head).trim();
  // A worded qualifier before the country, as in "22839 (Jalisco) (Mexico)", is a note, not part of the
  // number; "D489833(9)" keeps its check digit.
  const qualifier = /^(.*\S)\s+\(([^()]*[A-Za-z][^()]*)\)$/.exec(number);
  if (qualifier) number = qualifier[1]!;
  // A number has a digit (most do) or is one token, like the SWIFT/BIC code "TATBIRTH".
  if (!/\d/.test(number) && !/^\S+$/.test(number)) return undefined;
  const document: IdentityDocument = { type, number };
  if (qualifier) document.note = qualifier[2]!;
  if (country) {
    const text = country[2]!.trim();
    const code = countryCode(text);
    if (code) document.country = code;
    document.countryText = text;
  }
  for (const [key, text] of [
    ["issued", issuedText],
    ["expires", expiresText],
  ] as const) {
    if (text === undefined) continue;
    const date = parseDocumentDate(text);
    if (!date) return { error: `unreadable ${key} date "${text}" in "${fragment}"` };
    document[key] = date;
  }
  return { document };
}

function emptyRemarks(): OfacRemarks {
  return {
    birthDates: [],
    placesOfBirth: [],
    nationalities: [],
    nationalitiesText: [],
    documents: [],
    aliases: [],
    unparsed: [],
    errors: [],
  };
}

function addCountry(out: OfacRemarks, text: string): void {
  const code = countryCode(text);
  if (code) {
    if (!out.nationalities.includes(code)) out.nationalities.push(code);
  } else if (!out.nationalitiesText.includes(text)) {
    out.nationalitiesText.push(text);
  }
}

/** Interprets one fragment into `out`; returns false when no rule applies. */
function interpret(out: OfacRemarks, fragment: string): boolean {
  const alias = /^[afn]\.k\.a\.,?\s+'(.+)'$/.exec(fragment);
  if (alias) {
    out.aliases.push({ name: alias[1]!.trim(), quality: "weak" });
    return true;
  }
  // "alt." marks a further value of the same kind; the model keeps all values alike.
  const f = fragment.replace(/^alt\.\s+/i, "");
  const dob = /^DOB\s+(.+)$/.exec(f);
  if (dob) {
    const date = parseOfacBirthDate(dob[1]!);
    if (date) out.birthDates.push(date);
    else out.errors.push(`unreadable DOB "${dob[1]}" in "${fragment}"`);
    return true;
  }
  const pob = /^POB\s+(.+)$/.exec(f);
  if (pob) {
    out.placesOfBirth.push(pob[1]!.trim());
    return true;
  }
  // For an aircraft or organisation, the registration country is the model's nearest to a nationality.
  const nationality = /^(?:nationality|citizen|Nationality of Registration)\s+(.+)$/.exec(f);
  if (nationality) {
    addCountry(out, nationality[1]!.trim());
    return true;
  }
  const gender = /^Gender (Male|Female)$/.exec(f);
  if (gender) {
    out.gender = gender[1] === "Male" ? "male" : "female";
    return true;
  }
  for (const label of DOCUMENT_LABELS) {
    const value = afterLabel(f, label);
    if (value === undefined) continue;
    const result = parseDocument(label, value, fragment);
    if (!result) return false;
    if ("error" in result) out.errors.push(result.error);
    else out.documents.push(result.document);
    return true;
  }
  // Case-insensitive: OFAC writes both "All Offices Worldwide" and "all offices worldwide", "FAX" and "Fax".
  const lower = f.toLowerCase();
  return IGNORED_LABELS.some((label) => afterLabel(lower, label.toLowerCase()) !== undefined);
}

export function parseOfacRemarks(remarks: string): OfacRemarks {
  const out = emptyRemarks();
  // OFAC ends the whole remarks text with a full stop, not each fragment.
  const text = remarks.trim().replace(/\.$/, "");
  for (const fragment of splitRemarks(text)) {
    if (!interpret(out, fragment)) out.unparsed.push(fragment);
  }
  return out;
}
