// The lost, stolen or trafficked firearms list, in a documented CSV format modelled on the fields of
// Interpol's iARMS (Illicit Arms Records and tracing Management System).
import { countryCode } from "../shared/countries.js";
import { oneOfWords, optionalDate, readRecordCsv } from "../travel/index.js";
import { serialProblem, serialText } from "./serial.js";

export type FirearmStatus = "lost" | "stolen" | "trafficked" | "smuggled";
const STATUSES = ["lost", "stolen", "trafficked", "smuggled"];

export interface ListedFirearm {
  recordId: string;
  /** As reported, upper case without separators; may hold `?` where the reporter could not read it. */
  serial: string;
  make: string;
  model: string;
  calibre: string;
  type: string;
  status: FirearmStatus;
  reportingCountry: string;
  reportedDate: string;
}

export const FIREARM_LIST_COLUMNS = [
  "record_id",
  "serial_number",
  "make",
  "model",
  "calibre",
  "type",
  "status",
  "reporting_country",
  "reported_date",
] as const;

/**
 * CSV with a header row and the columns of FIREARM_LIST_COLUMNS: record_id, serial_number and status
 * (lost, stolen, trafficked, smuggled) are required; reported_date is YYYY-MM-DD. Every bad row is
 * reported with its line and column; none is dropped, and a list with any bad row is refused whole.
 */
export function parseFirearmListCsv(text: string): ListedFirearm[] {
  return readRecordCsv(text, {
    what: "firearms list",
    required: ["record_id", "serial_number", "make", "status"],
    id: "record_id",
    checks: [
      ["serial_number", (v) => serialProblem(v)],
      ["status", oneOfWords("status", STATUSES)],
      ["reported_date", optionalDate("reported_date")],
    ],
    build: (row) => {
      const reporting = row.get("reporting_country");
      return {
        recordId: row.get("record_id"),
        serial: serialText(row.get("serial_number")),
        make: row.get("make"),
        model: row.get("model"),
        calibre: row.get("calibre"),
        type: row.get("type"),
        status: row.get("status").toLowerCase() as FirearmStatus,
        reportingCountry: countryCode(reporting) ?? reporting,
        reportedDate: row.get("reported_date"),
      };
    },
  });
}
