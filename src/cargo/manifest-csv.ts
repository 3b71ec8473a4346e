// A cargo manifest as CSV, for posts and carriers without EDIFACT. One row per goods item; the rows of a
// consignment share its `consignment` reference (the bill of lading). The conveyance travels in
// `# field: value` lines above the header, as in the FAL 5/6 lists.
//
// Header fields: `vessel`, `imo`, `mmsi`, `call_sign`, `flag_state`, `voyage`, `carrier` (all optional).
//
// | column               | content                                                          |
// |----------------------|------------------------------------------------------------------|
// | `consignment`        | transport document number (required)                             |
// | `consignor`          | name (the first row of a consignment names its parties)          |
// | `consignor_country`  | ISO alpha-2, optional                                            |
// | `consignee`          | name                                                             |
// | `consignee_country`  | ISO alpha-2, optional                                            |
// | `notify`             | notify party's name, optional                                    |
// | `carrier`            | carrier's name, optional                                         |
// | `place_of_loading`   | UN/LOCODE or name                                                |
// | `place_of_discharge` | UN/LOCODE or name                                                |
// | `transshipment`      | ports between, separated by `;`                                  |
// | `hs_code`            | HS code, 6 digits or a national extension (dots allowed)         |
// | `description`        | goods description (required)                                     |
// | `packages`           | whole number, optional                                           |
// | `gross_kg`           | number, optional                                                 |
// | `containers`         | ISO 6346 numbers separated by `;` (validated when screened)      |
import { countryCode } from "../shared/countries.js";
import { type CsvRow, headerFields, type RowProblem, readCsv, rejectIfProblems } from "../travel/csv.js";
import { normaliseImo } from "../vessels/index.js";
import type { CargoManifest, Consignment, Party, PartyRole } from "./model.js";

const REQUIRED = ["consignment", "consignor", "consignee", "description", "hs_code"];
const HEADER = new Set(["vessel", "imo", "mmsi", "call_sign", "flag_state", "voyage", "carrier"]);
const WHAT = "cargo manifest CSV";

const list = (text: string) =>
  text
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);

export function parseCargoCsv(text: string): CargoManifest {
  const manifest: CargoManifest = { format: "csv", consignments: [], warnings: [] };
  readHeader(text, manifest);
  const byRef = new Map<string, Consignment>();
  const problems: RowProblem[] = [];
  for (const row of readCsv(text, WHAT, REQUIRED)) {
    const issues = row.issue ? [row.issue] : [];
    const ref = row.get("consignment");
    if (!ref) issues.push("consignment is empty");
    if (!row.get("description")) issues.push("description is empty");
    const hs = row.get("hs_code").replace(/[.\s]/g, "");
    if (hs && !/^\d{2,10}$/.test(hs)) issues.push(`hs_code "${row.get("hs_code")}" is not 2 to 10 digits`);
    const packages = row.get("packages");
    if (packages && !/^\d+$/.test(packages)) issues.push(`packages "${packages}" is not a whole number`);
    const kg = row.get("gross_kg");
    if (kg && !/^\d+(\.\d+)?$/.test(kg)) issues.push(`gross_kg "${kg}" is not a number`);
    if (issues.length > 0) {
      problems.push({ line: row.line, issues });
      continue;
    }
    let c = byRef.get(ref);
    if (!c) {
      c = newConsignment(row, ref);
      byRef.set(ref, c);
      manifest.consignments.push(c);
    }
    if (c.parties.length === 0)
      problems.push({ line: row.line, issues: ["consignment names no consignor or consignee"] });
    const containers = list(row.get("containers"));
    for (const n of containers) if (!c.containers.includes(n)) c.containers.push(n);
    c.goods.push({
      description: row.get("description"),
      containers,
      ...(hs ? { hsCode: hs } : {}),
      ...(packages ? { packages: Number(packages) } : {}),
      ...(kg ? { grossKg: Number(kg) } : {}),
    });
  }
  rejectIfProblems(WHAT, problems);
  if (manifest.consignments.length === 0)
    rejectIfProblems(WHAT, [{ line: 1, issues: ["no consignment rows"] }]);
  return manifest;
}

function newConsignment(row: CsvRow, reference: string): Consignment {
  const parties: Party[] = [];
  for (const role of ["consignor", "consignee", "notify", "carrier"] as PartyRole[]) {
    const name = row.get(role);
    if (!name) continue;
    const country = countryCode(row.get(`${role}_country`));
    parties.push(country ? { role, name, country } : { role, name });
  }
  const c: Consignment = {
    reference,
    parties,
    goods: [],
    containers: [],
    transshipment: list(row.get("transshipment")),
    source: `line ${row.line}`,
  };
  if (row.get("place_of_loading")) c.placeOfLoading = row.get("place_of_loading");
  if (row.get("place_of_discharge")) c.placeOfDischarge = row.get("place_of_discharge");
  return c;
}

function readHeader(text: string, manifest: CargoManifest): void {
  const vessel: NonNullable<CargoManifest["vessel"]> = {};
  for (const { key, value } of headerFields(text, HEADER, manifest.warnings)) {
    if (!value) continue;
    if (key === "vessel") vessel.name = value;
    else if (key === "imo") vessel.imo = normaliseImo(value);
    else if (key === "mmsi") vessel.mmsi = value.replace(/\s+/g, "");
    else if (key === "call_sign") vessel.callSign = value;
    else if (key === "flag_state") vessel.flag = countryCode(value) ?? value;
    else if (key === "voyage") manifest.voyage = value;
    else if (key === "carrier") manifest.carrier = value;
  }
  if (Object.keys(vessel).length > 0) manifest.vessel = vessel;
}
