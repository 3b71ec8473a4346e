// A firearm check at the post: look the serial up on the lost/stolen/trafficked list, record the check
// with its marking details (for a tracing request under the UN Firearms Protocol and the International
// Tracing Instrument), and open an alert on a hit. Nothing is seized here: a person reviews the alert and
// a seizure is only proposed (seize.ts).
import { randomUUID } from "node:crypto";
import { can, type Principal } from "../access/index.js";
import { openSubjectAlert, type SubjectHit } from "../alerts/index.js";
import { appendAudit } from "../audit/index.js";
import { recordingPoint } from "../crossing-points/index.js";
import type { Db } from "../db/index.js";
import { type GoodsRule, goodsRuleHits } from "../rules/index.js";
import { ForbiddenError, InvalidError } from "../shared/errors.js";
import { firearmFacts } from "./facts.js";
import type { FirearmHit, FirearmIndex } from "./search.js";
import { serialProblem, serialText } from "./serial.js";
import { insertFirearmCheck } from "./store.js";

/** The markings a tracing request needs (International Tracing Instrument, para. 8). */
export interface Markings {
  countryOfManufacture?: string;
  yearOfManufacture?: string;
  importMarking?: string;
  proofMarks?: string;
  otherMarkings?: string;
  serialCondition?: "intact" | "partly_obliterated" | "obliterated";
}

export interface FirearmCheckInput {
  serial: string;
  make?: string;
  model?: string;
  calibre?: string;
  type?: string;
  markings?: Markings;
  crossingPointId?: string;
  purpose: string;
}

export interface FirearmCheckDeps {
  db: Db;
  index: () => FirearmIndex;
  /** Goods rules over the firearm facts (firearm.*); none unless the deployment configures them. */
  rules: readonly GoodsRule[];
  now: () => Date;
}

function subjectHit(input: FirearmCheckInput, h: FirearmHit): SubjectHit {
  return {
    kind: "listed_firearm",
    priority: h.priority,
    list: "firearms",
    entityId: h.record.recordId,
    score: h.comparison.agreement,
    requestedAction:
      h.priority === "high"
        ? `Firearm listed as ${h.record.status}: hold it and consider proposing a seizure`
        : "Compare the serial and make with the listed firearm before any measure",
    evidence: {
      declaredSerial: serialText(input.serial),
      listedSerial: h.record.serial,
      confusable: h.comparison.confusable,
      unreadable: h.comparison.unreadable,
      declaredMake: input.make ?? null,
      listedMake: h.record.make,
      makeAgrees: h.makeAgrees ?? null,
      listedModel: h.record.model,
      listedCalibre: h.record.calibre,
      status: h.record.status,
      reportingCountry: h.record.reportingCountry,
    },
  };
}

export async function checkFirearm(deps: FirearmCheckDeps, p: Principal, input: FirearmCheckInput) {
  if (!can(p, "screen")) throw new ForbiddenError("this role cannot check firearms");
  const problem = serialProblem(input.serial);
  if (problem) throw new InvalidError(`serial: ${problem}`, { field: "serial" });
  const cp = await recordingPoint(deps.db.kysely, p, input.crossingPointId);
  const hits = deps.index().search({ serial: input.serial, ...(input.make ? { make: input.make } : {}) });
  const id = randomUUID();
  const reference = `F-${id.slice(0, 8).toUpperCase()}`;
  const today = deps.now().toISOString().slice(0, 10);
  const subjectHits: SubjectHit[] = [
    ...hits.map((h) => subjectHit(input, h)),
    ...goodsRuleHits(deps.rules, firearmFacts(input, hits), today),
  ];
  const decision: "refer" | "clear" = subjectHits.length > 0 ? "refer" : "clear";
  const declared = {
    label: [input.make, input.model, serialText(input.serial)].filter(Boolean).join(" "),
    serial: serialText(input.serial),
    make: input.make ?? null,
    model: input.model ?? null,
    calibre: input.calibre ?? null,
    type: input.type ?? null,
    markings: input.markings ?? {},
  };
  const alert = await deps.db.kysely.transaction().execute(async (trx) => {
    const now = deps.now();
    const opened = await openSubjectAlert(
      trx,
      {
        agency: p.agency,
        source: "firearm",
        sourceId: id,
        reference,
        now,
        ...(cp ? { crossingPointId: cp } : {}),
      },
      {
        kind: "firearm",
        index: 0,
        key: `firearm:${declared.serial}`,
        description: declared,
        hits: subjectHits,
      },
    );
    await insertFirearmCheck(trx, {
      id,
      agency: p.agency,
      user_id: p.userId,
      crossing_point_id: cp ?? null,
      serial: declared.serial,
      make: input.make ?? null,
      status: "checked",
      decision,
      alert_id: opened?.alertId ?? null,
      data: JSON.stringify({ declared, hits: subjectHits }),
      created_at: now.toISOString(),
    });
    await appendAudit(trx, {
      actor: p,
      action: "firearm.check",
      objectType: "firearm_check",
      objectId: id,
      purpose: input.purpose,
      outcome: "success",
      details: { decision, hits: subjectHits.length, ...(opened ? { alertId: opened.alertId } : {}) },
    });
    return opened;
  });
  const details = can(p, "screening:read_details");
  return {
    id,
    decision,
    reference,
    ...(alert && details ? { alertId: alert.alertId, priority: alert.priority } : {}),
    ...(details ? { hits: subjectHits } : {}),
  };
}
