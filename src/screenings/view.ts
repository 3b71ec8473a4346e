// A screening as its reader may see it: first-line officers get the outcome and a reference only.
import { can, type Principal } from "../access/index.js";
import type { Match } from "../screening/index.js";

/** What a first-line officer sees: the outcome and a reference, never the list, entity or score. */
export interface FirstLineResult {
  index: number;
  decision: "refer" | "clear";
  reference: string;
}

export interface DetailedResult {
  index: number;
  decision: "refer" | "clear";
  reference: string;
  matches: Match[];
}

export interface ScreeningRecord {
  id: string;
  createdAt: string;
  crossingPointId?: string;
  results: (FirstLineResult | DetailedResult)[];
}

function reference(id: string, index: number): string {
  return `${id.slice(0, 8).toUpperCase()}-${index + 1}`;
}

export function view(
  p: Principal,
  id: string,
  index: number,
  decision: "refer" | "clear",
  matches: Match[],
): FirstLineResult | DetailedResult {
  const base = { index, decision, reference: reference(id, index) };
  // Presumption of innocence: list details only for roles that review them.
  return can(p, "screening:read_details") ? { ...base, matches } : base;
}
