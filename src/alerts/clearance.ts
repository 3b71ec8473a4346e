// Which clearances need a second officer. A clearance stops the same identity being stopped for the same
// listed entity for a year: for a terrorism-listed match, or any match the triage ranked high or
// immediate, that is an adverse decision for security, so it waits for four-eyes like a refusal does.
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Database } from "../db/index.js";
import { InvalidError } from "../shared/errors.js";
import type { AlertReasons } from "./open.js";
import { type AlertRow, insertClearance } from "./store.js";
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

/** The listed entities the alert matched at refer level: what a clearance covers. */
export function clearableEntities(row: AlertRow): string[] {
  const reasons = JSON.parse(row.reasons) as AlertReasons;
  return [...new Set(reasons.matches.filter((m) => m.decision === "refer").map((m) => m.entityId))];
}

/** One clearance per listed entity the alert matched at refer level, for this exact identity. */
export async function recordClearances(
  trx: Transaction<Database>,
  row: AlertRow,
  c: { reason: string; createdBy: string; at: string; days: number },
): Promise<string[]> {
  const entityIds = clearableEntities(row);
  if (entityIds.length === 0)
    throw new InvalidError("this alert has no watchlist match to clear", undefined, "nothing_to_clear");
  const expires = new Date(Date.parse(c.at) + c.days * 86_400_000).toISOString();
  const ids: string[] = [];
  for (const entityId of entityIds) {
    const id = randomUUID();
    ids.push(id);
    await insertClearance(trx, {
      id,
      agency: row.agency,
      identity_key: row.identity_key,
      entity_id: entityId,
      alert_id: row.id,
      reason: c.reason.trim(),
      created_by: c.createdBy,
      created_at: c.at,
      expires_at: expires,
    });
  }
  return ids;
}
