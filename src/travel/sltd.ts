// Stolen, lost and revoked travel documents (an SLTD-style list): import and exact lookup.
import { countryCode } from "../shared/countries.js";
import { type RowProblem, readCsv, rejectIfProblems } from "./csv.js";
import { isoDate } from "./dates.js";

export type SltdStatus = "stolen" | "lost" | "revoked" | "blank_stolen";

export interface SltdRecord {
  /** As reported; matching uses `normaliseDocNumber`. */
  number: string;
  /** Document type as reported (`P` passport, `I` identity card, `V` visa, or text). */
  type: string;
  /** ISO alpha-2 where the code or name maps, else the text as given. */
  issuingCountry: string;
  status: SltdStatus;
  /** `YYYY-MM-DD`. */
  reportedDate: string;
}

const STATUSES = new Set<string>(["stolen", "lost", "revoked", "blank_stolen"]);

/**
 * CSV with a header row and the columns
 * `number, type, issuing_country, status, reported_date`:
 * - `issuing_country`: ISO alpha-2/alpha-3, ICAO code (`D`) or English name;
 * - `status`: `stolen`, `lost`, `revoked` or `blank_stolen` (`blank stolen` is accepted);
 * - `reported_date`: `YYYY-MM-DD`.
 * Throws InvalidError listing every bad row.
 */
export function parseSltdCsv(text: string): SltdRecord[] {
  const rows = readCsv(text, "SLTD list", ["number", "type", "issuing_country", "status", "reported_date"]);
  const records: SltdRecord[] = [];
  const problems: RowProblem[] = [];
  for (const row of rows) {
    const number = row.get("number");
    const country = row.get("issuing_country");
    const status = row
      .get("status")
      .toLowerCase()
      .replace(/[\s-]+/g, "_");
    const reported = row.get("reported_date");
    const date = isoDate(reported, false);
    const issues = [
      row.issue,
      !normaliseDocNumber(number) && "number is empty",
      !country && "issuing_country is empty",
      !STATUSES.has(status) && `status "${row.get("status")}" is not stolen, lost, revoked or blank_stolen`,
      !date && `reported_date "${reported}" is not a YYYY-MM-DD date`,
    ].filter((p): p is string => typeof p === "string");
    if (issues.length > 0) {
      problems.push({ line: row.line, issues });
      continue;
    }
    records.push({
      number,
      type: row.get("type"),
      issuingCountry: countryCode(country) ?? country,
      status: status as SltdStatus,
      reportedDate: date!,
    });
  }
  rejectIfProblems("SLTD list", problems);
  return records;
}

/**
 * The form a document number is matched in: no blanks or dashes, upper case, and O read as 0 and I as 1,
 * because those pairs are confused on printed documents, by OCR and by people typing numbers.
 */
export function normaliseDocNumber(number: string): string {
  return number
    .replace(/[\s-]+/g, "")
    .toUpperCase()
    .replace(/O/g, "0")
    .replace(/I/g, "1");
}

export interface SltdIndex {
  readonly size: number;
  /** Records for this document: same normalised number and same issuing country. */
  check(number: string, country: string): SltdRecord[];
}

export function createSltdIndex(records: readonly SltdRecord[]): SltdIndex {
  const byKey = new Map<string, SltdRecord[]>();
  for (const r of records) {
    const key = keyOf(r.number, r.issuingCountry);
    const list = byKey.get(key);
    if (list) list.push(r);
    else byKey.set(key, [r]);
  }
  return {
    size: records.length,
    check: (number, country) => byKey.get(keyOf(number, country)) ?? [],
  };
}

function keyOf(number: string, country: string): string {
  const c = country.trim();
  return `${normaliseDocNumber(number)}|${countryCode(c) ?? c.toUpperCase()}`;
}

/** A document found on the stolen/lost list, with what the list asks the officer to do. */
export interface DocumentHit {
  number: string;
  issuingCountry: string;
  status: SltdStatus;
  action: "seize the document and refer to second line";
}
