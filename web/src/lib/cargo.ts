// Cargo manifests as the API returns them (types from the generated contract), and where a refused file
// is at fault, read from the error's details: the CUSCAR segment, or the CSV lines and their issues.
import { t } from "../i18n";
import type { ApiError, Reply } from "./api";

export type CargoManifest = Reply<"/api/v1/cargo/manifests/{id}", "get">;
export type Consignment = CargoManifest["consignments"][number];
export type ConsignmentDetails = NonNullable<Consignment["details"]>;
export type CargoVessel = NonNullable<CargoManifest["vessel"]>;

/** The places of a refused file's faults, worded for the officer; empty when the error names none. */
export function faultPlaces(error: ApiError): string[] {
  const d = (error.details ?? {}) as Record<string, unknown>;
  if (typeof d.segment === "number" && typeof d.line === "number")
    return [t.cargo.segment(d.segment, d.line, String(d.tag ?? ""))];
  if (!Array.isArray(d.problems)) return [];
  return d.problems.map((p) => {
    if (typeof p === "string") return p;
    const row = p as { line?: unknown; issues?: unknown };
    const issues = Array.isArray(row.issues) ? row.issues.join(", ") : String(row.issues ?? "");
    return typeof row.line === "number" ? t.cargo.line(row.line, issues) : issues;
  });
}

/** A rule id as the officer reads it: the shipped rules by name, an agency's own rules by their id. */
export const flagText = (id: string): string => t.cargo.flags[id] ?? id;
