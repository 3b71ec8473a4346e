// A vehicle and its occupants at a land post. The occupants are screened as today, each crossing recorded
// by the crossing service; the vehicle is checked against the stolen-vehicle list and recorded with the
// ids of its occupants' crossings. The booth sees refer or clear, for the vehicle and for each person.
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { can, type Principal } from "../access/index.js";
import { openSubjectAlert, type SubjectHit } from "../alerts/index.js";
import { appendAudit } from "../audit/index.js";
import { recordingPoint } from "../crossing-points/index.js";
import type { PreparedCrossing } from "../crossings/index.js";
import type { Database, Db } from "../db/index.js";
import { ForbiddenError, InvalidError } from "../shared/errors.js";
import { parseManualEntry, parseMrz } from "../travel/index.js";
import { normalisePlate, type Plate, plateProblem } from "./plate.js";
import type { StolenVehicleIndex, VehicleHit } from "./search.js";
import { insertVehicleCheck } from "./store.js";
import { type VinResult, validateVin } from "./vin.js";

export interface VehicleCheckInput {
  plate?: { country: string; number: string };
  vin?: string;
  make?: string;
  model?: string;
  colour?: string;
  direction: "entry" | "exit";
  crossingPointId?: string;
  /** Each occupant as the booth records a crossing: `{ mrz }` or `{ entry }`. */
  occupants: { mrz?: string; entry?: unknown }[];
  purpose: string;
}

/** What the crossing service answers for each occupant (only what the vehicle check needs). */
interface OccupantCrossing {
  id: string;
  result: { decision: "refer" | "clear"; reference: string };
}

/**
 * The crossing service's two halves: screen an occupant without writing, then write the screened
 * occupant in a given transaction, so that the vehicle and all its occupants commit together.
 */
export interface OccupantRecorder {
  prepare: (p: Principal, input: Record<string, unknown> & { purpose: string }) => Promise<PreparedCrossing>;
  write: (
    trx: Transaction<Database>,
    p: Principal,
    prepared: PreparedCrossing,
    at: Date,
  ) => Promise<OccupantCrossing>;
}

export interface VehicleCheckDeps {
  db: Db;
  index: () => StolenVehicleIndex;
  occupants: OccupantRecorder;
  now: () => Date;
}

/** Reads the vehicle before anyone is recorded: bad input changes nothing. */
function readVehicle(input: VehicleCheckInput): { plate?: Plate; vin?: VinResult } {
  if (!input.plate && !input.vin) throw new InvalidError("give the vehicle's plate, its VIN or both");
  const problems: string[] = [];
  const plateIssue = input.plate && plateProblem(input.plate.number);
  if (plateIssue) problems.push(`plate.number: ${plateIssue}`);
  const vin = input.vin ? validateVin(input.vin) : undefined;
  // Only the structure is refused; a failed check digit is a finding for the reviewer (a VIN may be forged).
  if (vin && (vin.vin.length !== 17 || /[^A-HJ-NPR-Z0-9]/.test(vin.vin)))
    problems.push(...vin.problems.map((m) => `vin: ${m}`));
  if (problems.length > 0) throw new InvalidError(problems.join("; "), { problems });
  return {
    ...(input.plate ? { plate: normalisePlate(input.plate.country, input.plate.number) } : {}),
    ...(vin ? { vin } : {}),
  };
}

function subjectHits(plate: Plate | undefined, vin: VinResult | undefined, hits: VehicleHit[]): SubjectHit[] {
  const listed = hits.map(
    (h): SubjectHit => ({
      kind: h.match === "partial_plate" ? "stolen_vehicle_partial_plate" : "stolen_vehicle",
      priority: h.priority,
      list: "stolen-vehicles",
      entityId: h.record.recordId,
      score: h.score,
      requestedAction:
        h.match === "partial_plate"
          ? "A plate one character from a stolen vehicle's: compare the plate, VIN and vehicle"
          : `Vehicle listed as ${h.record.status}: hold it and compare the VIN`,
      evidence: {
        match: h.match,
        declaredPlate: plate ? `${plate.country} ${plate.number}` : null,
        listedPlate: h.record.plate ? `${h.record.plate.country} ${h.record.plate.number}` : null,
        declaredVin: vin?.vin ?? null,
        listedVin: h.record.vin ?? null,
        listedVehicle: [h.record.make, h.record.model, h.record.colour].filter(Boolean).join(" "),
        reportingCountry: h.record.reportingCountry,
      },
    }),
  );
  if (vin && vin.checkDigit.rule === "required" && !vin.checkDigit.ok)
    listed.push({
      kind: "vin_check_digit",
      priority: "standard",
      requestedAction: "The VIN fails its check digit: inspect the VIN plate and stamping",
      evidence: { declaredVin: vin.vin, expected: vin.checkDigit.expected, found: vin.checkDigit.found },
    });
  return listed;
}

