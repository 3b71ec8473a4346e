// A partner node's hit on a crossing's travel document, asked automatically after the crossing (issue 16,
// src/partners/auto-check.ts). It decides nothing: it lands on the crossing's alert for a person to
// review, or opens one when the crossing had none. The hit carries only what the partner answered (hit,
// a reference, its contact desk), never a name, list or score.
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Database } from "../db/index.js";
import { identityKey, type Traveller } from "../travel/index.js";
import type { AlertReasons, PartnerHit } from "./open.js";
import { crossingAlert, insertAlert, setReasons } from "./store.js";
import { DEFAULT_DEADLINES, dueAt } from "./triage.js";

/** The crossing the hit is about, as recorded. */
export interface HitCrossing {
  id: string;
  agency: string;
  screeningId: string;
  crossingPointId: string | null;
  traveller: Traveller;
}

const ACTION = (node: string) =>
  `Partner hit (${node}): the partner knows this travel document. Contact its desk with the reference before any decision; the hit alone decides nothing`;

/** Adds the hit to the crossing's alert, or opens one for it; returns the alert id. */
export async function recordPartnerHit(
  trx: Transaction<Database>,
  crossing: HitCrossing,
  hit: PartnerHit,
  now: Date,
): Promise<string> {
  const existing = await crossingAlert(trx, crossing.agency, crossing.id);
  if (existing) {
    const reasons = JSON.parse(existing.reasons) as AlertReasons;
    const updated: AlertReasons = {
      ...reasons,
      partnerHits: [...(reasons.partnerHits ?? []), hit],
      requestedActions: [...new Set([...reasons.requestedActions, ACTION(hit.partnerNodeId)])],
    };
    await setReasons(trx, existing.id, JSON.stringify(updated), now.toISOString());
    return existing.id;
  }
  const reasons: AlertReasons = {
    matches: [],
    documentHits: [],
    ruleHits: [],
    requestedActions: [ACTION(hit.partnerNodeId)],
    programmes: [],
    previouslyCleared: [],
    partnerHits: [hit],
  };
  const id = randomUUID();
  // A document a partner knows may have crossed already: within hours, like a stolen document here.
  const priority = "high";
  await insertAlert(trx, {
    id,
    agency: crossing.agency,
    reference: `P-${id.slice(0, 8).toUpperCase()}`,
    status: "open",
    priority,
    source: "crossing",
    source_id: crossing.id,
    screening_id: crossing.screeningId,
    person_index: 0,
    crossing_point_id: crossing.crossingPointId,
    identity_key: identityKey(crossing.traveller),
    traveller: JSON.stringify(crossing.traveller),
    reasons: JSON.stringify(reasons),
    created_at: now.toISOString(),
    due_at: dueAt(now, priority, DEFAULT_DEADLINES),
    updated_at: now.toISOString(),
  });
  return id;
}
