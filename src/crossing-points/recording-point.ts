// Where a crossing, manifest or screening is recorded: checked before anything is screened or stored, so
// that statistics and alert queues count only real points of the officer's own agency, and an officer
// posted at one point cannot record at another.
import type { Kysely } from "kysely";
import type { Principal } from "../access/index.js";
import type { Database } from "../db/index.js";
import { ForbiddenError, InvalidError } from "../shared/errors.js";
import { findAgencyCrossingPoint } from "./store.js";

/** 422: the crossing point does not exist in the caller's agency (another agency's is not revealed). */
export class UnknownCrossingPointError extends InvalidError {
  override readonly code = "unknown_crossing_point";
}

/** 403: the officer is bound to another crossing point. */
export class CrossingPointNotAllowedError extends ForbiddenError {
  override readonly code = "crossing_point_not_allowed";
}

/**
 * The id of the crossing point to record at: the requested one (by id or code) when it is the agency's
 * and the officer may record there, else the officer's own point; undefined for an unbound officer who
 * names none.
 */
export async function recordingPoint(
  db: Kysely<Database>,
  p: Principal,
  requested: string | undefined,
): Promise<string | undefined> {
  if (!requested) return p.crossingPointId;
  const cp = await findAgencyCrossingPoint(db, p.agency, requested);
  if (!cp) {
    const params = { crossingPointId: requested };
    throw new UnknownCrossingPointError(
      `crossingPointId: no crossing point "${requested}" in your agency`,
      params,
      undefined,
      params,
    );
  }
  if (p.crossingPointId && cp.id !== p.crossingPointId) {
    throw new CrossingPointNotAllowedError(
      `crossingPointId: you are posted at crossing point ${p.crossingPointId} and may record only there`,
      { crossingPointId: requested, postedAt: p.crossingPointId },
      undefined,
      { crossingPointId: requested, postedAt: p.crossingPointId },
    );
  }
  return cp.id;
}
