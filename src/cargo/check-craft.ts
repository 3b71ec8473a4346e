// An aircraft check, and a ship's FAL Form 1 (general declaration) with its vessel screened, as use
// cases: read (a malformed form or mark is refused with its place and nothing is written), screen in
// memory against every list that holds craft, then write the check, its alert (when a list refers the
// craft) and the audit entry in ONE transaction.
import { randomUUID } from "node:crypto";
import { can, type Principal } from "../access/index.js";
import { openSubjectAlert, type SubjectHit } from "../alerts/index.js";
import { appendAudit } from "../audit/index.js";
import { recordingPoint } from "../crossing-points/index.js";
import { ForbiddenError, InvalidError } from "../shared/errors.js";
import {
  type AircraftDeclared,
  type CraftHit,
  type GeneralDeclaration,
  parseFal1Csv,
} from "../vessels/index.js";
import { craftHit } from "./craft-hit.js";
import type { CargoDeps } from "./record-manifest.js";
import { insertCraftCheck } from "./store.js";

/** Letters, digits and dashes: a registration mark or a manufacturer serial number as written. */
const MARK = /^[A-Z0-9][A-Z0-9\-/. ]{0,19}$/i;

export interface AircraftCheckInput extends AircraftDeclared {
  crossingPointId?: string;
  purpose: string;
}

function readAircraft(input: AircraftCheckInput): AircraftDeclared {
  const problems: string[] = [];
  const declared: AircraftDeclared = {};
  for (const field of ["registration", "serial", "operator"] as const) {
    const v = input[field]?.trim();
    if (!v) continue;
    if (field !== "operator" && !MARK.test(v))
      problems.push(`${field}: "${v}" is not letters, digits and dashes (at most 20)`);
    declared[field] = v;
  }
  if (!declared.registration && !declared.serial && !declared.operator)
    problems.push("give the registration mark, the manufacturer serial number or the operator");
  if (problems.length > 0) throw new InvalidError(problems.join("; "), { problems });
  return declared;
}

interface CraftRecord {
  kind: "aircraft" | "fal1";
  subjectKind: "aircraft" | "vessel";
  label: string;
  key: string;
  declared: AircraftDeclared | GeneralDeclaration["vessel"];
  hits: CraftHit[];
  data: Record<string, unknown>;
}

async function recordCraft(
  deps: CargoDeps,
  p: Principal,
  r: CraftRecord,
  cp: string | undefined,
  purpose: string,
) {
  const id = randomUUID();
  const reference = `${r.kind === "fal1" ? "S" : "K"}-${id.slice(0, 8).toUpperCase()}`;
  const hits: SubjectHit[] = r.hits.map((h) => craftHit(r.subjectKind, h));
  const decision: "refer" | "clear" = hits.length > 0 ? "refer" : "clear";
  const now = deps.now();
  const opened = await deps.db.kysely.transaction().execute(async (trx) => {
    const opened = await openSubjectAlert(
      trx,
      {
        agency: p.agency,
        source: r.subjectKind,
        sourceId: id,
        reference,
        now,
        ...(cp ? { crossingPointId: cp } : {}),
      },
      { kind: r.subjectKind, index: 0, key: r.key, description: { label: r.label, ...r.declared }, hits },
    );
    await insertCraftCheck(trx, {
      id,
      agency: p.agency,
      user_id: p.userId,
      crossing_point_id: cp ?? null,
      kind: r.kind,
      reference,
      decision,
      alert_id: opened?.alertId ?? null,
      data: JSON.stringify({ ...r.data, hits }),
      created_at: now.toISOString(),
    });
    await appendAudit(trx, {
      actor: p,
      action: r.kind === "fal1" ? "vessel.fal1" : "aircraft.check",
      objectType: "craft_check",
      objectId: id,
      purpose,
      outcome: "success",
      details: { decision, hits: hits.length, ...(opened ? { alertId: opened.alertId } : {}) },
    });
    return opened;
  });
  const details = can(p, "screening:read_details");
  return {
    id,
    reference,
    decision,
    ...(opened && details ? { alertId: opened.alertId, priority: opened.priority } : {}),
    ...(details ? { hits } : {}),
  };
}

export async function checkAircraft(deps: CargoDeps, p: Principal, input: AircraftCheckInput) {
  if (!can(p, "screen")) throw new ForbiddenError("this role cannot check aircraft");
  const declared = readAircraft(input);
  const cp = await recordingPoint(deps.db.kysely, p, input.crossingPointId);
  const hits = deps.screeners().craft.screenAircraft(declared);
  const label = `Aircraft ${[declared.registration, declared.serial && `MSN ${declared.serial}`, declared.operator].filter(Boolean).join(" / ")}`;
  const key = `aircraft:${(declared.registration ?? declared.serial ?? declared.operator ?? "").toUpperCase()}`;
  const record = { kind: "aircraft" as const, subjectKind: "aircraft" as const, label, key, declared, hits };
  return recordCraft(deps, p, { ...record, data: { declared } }, cp, input.purpose);
}

export async function recordFal1(
  deps: CargoDeps,
  p: Principal,
  file: string,
  purpose: string,
  crossingPointId?: string,
) {
  if (!can(p, "screen")) throw new ForbiddenError("this role cannot record ships' declarations");
  const form: GeneralDeclaration = parseFal1Csv(file);
  const cp = await recordingPoint(deps.db.kysely, p, crossingPointId);
  const hits = deps.screeners().craft.screenVessel(form.vessel);
  const v = form.vessel;
  const label = `Vessel ${v.name}${v.imo ? ` IMO ${v.imo}` : ""}`;
  const key = `vessel:${v.imo ? `IMO${v.imo}` : (v.mmsi ?? v.name)}`;
  const record = {
    kind: "fal1" as const,
    subjectKind: "vessel" as const,
    label,
    key,
    declared: { ...v },
    hits,
  };
  const checked = await recordCraft(deps, p, { ...record, data: { declaration: form } }, cp, purpose);
  return { ...checked, vessel: v, direction: form.direction, port: form.port, warnings: form.warnings };
}
