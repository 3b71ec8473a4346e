// What a role may see of a screened cargo manifest. The booth sees each consignment's decision and the
// goods indicators that fired (they are about the goods, not about a list); list details (which party or
// vessel matched which listed entity) are for roles that read screening details.
import { can, type Principal } from "../access/index.js";
import type { ConsignmentOutcome, VesselOutcome } from "./screen.js";

export interface ConsignmentView {
  index: number;
  reference: string;
  decision: "refer" | "clear";
  flags: string[];
  alertId?: string;
  details?: Omit<ConsignmentOutcome, "index" | "reference" | "decision" | "flags">;
}

export interface CargoManifestView {
  id: string;
  createdAt: string;
  format: string;
  reference?: string;
  counts: { consignments: number; refer: number };
  vessel?: {
    declared: VesselOutcome["declared"];
    decision: "refer" | "clear";
    problems: string[];
    hits?: VesselOutcome["hits"];
    alertId?: string;
  };
  warnings: string[];
  /** Referred consignments first, then in manifest order. */
  consignments: ConsignmentView[];
}

export function viewConsignment(p: Principal, o: ConsignmentOutcome, alertId?: string): ConsignmentView {
  const { index, reference, decision, flags, ...details } = o;
  const v: ConsignmentView = { index, reference, decision, flags };
  if (alertId) v.alertId = alertId;
  if (can(p, "screening:read_details")) v.details = details;
  return v;
}

export function viewVessel(
  p: Principal,
  o: VesselOutcome,
  alertId?: string,
): NonNullable<CargoManifestView["vessel"]> {
  const v: NonNullable<CargoManifestView["vessel"]> = {
    declared: o.declared,
    decision: o.hits.length > 0 ? "refer" : "clear",
    problems: o.problems,
  };
  if (alertId) v.alertId = alertId;
  if (can(p, "screening:read_details")) v.hits = o.hits;
  return v;
}

export function referFirst(list: ConsignmentView[]): ConsignmentView[] {
  return [...list].sort((a, b) =>
    a.decision === b.decision ? a.index - b.index : a.decision === "refer" ? -1 : 1,
  );
}
