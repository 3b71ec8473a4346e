// Which clearances need a second officer. A clearance stops the same identity being stopped for the same
// listed entity for a year: for a terrorism-listed match, or any match the triage ranked high or
// immediate, that is an adverse decision for security, so it waits for four-eyes like a refusal does.
import type { AlertReasons } from "./open.js";
import { isTerrorismProgramme, type Priority } from "./triage.js";

export interface ClearanceSubject {
  priority: Priority;
  reasons: Pick<AlertReasons, "programmes" | "matches">;
}

/** Why a clearance of this alert needs a second officer, or undefined when one officer may record it. */
export function clearanceNeedsSecondOfficer(a: ClearanceSubject): string | undefined {
  const terrorism = a.reasons.programmes.filter(isTerrorismProgramme);
  if (terrorism.length > 0) return `the match is on a terrorism-related programme (${terrorism.join(", ")})`;
  if (a.priority !== "standard") return `the match is of ${a.priority} priority`;
  return undefined;
}
