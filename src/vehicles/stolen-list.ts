// The stolen-vehicle list, in a documented CSV format modelled on the fields of Interpol's Stolen Motor
// Vehicles database (SMV): a vehicle is known by its VIN, its plate, or both.
import { countryCode } from "../shared/countries.js";
import { InvalidError } from "../shared/errors.js";
import { type RowProblem, readCsv, rejectIfProblems } from "../travel/index.js";
import { normalisePlate, type Plate, plateProblem } from "./plate.js";
import { normaliseVin } from "./vin.js";

export type VehicleStatus = "stolen" | "misappropriated" | "wanted";
const STATUSES = new Set<string>(["stolen", "misappropriated", "wanted"]);

export interface StolenVehicle {
  recordId: string;
  plate?: Plate;
  /** Normalised (upper case, no separators); not re-validated: a listed VIN is searched as reported. */
  vin?: string;
  make: string;
  model: string;
  colour: string;
  status: VehicleStatus;
  reportingCountry: string;
  reportedDate: string;
}

export const STOLEN_VEHICLE_COLUMNS = [
  "record_id",
  "plate_country",
  "plate_number",
  "vin",
  "make",
  "model",
  "colour",
  "status",
  "reporting_country",
  "reported_date",
] as const;

/**
 * CSV with a header row and the columns of STOLEN_VEHICLE_COLUMNS. Each row needs a record_id, a VIN or a
 * plate (plate_number with plate_country), a status (stolen, misappropriated, wanted), the reporting
 * country and the reported date (YYYY-MM-DD). Every bad row is reported with its line; none is dropped.
 */
export function parseStolenVehicleCsv(text: string): StolenVehicle[] {
  const rows = readCsv(text, "stolen-vehicle list", ["record_id", "plate_number", "vin", "status"]);
  const records: StolenVehicle[] = [];
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const id = row.get("record_id");
    const plateNo = row.get("plate_number");
    const plateCountry = row.get("plate_country");
    const vin = normaliseVin(row.get("vin"));
    const status = row.get("status").toLowerCase();
    const reported = row.get("reported_date");
    const issues = [
      row.issue,
      !id && "record_id is empty",
      id && seen.has(id) && `record_id ${id} appears twice`,
      !plateNo && !vin && "neither vin nor plate_number is given",
      plateNo && plateProblem(plateNo),
      plateNo && !plateCountry && "plate_country is empty",
      vin && !/^[A-Z0-9]{11,17}$/.test(vin) && `vin "${vin}" is not 11 to 17 letters and digits`,
      !STATUSES.has(status) && `status "${row.get("status")}" is not stolen, misappropriated or wanted`,
      reported && !isDate(reported) && `reported_date "${reported}" is not a YYYY-MM-DD date`,
    ].filter((p): p is string => typeof p === "string" && p !== "");
    seen.add(id);
    if (issues.length > 0) {
      problems.push({ line: row.line, issues });
      continue;
    }
    const reporting = row.get("reporting_country");
    records.push({
      recordId: id,
      ...(plateNo ? { plate: normalisePlate(plateCountry, plateNo) } : {}),
      ...(vin ? { vin } : {}),
      make: row.get("make"),
      model: row.get("model"),
      colour: row.get("colour"),
      status: status as VehicleStatus,
      reportingCountry: countryCode(reporting) ?? reporting,
      reportedDate: reported,
    });
  }
  rejectIfProblems("stolen-vehicle list", problems);
  if (records.length === 0 && rows.length === 0) throw new InvalidError("stolen-vehicle list: no records");
  return records;
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}
