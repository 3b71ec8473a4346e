// IMO FAL Form 5 (crew list) and Form 6 (passenger list) as CSV, one row per person.
//
// The form's header boxes (ship, IMO number, voyage, port, date) travel inside the file as `# field: value`
// comment lines before the column header, rather than as parser options: a list is uploaded or handed to
// the CLI as one file, and a list that names its own ship cannot be screened as another ship's.
//
// Header fields (all optional; names case-insensitive, blanks or dashes count as underscores):
//
// | field               | FAL box                        | content                                          |
// |---------------------|--------------------------------|--------------------------------------------------|
// | `direction`         | 1 Arrival / Departure          | `arrival` or `departure` (needed with `port`)    |
// | `vessel`            | Name of ship                   | text                                             |
// | `imo`               | IMO number                     | 7 digits with a valid check digit, `IMO ` prefix allowed |
// | `call_sign`         | Call sign                      | text                                             |
// | `voyage`            | Voyage number                  | text                                             |
// | `flag_state`        | Flag State of ship             | ISO alpha-2/alpha-3, ICAO code or name           |
// | `port`              | Port of arrival/departure      | UN/LOCODE or name                                |
// | `date`              | Date of arrival/departure      | `YYYY-MM-DD`                                     |
// | `last_port_of_call` | Last port of call (Form 5)     | UN/LOCODE or name                                |
//
// A `#` line without a colon is a plain comment. An unknown field is kept as a warning on the manifest.
//
// Columns (header row, any order, names matched like header fields):
//
// | column                   | Form 5 | Form 6 | content                                        |
// |--------------------------|--------|--------|------------------------------------------------|
// | `family_name`            | yes    | yes    | surname                                        |
// | `given_names`            | yes    | yes    | given names, may be empty                      |
// | `rank_or_rating`         | yes    | –      | rank or rating (crew)                          |
// | `gender`                 | opt.   | opt.   | `M`, `F` or `X`                                |
// | `nationality`            | yes    | yes    | ISO alpha-2/alpha-3, ICAO code or name         |
// | `date_of_birth`          | yes    | yes    | `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` if unknown) |
// | `place_of_birth`         | yes    | yes    | text                                           |
// | `document_type`          | yes    | yes    | e.g. `P` passport, `S` seafarer's book         |
// | `document_number`        | yes    | yes    |                                                |
// | `issuing_state`          | yes    | yes    | as nationality                                 |
// | `document_expiry`        | yes    | yes    | `YYYY-MM-DD`                                   |
// | `port_of_embarkation`    | opt.   | yes    | UN/LOCODE or name                              |
// | `port_of_disembarkation` | opt.   | yes    | UN/LOCODE or name                              |
// | `transit`                | –      | yes    | `yes`/`no` (`y`, `n`, `true`, `false`, `1`, `0`, empty = no) |
//
// "yes" columns must be in the header; on each row only `family_name`, `document_number` and
// `date_of_birth` must be filled in, the rest may be empty where the master's list leaves them blank.

import { InvalidError } from "../shared/errors.js";
import { isValidImo, normaliseImo } from "../vessels/imo.js";
import { type CsvRow, headerFields, type RowProblem, readCsv, rejectIfProblems } from "./csv.js";
import { isoDate } from "./dates.js";
import {
  countryOrText,
  type Gender,
  type Leg,
  type Manifest,
  type TravelDocument,
  type Traveller,
  type Vessel,
} from "./model.js";

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
  5: [...COMMON, "rank_or_rating"],
  6: [...COMMON, "port_of_embarkation", "port_of_disembarkation", "transit"],
} as const;

export type FalForm = 5 | 6;

