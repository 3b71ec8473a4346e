// How protection records and referrals are shown, who may see them, and what the use cases share.
import { can, type Principal } from "../access/index.js";
import type { Database, Db } from "../db/index.js";
import { ForbiddenError } from "../shared/errors.js";
import type { Traveller } from "../travel/index.js";
import type { ProtectionConfig, ProtectionKind } from "./model.js";

export interface ProtectionDeps {
  db: Db;
  now: () => Date;
  config: ProtectionConfig;
}

/** Who the record is about when there is no alert or crossing: as the officer saw them. */
export interface PersonInput {
  surname: string;
  givenNames?: string;
  birthDate?: string;
  nationality?: string;
  documents?: { number: string; issuingCountry?: string }[];
}

export interface RecordInput {
  alertId?: string;
  crossingId?: string;
  person?: PersonInput;
  kinds: ProtectionKind[];
  note?: string;
  purpose: string;
}

export type ReferralRow = Database["referrals"];
export type RecordRow = Database["protection_records"];

export function referralView(r: ReferralRow, now: string) {
  return {
    id: r.id,
    recordId: r.record_id,
    service: r.service,
    status: r.status,
    createdAt: r.created_at,
    dueAt: r.due_at,
    overdue: r.status === "open" && r.due_at < now,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    outcome: r.outcome,
  };
}

export function recordView(r: RecordRow) {
  return {
    id: r.id,
    kind: r.kind,
    note: r.note,
    person: JSON.parse(r.person) as Traveller,
    alertId: r.alert_id,
    crossingId: r.crossing_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export function need(
  p: Principal,
  permission: "protection:record" | "protection:read" | "protection:manage",
): void {
  if (!can(p, permission))
    throw new ForbiddenError(`permission "${permission}" required`, undefined, "permission_denied", {
      permission,
    });
}
