// A crossing at the booth as one use case: read the MRZ or manual entry (input.ts), check the crossing
// point, screen the person, and write the
// screening, its alerts, the crossing and the audit entries in ONE transaction. A crash at any point
// leaves either all of them or none: never an audited screening without its crossing (issue 12, item 5).
// The two halves are apart so that a caller recording several crossings with something else (a vehicle
// and its occupants) can screen them all first and write them all in its own one transaction.
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import { recordingPoint } from "../crossing-points/index.js";
import type { Database } from "../db/index.js";
import { ForbiddenError } from "../shared/errors.js";
import type { Traveller } from "../travel/index.js";
import { type CrossingInput, readCrossingInput } from "./input.js";
import { type PersonOutcome, recordScreened, type ScreenDeps, screenTravellers } from "./screen.js";
import { insertCrossing } from "./store.js";

/**
 * Work that follows a crossing without holding it up (the partner exchange's automatic document checks):
 * `prepare` before its transaction, `written` inside it, `committed` once it committed.
 */
export interface CrossingHook {
  prepare(): Promise<void>;
  written(
    trx: Transaction<Database>,
    c: { id: string; agency: string; traveller: Traveller },
    at: Date,
  ): Promise<void>;
  committed(): void;
}

/** Read and screened, nothing written yet. */
export type PreparedCrossing = Awaited<ReturnType<typeof prepareCrossing>>;

export interface RecordedCrossing {
  id: string;
  screeningId: string;
  direction: "entry" | "exit";
  warnings: string[];
  mrzCaseNormalised?: true;
  outcome: PersonOutcome;
}

/** Reads the input, checks the point and screens the person; writes nothing. */
export async function prepareCrossing(
  deps: ScreenDeps & { hook?: CrossingHook },
  p: Principal,
  input: CrossingInput,
) {
  if (!can(p, "screen"))
    throw new ForbiddenError("this role cannot record crossings", undefined, "permission_denied", {
      permission: "screen",
    });
  const { entry, traveller, warnings, mrzCaseNormalised } = readCrossingInput(input);
  // Checked before screening: an unknown point or another officer's post records nothing.
  const cp = await recordingPoint(deps.db.kysely, p, entry.crossingPointId || undefined);
  const screened = await screenTravellers(deps, p, [traveller], input.purpose, cp);
  await deps.hook?.prepare();
  return {
    id: randomUUID(),
    entry,
    traveller,
    warnings,
    mrzCaseNormalised,
    cp,
    screened,
    purpose: input.purpose,
  };
}

/** Writes a prepared crossing (screening, alerts, crossing, audit entry) in the caller's transaction. */
export async function writeCrossing(
  trx: Transaction<Database>,
  p: Principal,
  c: PreparedCrossing,
  at: Date,
  hook?: CrossingHook,
): Promise<RecordedCrossing> {
  const { id, entry, cp, screened } = c;
  const [outcome] = await recordScreened(
    trx,
    p,
    { kind: "crossing", id, ...(cp ? { crossingPointId: cp } : {}) },
    screened,
    at,
  );
  await insertCrossing(trx, {
    id,
    agency: p.agency,
    user_id: p.userId,
    screening_id: screened.screening.id,
    crossing_point_id: cp ?? null,
    direction: entry.direction,
    decision: outcome!.decision,
    data: JSON.stringify({
      traveller: c.traveller,
      vehiclePlate: entry.vehiclePlate ?? null,
      warnings: c.warnings,
    }),
    created_at: at.toISOString(),
  });
  await appendAudit(trx, {
    actor: p,
    action: "crossing.create",
    objectType: "crossing",
    objectId: id,
    purpose: c.purpose,
    outcome: "success",
    details: {
      decision: outcome!.decision,
      documentHit: (outcome!.documentHits?.length ?? 0) > 0,
      ...(outcome!.alertId ? { alertId: outcome!.alertId } : {}),
    },
  });
  await hook?.written(trx, { id, agency: p.agency, traveller: c.traveller }, at);
  return {
    id,
    screeningId: screened.screening.id,
    direction: entry.direction,
    warnings: c.warnings,
    ...(c.mrzCaseNormalised ? { mrzCaseNormalised: true as const } : {}),
    outcome: outcome!,
  };
}

/** Runs the writes in a transaction: a group commit's shared one (with a savepoint), or one of its own. */
export type Write = <T>(work: (trx: Transaction<Database>) => Promise<T>) => Promise<T>;

export async function recordCrossing(
  deps: ScreenDeps & { now: () => Date; write: Write; hook?: CrossingHook },
  p: Principal,
  input: CrossingInput,
): Promise<RecordedCrossing> {
  const prepared = await prepareCrossing(deps, p, input);
  // Acknowledged only once committed, also in a group commit; a failure there undoes this crossing alone.
  const recorded = await deps.write((trx) => writeCrossing(trx, p, prepared, deps.now(), deps.hook));
  deps.hook?.committed();
  return recorded;
}