export async function checkVehicle(deps: VehicleCheckDeps, p: Principal, input: VehicleCheckInput) {
  if (!can(p, "screen")) throw new ForbiddenError("this role cannot check vehicles");
  const { plate, vin } = readVehicle(input);
  const cp = await recordingPoint(deps.db.kysely, p, input.crossingPointId);
  const hits = subjectHits(
    plate,
    vin,
    deps.index().search({ ...(plate ? { plate } : {}), ...(vin ? { vin: vin.vin } : {}) }),
  );
  const requests = occupantRequests(input, cp, plate);
  // Every occupant is screened before anything is written; then the vehicle and all its occupants'
  // crossings are written in one transaction: a failure on any of them leaves none of them.
  const prepared: PreparedCrossing[] = [];
  for (const r of requests) prepared.push(await deps.occupants.prepare(p, r));
  const recorded = await deps.db.kysely.transaction().execute(async (trx) => {
    const now = deps.now();
    const occupants: OccupantCrossing[] = [];
    for (const o of prepared) occupants.push(await deps.occupants.write(trx, p, o, now));
    const c = { cp, plate, vin, hits, occupants };
    return { c, r: await recordVehicle(trx, p, input, c, now) };
  });
  return viewCheck(p, recorded.c, recorded.r);
}

/**
 * Each occupant's crossing request, at the vehicle's post, direction and plate. Every occupant is read
 * before anyone is recorded, so one bad entry records nobody.
 */
function occupantRequests(input: VehicleCheckInput, cp: string | undefined, plate: Plate | undefined) {
  return input.occupants.map((o, i) => {
    const at = (e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      return new InvalidError(
        `occupants[${i}]: ${message}`,
        { occupant: i, ...(e instanceof InvalidError ? { cause: e.details } : {}) },
        "occupant_invalid",
        { occupant: i, reason: message },
      );
    };
    if (o.mrz !== undefined) {
      const mrz = parseMrz(o.mrz);
      if (!mrz.valid) throw at(new InvalidError(`MRZ check digits failed: ${mrz.failedChecks.join(", ")}`));
      return {
        mrz: o.mrz,
        direction: input.direction,
        ...(cp ? { crossingPointId: cp } : {}),
        purpose: input.purpose,
      };
    }
    if (o.entry === null || typeof o.entry !== "object")
      throw at(new InvalidError("give either mrz or entry"));
    const entry = {
      direction: input.direction,
      ...(o.entry as Record<string, unknown>),
      crossingPointId: cp ?? "",
      ...(plate ? { vehiclePlate: plate.number.replaceAll("?", "") } : {}),
    };
    try {
      parseManualEntry(entry);
    } catch (e) {
      throw at(e);
    }
    return { entry, purpose: input.purpose };
  });
}

async function recordVehicle(
  trx: Transaction<Database>,
  p: Principal,
  input: VehicleCheckInput,
  c: Checked,
  now: Date,
) {
  const id = randomUUID();
  const reference = `V-${id.slice(0, 8).toUpperCase()}`;
  const decision: "refer" | "clear" = c.hits.length > 0 ? "refer" : "clear";
  const declared = {
    label: [c.plate ? `${c.plate.country} ${c.plate.number}` : null, c.vin?.vin].filter(Boolean).join(" / "),
    plate: c.plate ?? null,
    vin: c.vin?.vin ?? null,
    make: input.make ?? null,
    model: input.model ?? null,
    colour: input.colour ?? null,
  };
  const opened = await openSubjectAlert(
    trx,
    {
      agency: p.agency,
      source: "vehicle",
      sourceId: id,
      reference,
      now,
      ...(c.cp ? { crossingPointId: c.cp } : {}),
    },
    {
      kind: "vehicle",
      index: 0,
      key: `vehicle:${c.plate?.country ?? ""}:${c.plate?.key ?? c.vin?.vin}`,
      description: declared,
      hits: c.hits,
    },
  );
  await insertVehicleCheck(trx, {
    id,
    agency: p.agency,
    user_id: p.userId,
    crossing_point_id: c.cp ?? null,
    plate_country: c.plate?.country ?? null,
    plate_number: c.plate?.number ?? null,
    vin: c.vin?.vin ?? null,
    decision,
    alert_id: opened?.alertId ?? null,
    data: JSON.stringify({
      declared,
      vinCheck: c.vin ?? null,
      hits: c.hits,
      occupants: c.occupants.map((o) => o.id),
    }),
    created_at: now.toISOString(),
  });
  await appendAudit(trx, {
    actor: p,
    action: "vehicle.check",
    objectType: "vehicle_check",
    objectId: id,
    purpose: input.purpose,
    outcome: "success",
    details: {
      decision,
      hits: c.hits.length,
      occupants: c.occupants.length,
      ...(opened ? { alertId: opened.alertId } : {}),
    },
  });
  return { id, reference, decision, alert: opened };
}

type Checked = {
  cp: string | undefined;
  plate?: Plate;
  vin?: VinResult;
  hits: SubjectHit[];
  occupants: OccupantCrossing[];
};

/** The booth sees refer or clear and references; list details only for roles that review them. */
function viewCheck(
  p: Principal,
  c: Checked,
  r: { id: string; reference: string; decision: "refer" | "clear"; alert: { alertId: string } | null },
) {
  const { id, reference, decision, alert } = r;
  const details = can(p, "screening:read_details");
  return {
    id,
    vehicle: {
      decision,
      reference,
      ...(c.vin ? { vinCheckDigit: c.vin.checkDigit } : {}),
      ...(alert && details ? { alertId: alert.alertId } : {}),
      ...(details ? { hits: c.hits } : {}),
    },
    occupants: c.occupants.map((o, index) => ({
      index,
      crossingId: o.id,
      decision: o.result.decision,
      reference: o.result.reference,
    })),
    decision:
      decision === "refer" || c.occupants.some((o) => o.result.decision === "refer") ? "refer" : "clear",
  };
}
