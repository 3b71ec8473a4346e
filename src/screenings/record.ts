// Screening in two steps, so that a use case can write it in the same transaction as what it leads to
// (a crossing, a manifest, their alerts): `prepareScreening` validates and screens in memory, and
// `recordScreening` writes the request, its results and the audit entry inside the caller's transaction.
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Database } from "../db/index.js";
import type { Match, Screener, ScreeningQuery } from "../screening/index.js";
import { ForbiddenError, InvalidError } from "../shared/errors.js";
import * as store from "./store.js";

export const MAX_BATCH = 1000;

export interface ScreeningRequest {
  persons: ScreeningQuery[];
  purpose: string;
  crossingPointId?: string;
}

/** A screening computed but not yet stored. */
export interface PreparedScreening {
  id: string;
  createdAt: string;
  crossingPointId?: string;
  request: ScreeningRequest;
  matches: Match[][];
  decisions: ("refer" | "clear")[];
}

export function prepareScreening(
  screener: Screener,
  p: Principal,
  req: ScreeningRequest,
  at: Date,
): PreparedScreening {
  if (!can(p, "screen"))
    throw new ForbiddenError("this role cannot screen", undefined, "permission_denied", {
      permission: "screen",
    });
  if (req.persons.length === 0 || req.persons.length > MAX_BATCH)
    throw new InvalidError(`between 1 and ${MAX_BATCH} persons per request`, undefined, "batch_size", {
      max: MAX_BATCH,
    });
  if (req.purpose.trim().length < 3)
    throw new InvalidError("purpose: required for processing personal data", undefined, "purpose_required", {
      action: "screening",
    });
  const nameless = req.persons.findIndex((q) => !q.name && !q.firstName && !q.lastName);
  if (nameless >= 0)
    throw new InvalidError(`person ${nameless + 1} has no name`, { index: nameless }, "person_nameless", {
      person: nameless + 1,
    });
  const matches = screener.screenBatch(req.persons).map((r) => r.matches);
  const crossingPointId = req.crossingPointId ?? p.crossingPointId;
  return {
    id: randomUUID(),
    createdAt: at.toISOString(),
    ...(crossingPointId ? { crossingPointId } : {}),
    request: req,
    matches,
    decisions: matches.map((ms) => (ms.some((m) => m.decision === "refer") ? "refer" : "clear")),
  };
}

/** Writes the screening and its audit entry; commits or rolls back with the caller's transaction. */
export async function recordScreening(
  trx: Transaction<Database>,
  p: Principal,
  s: PreparedScreening,
  at: Date,
): Promise<void> {
  await store.insertScreening(
    trx,
    {
      id: s.id,
      agency: p.agency,
      user_id: p.userId,
      crossing_point_id: s.crossingPointId ?? null,
      purpose: s.request.purpose,
      created_at: s.createdAt,
      input: JSON.stringify(s.request.persons),
    },
    s.matches.map((matches, i) => ({
      request_id: s.id,
      person_index: i,
      decision: s.decisions[i]!,
      matches: JSON.stringify(matches),
      created_at: s.createdAt,
    })),
  );
  await appendAudit(
    trx,
    {
      actor: p,
      action: "screening.create",
      objectType: "screening",
      objectId: s.id,
      purpose: s.request.purpose,
      outcome: "success",
      details: { persons: s.matches.length, refers: s.decisions.filter((d) => d === "refer").length },
    },
    at,
  );
}
