// The lost, stolen or trafficked firearms list, in a documented CSV format modelled on the fields of
// Interpol's iARMS (Illicit Arms Records and tracing Management System).
import { countryCode } from "../shared/countries.js";
import { type RowProblem, readCsv, rejectIfProblems } from "../travel/index.js";
import { serialProblem, serialText } from "./serial.js";

export type FirearmStatus = "lost" | "stolen" | "trafficked" | "smuggled";
const STATUSES = new Set<string>(["lost", "stolen", "trafficked", "smuggled"]);

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
 * reported with its line; none is dropped.
 */
export function parseFirearmListCsv(text: string): ListedFirearm[] {
  const rows = readCsv(text, "firearms list", ["record_id", "serial_number", "make", "status"]);
  const records: ListedFirearm[] = [];
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const id = row.get("record_id");
    const serial = row.get("serial_number");
    const status = row.get("status").toLowerCase();
    const reported = row.get("reported_date");
    const issues = [
      row.issue,
      !id && "record_id is empty",
      id && seen.has(id) && `record_id ${id} appears twice`,
      serialProblem(serial),
      !STATUSES.has(status) && `status "${row.get("status")}" is not lost, stolen, trafficked or smuggled`,
      reported && !/^\d{4}-\d{2}-\d{2}$/.test(reported) && `reported_date "${reported}" is not YYYY-MM-DD`,
    ].filter((p): p is string => typeof p === "string" && p !== "");
    seen.add(id);
    if (issues.length > 0) {
      problems.push({ line: row.line, issues });
      continue;
    }
    const reporting = row.get("reporting_country");
    records.push({
      recordId: id,
      serial: serialText(serial),
      make: row.get("make"),
      model: row.get("model"),
      calibre: row.get("calibre"),
      type: row.get("type"),
      status: status as FirearmStatus,
      reportingCountry: countryCode(reporting) ?? reporting,
      reportedDate: reported,
    });
  }
  rejectIfProblems("firearms list", problems);
  return records;
}
