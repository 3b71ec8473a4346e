// IMO FAL Form 5 (crew list) and Form 6 (passenger list) as CSV, one row per person.

import { type CsvRow, readCsv, rejectIfProblems } from "./csv.js";
import { isoDate } from "./dates.js";
import {
  countryOrText,
  type Gender,
  type Leg,
  type Manifest,
  type TravelDocument,
  type Traveller,
} from "./model.js";

/**
 * Columns (header row, any order, names case-insensitive; blanks or dashes count as underscores):
 *
 * | column                   | Form 5 | Form 6 | content                                        |
 * |--------------------------|--------|--------|------------------------------------------------|
 * | `family_name`            | yes    | yes    | surname                                        |
 * | `given_names`            | yes    | yes    | given names, may be empty                      |
 * | `rank_or_role`           | yes    | –      | rank or rating (crew)                          |
 * | `gender`                 | opt.   | opt.   | `M`, `F` or `X`                                |
 * | `nationality`            | yes    | yes    | ISO alpha-2/alpha-3, ICAO code or name         |
 * | `date_of_birth`          | yes    | yes    | `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` if unknown) |
 * | `place_of_birth`         | yes    | yes    | text                                           |
 * | `document_type`          | yes    | yes    | e.g. `P` passport, `S` seafarer's book         |
 * | `document_number`        | yes    | yes    |                                                |
 * | `issuing_state`          | yes    | yes    | as nationality                                 |
 * | `document_expiry`        | yes    | yes    | `YYYY-MM-DD`                                   |
 * | `port_of_embarkation`    | opt.   | yes    | UN/LOCODE or name                              |
 * | `port_of_disembarkation` | opt.   | yes    | UN/LOCODE or name                              |
 * | `transit`                | –      | yes    | `yes`/`no` (`y`, `n`, `true`, `false`, `1`, `0`, empty = no) |
 *
 * Only `family_name`, `document_number` and `date_of_birth` must be filled in on every row; the rest may
 * be empty where the master's list leaves them blank.
 */
const COMMON = [
  "family_name",
  "given_names",
  "nationality",
  "date_of_birth",
  "place_of_birth",
  "document_type",
  "document_number",
  "issuing_state",
  "document_expiry",
] as const;
const FORM_COLUMNS = {
  5: [...COMMON, "rank_or_role"],
  6: [...COMMON, "port_of_embarkation", "port_of_disembarkation", "transit"],
} as const;

export type FalForm = 5 | 6;

/** What the CSV rows do not say about the voyage: the ship and the legs, from the form's header. */
export interface VoyageInfo {
  carrier?: string;
  number?: string;
  legs?: Leg[];
}

/** Parses a FAL 5 (crew) or FAL 6 (passengers) CSV into a voyage manifest; InvalidError lists every bad row. */
export function parseFalCsv(text: string, form: FalForm, voyage: VoyageInfo = {}): Manifest {
  const what = `FAL Form ${form}`;
  const rows = readCsv(text, what, FORM_COLUMNS[form]);
  const persons: Traveller[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const issues: string[] = [];
    const person = readPerson(row, form, issues);
    if (issues.length > 0) problems.push(`line ${row.line}: ${issues.join(", ")}`);
    else persons.push(person);
  }
  rejectIfProblems(what, problems);
  const manifest: Manifest = {
    kind: "voyage",
    legs: voyage.legs ?? [],
    listType: form === 5 ? "crew" : "passengers",
    persons,
    warnings: [],
  };
  if (voyage.carrier) manifest.carrier = voyage.carrier;
  if (voyage.number) manifest.number = voyage.number;
  return manifest;
}

const TRANSIT: Record<string, boolean> = {
  yes: true,
  y: true,
  true: true,
  "1": true,
  no: false,
  n: false,
  false: false,
  "0": false,
  "": false,
};
const GENDERS: Record<string, Gender> = { M: "male", F: "female", X: "other" };

function readPerson(row: CsvRow, form: FalForm, issues: string[]): Traveller {
  const surname = row.get("family_name");
  if (!surname) issues.push("family_name is empty");
  const number = row.get("document_number");
  if (!number) issues.push("document_number is empty");
  const birth = row.get("date_of_birth");
  const birthDate = isoDate(birth, true);
  if (!birthDate) issues.push(`date_of_birth "${birth}" is not YYYY-MM-DD`);
  const expiryText = row.get("document_expiry");
  const expiry = isoDate(expiryText, false);
  if (expiryText && !expiry) issues.push(`document_expiry "${expiryText}" is not YYYY-MM-DD`);
  const transitText = row.get("transit").toLowerCase();
  const transit = TRANSIT[transitText];
  if (transit === undefined) issues.push(`transit "${row.get("transit")}" is not yes or no`);
  const genderText = row.get("gender").toUpperCase();
  const gender = GENDERS[genderText];
  if (genderText && !gender) issues.push(`gender "${row.get("gender")}" is not M, F or X`);

  const document: TravelDocument = { number };
  const type = row.get("document_type");
  if (type) document.type = type;
  const issuing = countryOrText(row.get("issuing_state"));
  if (issuing) document.issuingCountry = issuing;
  if (expiry) document.expiry = expiry;
  const person: Traveller = {
    surname,
    givenNames: row.get("given_names").split(/\s+/).filter(Boolean).join(" "),
    role: form === 5 ? "crew" : transit ? "transit" : "passenger",
    documents: [document],
  };
  if (birthDate) person.birthDate = birthDate;
  if (gender) person.gender = gender;
  const nationality = countryOrText(row.get("nationality"));
  if (nationality) person.nationality = nationality;
  const optional = {
    placeOfBirth: row.get("place_of_birth"),
    rank: row.get("rank_or_role"),
    embarkation: row.get("port_of_embarkation"),
    disembarkation: row.get("port_of_disembarkation"),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value) person[key as keyof typeof optional] = value;
  }
  return person;
}
