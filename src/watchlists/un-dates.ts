// Dates of birth in the UN consolidated list: EXACT, APPROXIMATELY and BETWEEN, and the forms the UN
// writes only in a NOTE (a month and year, a span of months, a Hijri date, an age at listing).
import type { BirthDate, ImportIssue } from "./model.js";
import { partialDate } from "./partial-date.js";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export function monthOf(word: string): string | undefined {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? undefined : String(i + 1).padStart(2, "0");
}

/**
 * Tabular Islamic calendar to Gregorian (the arithmetic civil calendar; may differ from the observed
 * calendar by a day, which the screener's date tolerance absorbs).
 */
export function hijriToGregorian(year: number, month: number, day: number): string {
  const jdn =
    day + Math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + Math.floor((3 + 11 * year) / 30) + 1948439 - 1;
  const ms = (jdn - 2440588) * 86_400_000 + 43_200_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Birth dates the UN writes only in the NOTE: "Nov. 1973", "Between Aug. and Sep. 1977",
 * "24/06/1402 (Hijri Calendar)", "30-35 years old" (relative to the listing year).
 */
function dateFromNote(note: string, listedYear: number | undefined): BirthDate | undefined {
  const monthYear = /^([A-Za-z]+)\.?\s+(\d{4})$/.exec(note);
  if (monthYear && monthOf(monthYear[1]!))
    return { kind: "date", date: `${monthYear[2]}-${monthOf(monthYear[1]!)}` };
  const between = /^Between [A-Za-z]+\.? and [A-Za-z]+\.? (\d{4})$/i.exec(note);
  if (between) return { kind: "date", date: between[1]! };
  const hijri = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) \(Hijri Calendar\)$/i.exec(note);
  if (hijri)
    return { kind: "date", date: hijriToGregorian(Number(hijri[3]), Number(hijri[2]), Number(hijri[1])) };
  const age = /^(\d{1,2})\s*-\s*(\d{1,2}) years old$/i.exec(note);
  if (age && listedYear) {
    return {
      kind: "range",
      from: String(listedYear - Number(age[2])),
      to: String(listedYear - Number(age[1])),
      approximate: true,
    };
  }
  return undefined;
}

/** The text of an INDIVIDUAL_DATE_OF_BIRTH's elements. */
export interface DateOfBirthFields {
  type: string;
  date: string;
  year: string;
  from: string;
  to: string;
  note: string;
}

export function birthDate(
  fields: DateOfBirthFields,
  path: string,
  ref: string,
  issues: ImportIssue[],
  listedYear?: number,
): BirthDate | undefined {
  const { type, date, year, from, to, note } = fields;
  if (!type && !date && !year && !from && !to && !note) return undefined;
  const approximate = type === "APPROXIMATELY";
  if (type === "EXACT" || type === "APPROXIMATELY") {
    let value = partialDate(date.slice(0, 10)) ?? partialDate(year);
    // "YEAR 1958, NOTE Sep." is September 1958.
    const noteMonth = /^[A-Za-z]+\.?$/.test(note) ? monthOf(note) : undefined;
    if (value && value.length === 4 && noteMonth) value = `${value}-${noteMonth}`;
    if (!value && !date && !year) {
      const fromNote = dateFromNote(note, listedYear);
      if (fromNote) return approximate ? { ...fromNote, approximate: true } : fromNote;
    }
    if (!value) {
      issues.push({
        severity: "error",
        location: path,
        reason: `unknown date of birth format "${date || year || note}" (${type})`,
        sourceRef: ref,
      });
      return undefined;
    }
    return approximate ? { kind: "date", date: value, approximate } : { kind: "date", date: value };
  }
  if (type === "BETWEEN") {
    if (!partialDate(from) || !partialDate(to) || from > to) {
      issues.push({
        severity: "error",
        location: path,
        reason: `unreadable BETWEEN date of birth "${from}".."${to}"`,
        sourceRef: ref,
      });
      return undefined;
    }
    return { kind: "range", from, to };
  }
  issues.push({
    severity: "error",
    location: path,
    reason: `unknown TYPE_OF_DATE "${type}"`,
    sourceRef: ref,
  });
  return undefined;
}