/** Parses a FAL 5 (crew) or FAL 6 (passengers) CSV into a voyage manifest; InvalidError lists every bad row. */
export function parseFalCsv(text: string, form: FalForm): Manifest {
  const what = `FAL Form ${form}`;
  const manifest: Manifest = {
    kind: "voyage",
    legs: [],
    listType: form === 5 ? "crew" : "passengers",
    persons: [],
    warnings: [],
  };
  readHeaderFields(text, what, manifest);
  const problems: RowProblem[] = [];
  for (const row of readCsv(text, what, FORM_COLUMNS[form])) {
    const issues = row.issue ? [row.issue] : [];
    const person = readPerson(row, form, issues);
    if (issues.length > 0) problems.push({ line: row.line, issues });
    else manifest.persons.push(person);
  }
  rejectIfProblems(what, problems);
  return manifest;
}

const HEADER_FIELDS = new Set([
  "direction",
  "vessel",
  "imo",
  "call_sign",
  "voyage",
  "flag_state",
  "port",
  "date",
  "last_port_of_call",
]);

/** Reads the `# field: value` lines above the column header into the manifest. */
function readHeaderFields(text: string, what: string, manifest: Manifest): void {
  const fields = new Map<string, { value: string; line: number }>();
  const problems: { line: number; text: string }[] = [];
  for (const { line, key, value } of headerFields(text, HEADER_FIELDS, manifest.warnings)) {
    const first = fields.get(key);
    if (first) problems.push({ line, text: `${key} is given twice (first on line ${first.line})` });
    else if (value) fields.set(key, { value, line });
  }
  const get = (key: string) => fields.get(key)?.value;
  const problem = (key: string, text: string) => problems.push({ line: fields.get(key)!.line, text });

  const vessel: Vessel = {};
  const name = get("vessel");
  if (name) {
    vessel.name = name;
    // FAL lists name the ship, not its operator: the ship is the carrier an officer looks for.
    manifest.carrier = name;
  }
  const imo = get("imo");
  if (imo) {
    if (isValidImo(imo)) vessel.imo = normaliseImo(imo);
    else problem("imo", `IMO number "${imo}" is not 7 digits with a valid check digit`);
  }
  const callSign = get("call_sign");
  if (callSign) vessel.callSign = callSign;
  const flag = countryOrText(get("flag_state"));
  if (flag) vessel.flagState = flag;
  if (Object.keys(vessel).length > 0) manifest.vessel = vessel;
  const voyage = get("voyage");
  if (voyage) manifest.number = voyage;

  const direction = get("direction")?.toLowerCase();
  if (direction && direction !== "arrival" && direction !== "departure") {
    problem("direction", `direction "${get("direction")}" is not arrival or departure`);
  }
  const dateText = get("date");
  const date = dateText ? isoDate(dateText, false) : undefined;
  if (dateText && !date) problem("date", `date "${dateText}" is not YYYY-MM-DD`);
  const port = get("port");
  if ((port || dateText) && !direction) {
    problem(port ? "port" : "date", "direction (arrival or departure) is needed with port and date");
  }
  if (problems.length > 0) {
    const sorted = problems.sort((a, b) => a.line - b.line).map((p) => `line ${p.line}: ${p.text}`);
    throw new InvalidError(`${what}: header: ${sorted.join("; ")}`, { problems: sorted }, "fal_header", {
      what,
      problems: sorted.join("; "),
    });
  }
  const here = port ? { location: port, ...(date ? { time: date } : {}) } : undefined;
  const last = get("last_port_of_call");
  const leg: Leg = {};
  if (direction === "arrival") {
    if (last) leg.departure = { location: last };
    if (here) leg.arrival = here;
  } else if (here) {
    leg.departure = here;
  }
  if (voyage && (leg.departure || leg.arrival)) leg.number = voyage;
  if (leg.departure || leg.arrival) manifest.legs.push(leg);
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
    rank: row.get("rank_or_rating"),
    embarkation: row.get("port_of_embarkation"),
    disembarkation: row.get("port_of_disembarkation"),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value) person[key as keyof typeof optional] = value;
  }
  return person;
}
