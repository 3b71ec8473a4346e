// The stolen-vehicle list, in a documented CSV format modelled on the fields of Interpol's Stolen Motor
// Vehicles database (SMV): a vehicle is known by its VIN, its plate, or both.
import { countryCode } from "../shared/countries.js";
import { oneOfWords, optionalDate, readRecordCsv } from "../travel/index.js";
import { normalisePlate, type Plate, plateProblem } from "./plate.js";
import { normaliseVin } from "./vin.js";

export type VehicleStatus = "stolen" | "misappropriated" | "wanted";
const STATUSES = ["stolen", "misappropriated", "wanted"];

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
 * country and the reported date (YYYY-MM-DD). Every bad row is reported with its line and column; none
 * is dropped, and a list with any bad row is refused whole.
 */
export function parseStolenVehicleCsv(text: string): StolenVehicle[] {
  return readRecordCsv(text, {
    what: "stolen-vehicle list",
    required: ["record_id", "plate_number", "vin", "status"],
    id: "record_id",
    checks: [
      ["plate_number", (v, row) => !v && !row.get("vin") && "neither vin nor plate_number is given"],
      ["plate_number", (v) => v && plateProblem(v)],
      ["plate_country", (v, row) => !v && row.get("plate_number") && "plate_country is empty"],
      ["vin", (v) => vinProblem(normaliseVin(v))],
      ["status", oneOfWords("status", STATUSES)],
      ["reported_date", optionalDate("reported_date")],
    ],
    build: (row) => {
      const plateNo = row.get("plate_number");
      const vin = normaliseVin(row.get("vin"));
      const reporting = row.get("reporting_country");
      return {
        recordId: row.get("record_id"),
        ...(plateNo ? { plate: normalisePlate(row.get("plate_country"), plateNo) } : {}),
        ...(vin ? { vin } : {}),
        make: row.get("make"),
        model: row.get("model"),
        colour: row.get("colour"),
        status: row.get("status").toLowerCase() as VehicleStatus,
        reportingCountry: countryCode(reporting) ?? reporting,
        reportedDate: row.get("reported_date"),
      };
    },
  });
}

function vinProblem(vin: string): string | undefined {
  return vin && !/^[A-Z0-9]{11,17}$/.test(vin)
    ? `vin "${vin}" is not 11 to 17 letters and digits`
    : undefined;
}
