// IMO FAL Form 1 (General Declaration) as CSV: one ship's arrival or departure, beside the FAL 5 and 6
// lists (src/travel/fal.ts). The form is a set of boxes, not a table, so the CSV is two columns,
// `field,value`, one box a row; `port_of_call` may repeat, once per port in voyage order (box 12).
//
// | field                 | FAL 1 box                         | content                                       |
// |-----------------------|-----------------------------------|-----------------------------------------------|
// | `direction`           | Arrival / Departure               | `arrival` or `departure` (required)           |
// | `ship_name`           | 1.1 Name of ship                  | text (required)                               |
// | `ship_type`           | 1.1 Type of ship                  | text                                          |
// | `imo`                 | 1.2 IMO number                    | 7 digits, valid check digit, `IMO ` allowed   |
// | `call_sign`           | 1.3 Call sign                     | text                                          |
// | `mmsi`                | (not on the form; AIS identity)   | 9 digits with an allocated MID                |
// | `voyage`              | 1.4 Voyage number                 | text                                          |
// | `port`                | 2 Port of arrival/departure       | UN/LOCODE or name (required)                  |
// | `date`                | 3 Date of arrival/departure       | `YYYY-MM-DD`                                  |
// | `flag_state`          | 4 Flag State of ship              | ISO alpha-2/alpha-3 or name                   |
// | `master`              | 5 Name of master                  | text                                          |
// | `last_port_of_call`   | 6 Last port of call               | UN/LOCODE or name                             |
// | `next_port_of_call`   | 6 Next port of call               | UN/LOCODE or name                             |
// | `gross_tonnage`       | 9 Gross tonnage                   | whole number                                  |
// | `port_of_call`        | 12 Brief particulars of voyage    | UN/LOCODE or name; repeat for each port       |
// | `cargo_description`   | 13 Brief description of the cargo | text                                          |
// | `crew_count`          | 14 Number of crew                 | whole number                                  |
// | `passenger_count`     | 15 Number of passengers           | whole number                                  |
//
// Every fault is reported with its line, all at once; an unknown field is a warning, never dropped silently.
import { countryCode } from "../shared/countries.js";
import { InvalidError } from "../shared/errors.js";
import { readCsv } from "../travel/csv.js";
import { isoDate } from "../travel/dates.js";
import { isValidImo, normaliseImo } from "./imo.js";
import { checkMmsi } from "./mmsi.js";
import type { VesselDeclared } from "./model.js";

export interface GeneralDeclaration {
  direction: "arrival" | "departure";
  vessel: VesselDeclared & { name: string; type?: string };
  port: string;
  date?: string;
  voyage?: string;
  master?: string;
  lastPortOfCall?: string;
  nextPortOfCall?: string;
  /** Box 12, in voyage order. */
  portsOfCall: string[];
  grossTonnage?: number;
  crewCount?: number;
  passengerCount?: number;
  cargoDescription?: string;
  warnings: string[];
}

const TEXT_FIELDS = ["ship_type", "call_sign", "voyage", "master", "last_port_of_call", "next_port_of_call"];
const NUMBER_FIELDS = ["gross_tonnage", "crew_count", "passenger_count"];
const FIELDS = new Set([
  ...TEXT_FIELDS,
  ...NUMBER_FIELDS,
  "direction",
  "ship_name",
  "imo",
  "mmsi",
  "port",
  "date",
  "flag_state",
  "port_of_call",
  "cargo_description",
]);

const WHAT = "FAL Form 1";

/** Parses a FAL 1 CSV; InvalidError lists every faulty line. */
export function parseFal1Csv(text: string): GeneralDeclaration {
  const fields = new Map<string, { value: string; line: number }>();
  const ports: string[] = [];
  const problems: string[] = [];
  const warnings: string[] = [];
  for (const row of readCsv(text, WHAT, ["field", "value"])) {
    const key = row
      .get("field")
      .toLowerCase()
      .replace(/[\s-]+/g, "_");
    const value = row.get("value");
    if (row.issue) problems.push(`line ${row.line}: ${row.issue}`);
    else if (!FIELDS.has(key)) warnings.push(`line ${row.line}: unknown field "${row.get("field")}" ignored`);
    else if (key === "port_of_call") {
      if (value) ports.push(value);
    } else if (fields.has(key)) {
      problems.push(`line ${row.line}: ${key} is given twice (first on line ${fields.get(key)!.line})`);
    } else if (value) fields.set(key, { value, line: row.line });
  }
  const get = (key: string) => fields.get(key)?.value;
  const fault = (key: string, reason: string) =>
    problems.push(fields.has(key) ? `line ${fields.get(key)!.line}: ${reason}` : reason);

  const direction = get("direction")?.toLowerCase();
  if (direction !== "arrival" && direction !== "departure") {
    fault("direction", `direction "${get("direction") ?? ""}" is not arrival or departure`);
  }
  for (const key of ["ship_name", "port"]) if (!get(key)) fault(key, `${key} is missing`);
  const imo = get("imo");
  if (imo && !isValidImo(imo)) fault("imo", `IMO number "${imo}" is not 7 digits with a valid check digit`);
  const mmsi = get("mmsi");
  const mmsiCheck = mmsi ? checkMmsi(mmsi) : undefined;
  if (mmsiCheck && !mmsiCheck.valid) fault("mmsi", mmsiCheck.reason);
  const date = get("date");
  if (date && !isoDate(date, false)) fault("date", `date "${date}" is not YYYY-MM-DD`);
  const numbers: Record<string, number> = {};
  for (const key of NUMBER_FIELDS) {
    const v = get(key);
    if (v === undefined) continue;
    if (/^\d+$/.test(v)) numbers[key] = Number(v);
    else fault(key, `${key} "${v}" is not a whole number`);
  }
  if (problems.length > 0) {
    throw new InvalidError(`${WHAT}: ${problems.join("; ")}`, { problems });
  }
  return build(get, direction as "arrival" | "departure", ports, numbers, warnings);
}

function build(
  get: (key: string) => string | undefined,
  direction: "arrival" | "departure",
  portsOfCall: string[],
  numbers: Record<string, number>,
  warnings: string[],
): GeneralDeclaration {
  const vessel: GeneralDeclaration["vessel"] = { name: get("ship_name")! };
  const optional: [keyof GeneralDeclaration["vessel"], string | undefined][] = [
    ["type", get("ship_type")],
    ["imo", get("imo") && normaliseImo(get("imo")!)],
    ["mmsi", get("mmsi")?.replace(/\s+/g, "")],
    ["callSign", get("call_sign")],
    ["flag", get("flag_state") && (countryCode(get("flag_state")!) ?? get("flag_state"))],
  ];
  for (const [key, value] of optional) if (value) vessel[key] = value;
  const out: GeneralDeclaration = { direction, vessel, port: get("port")!, portsOfCall, warnings };
  const text: [keyof GeneralDeclaration, string][] = [
    ["date", "date"],
    ["voyage", "voyage"],
    ["master", "master"],
    ["lastPortOfCall", "last_port_of_call"],
    ["nextPortOfCall", "next_port_of_call"],
    ["cargoDescription", "cargo_description"],
  ];
  for (const [key, field] of text) {
    const v = get(field);
    if (v) (out as unknown as Record<string, unknown>)[key] = v;
  }
  if (numbers.gross_tonnage !== undefined) out.grossTonnage = numbers.gross_tonnage;
  if (numbers.crew_count !== undefined) out.crewCount = numbers.crew_count;
  if (numbers.passenger_count !== undefined) out.passengerCount = numbers.passenger_count;
  return out;
}
