// Opening alerts inside the transaction that records a crossing or a manifest. A watchlist refer, a
// document hit or a refer-action rule hit opens one alert per person; nothing else happens to the
// traveller until a person reviews it. A refer against an entity this identity was cleared of (and the
// clearance still runs) is noted as "previously cleared" instead: the match is still on record.
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Database, ScreenedTravellerFacts } from "../db/index.js";
import type { Match } from "../screening/index.js";
import { type DocumentHit, identityKey, type Traveller } from "../travel/index.js";
import type { Entity } from "../watchlists/index.js";
import {
  type ClearanceRow,
  insertAlert as insertAlertRow,
  insertClearanceNote,
  insertRuleHit,
  insertScreenedTravellers,
  runningClearances,
} from "./store.js";
import { DEFAULT_DEADLINES, dueAt, type Priority, priorityOf, requestedActions } from "./triage.js";

/** A rule that fired for this person (see src/rules). */
export interface RuleHitRef {
  ruleId: string;
  version: number;
  name: string;
  priority: Priority;
  action: "refer" | "note";
}

export interface PersonScreened {
  personIndex: number;
  traveller: Traveller;
  /** All matches the screening returned for the person, refer and report alike. */
  matches: Match[];
  documentHits: DocumentHit[];
  ruleHits: RuleHitRef[];
  /** The person's depersonalised rule facts (src/rules), kept with the screened population. */
  population?: ScreenedTravellerFacts | undefined;
}

export interface OpenContext {
  agency: string;
  source: "crossing" | "manifest";
  sourceId: string;
  screeningId: string;
  crossingPointId?: string;
  /** The reference the booth sees for person i (the same one the screening gave). */
  reference: (personIndex: number) => string;
  /** Listed entities, by id, for the programmes that set the priority and requested action. */
  entities: ReadonlyMap<string, Entity>;
  now: Date;
  deadlines?: Record<Priority, number>;
}

export interface PreviouslyCleared {
  clearanceId: string;
  entityId: string;
  list: string;
  clearedAt: string;
  expiresAt: string;
}

/** One reason to look at a goods subject: a listed vessel, a stolen vehicle, an arms HS chapter, … */
export interface SubjectHit {
  /** Stable, machine-readable: `listed_vessel`, `stolen_vehicle`, `arms_chapter`, `invalid_container`, … */
  kind: string;
  priority: Priority;
  /** The list and listed record, where the hit is against a list. */
  list?: string;
  entityId?: string;
  /** The match score in [0, 1], where the hit is a match; exact identifiers score 1. */
  score?: number;
  /** What the reviewer is asked to do about it. */
  requestedAction: string;
  /** The declared value beside the listed one (serials, numbers, codes), for the side-by-side view. */
  evidence: Record<string, unknown>;
}

/** A partner node's hit on the traveller's document (partner-hit.ts): what the partner answered. */
export interface PartnerHit {
  /** The request id both nodes audit the query under. */
  requestId: string;
  partnerNodeId: string;
  purpose: string;
  kind: string;
  reference: string;
  contact: string | null;
  at: string;
}

export interface AlertReasons {
  matches: Match[];
  documentHits: DocumentHit[];
  ruleHits: RuleHitRef[];
  requestedActions: string[];
  programmes: string[];
  previouslyCleared: PreviouslyCleared[];
  /** Hits on a goods subject (src/alerts/open-subject.ts); absent on a person's alert. */
  subjectHits?: SubjectHit[];
  /** Partner nodes' hits on the traveller's document, asked after the crossing (partner-hit.ts). */
  partnerHits?: PartnerHit[];
}

export interface PersonDisposition {
  personIndex: number;
  decision: "refer" | "clear";
  reference: string;
  alertId?: string;
  priority?: Priority;
  previouslyCleared: PreviouslyCleared[];
}

type Trx = Transaction<Database>;

/** The refers this identity was cleared of, and the ones that still stand. */
function splitCleared(refers: Match[], clearances: ClearanceRow[], key: string) {
  const cleared: PreviouslyCleared[] = [];
  const live: Match[] = [];
  for (const m of refers) {
    const c = clearances.find((x) => x.identity_key === key && x.entity_id === m.entityId);
    if (c) {
      cleared.push({
        clearanceId: c.id,
        entityId: m.entityId,
        list: m.list,
        clearedAt: c.created_at,
        expiresAt: c.expires_at,
      });
    } else live.push(m);
  }
  return { cleared, live };
}

async function noteClearances(
  trx: Trx,
  ctx: OpenContext,
  person: PersonScreened,
  cleared: PreviouslyCleared[],
  now: string,
) {
  for (const c of cleared) {
    await insertClearanceNote(trx, {
      id: randomUUID(),
      clearance_id: c.clearanceId,
      agency: ctx.agency,
      source: ctx.source,
      source_id: ctx.sourceId,
      screening_id: ctx.screeningId,
      person_index: person.personIndex,
      created_at: now,
    });
  }
}

/** One alert for the person, triaged, with its reasons. */
async function insertAlert(
  trx: Trx,
  ctx: OpenContext,
  person: PersonScreened,
  who: { key: string; reference: string; live: Match[]; cleared: PreviouslyCleared[] },
  now: string,
): Promise<{ id: string; priority: Priority }> {
  const { live, cleared } = who;
  const programmes = [...new Set(live.flatMap((m) => ctx.entities.get(m.entityId)?.programmes ?? []))];
  const triage = {
    programmes,
    lists: [...new Set(live.map((m) => m.list))],
    documentHits: person.documentHits.length,
    rulePriorities: person.ruleHits.filter((r) => r.action === "refer").map((r) => r.priority),
  };
  const priority = priorityOf(triage);
  const reasons: AlertReasons = {
    // Matches below the refer threshold stay with the alert: they help the reviewer see the field.
    matches: person.matches.filter((m) => !cleared.some((c) => c.entityId === m.entityId)),
    documentHits: person.documentHits,
    ruleHits: person.ruleHits,
    requestedActions: requestedActions(triage),
    programmes,
    previouslyCleared: cleared,
  };
  const id = randomUUID();
  await insertAlertRow(trx, {
    id,
    agency: ctx.agency,
    reference: who.reference,
    status: "open",
    priority,
    source: ctx.source,
    source_id: ctx.sourceId,
    screening_id: ctx.screeningId,
    person_index: person.personIndex,
    crossing_point_id: ctx.crossingPointId ?? null,
    identity_key: who.key,
    traveller: JSON.stringify(person.traveller),
    reasons: JSON.stringify(reasons),
    created_at: now,
    due_at: dueAt(ctx.now, priority, ctx.deadlines ?? DEFAULT_DEADLINES),
    updated_at: now,
  });
  return { id, priority };
}

async function recordRuleHits(
  trx: Trx,
  ctx: OpenContext,
  person: PersonScreened,
  alertId: string | null,
  now: string,
) {
  for (const r of person.ruleHits) {
    await insertRuleHit(trx, {
      rule_id: r.ruleId,
      rule_version: r.version,
      agency: ctx.agency,
      screening_id: ctx.screeningId,
      person_index: person.personIndex,
      alert_id: alertId,
      created_at: now,
    });
  }
}

/** The screened population, for rule statistics and travel-pattern facts: no names, only the key. */
function recordPopulation(
  trx: Trx,
  ctx: OpenContext,
  persons: readonly PersonScreened[],
  keys: string[],
  now: string,
) {
  return insertScreenedTravellers(
    trx,
    persons.map((p, i) => ({
      screening_id: ctx.screeningId,
      person_index: p.personIndex,
      agency: ctx.agency,
      source: ctx.source,
      source_id: ctx.sourceId,
      identity_key: keys[i]!,
      nationality: p.traveller.nationality ?? null,
      sex: p.traveller.gender ?? null,
      ...p.population,
      created_at: now,
    })),
  );
}

/** One person's outcome: an alert when a refer still stands, a document or a refer rule hit. */
async function outcomeOf(
  trx: Trx,
  ctx: OpenContext,
  person: PersonScreened,
  key: string,
  clearances: ClearanceRow[],
  now: string,
): Promise<PersonDisposition> {
  const refers = person.matches.filter((m) => m.decision === "refer");
  const { cleared, live } = splitCleared(refers, clearances, key);
  const reference = ctx.reference(person.personIndex);
  const disposition: PersonDisposition = {
    personIndex: person.personIndex,
    decision: "clear",
    reference,
    previouslyCleared: cleared,
  };
  await noteClearances(trx, ctx, person, cleared, now);
  const referRules = person.ruleHits.some((r) => r.action === "refer");
  let alertId: string | null = null;
  if (live.length > 0 || person.documentHits.length > 0 || referRules) {
    const alert = await insertAlert(trx, ctx, person, { key, reference, live, cleared }, now);
    alertId = alert.id;
    disposition.decision = "refer";
    disposition.alertId = alert.id;
    disposition.priority = alert.priority;
  }
  await recordRuleHits(trx, ctx, person, alertId, now);
  return disposition;
}

export async function openAlerts(
  trx: Trx,
  ctx: OpenContext,
  persons: readonly PersonScreened[],
): Promise<PersonDisposition[]> {
  const now = ctx.now.toISOString();
  const keys = persons.map((p) => identityKey(p.traveller));
  // The running clearances of these identities: a refer against a cleared entity is only noted.
  const clearances = await runningClearances(trx, ctx.agency, keys, now);
  const out: PersonDisposition[] = [];
  for (const [i, person] of persons.entries())
    out.push(await outcomeOf(trx, ctx, person, keys[i]!, clearances, now));
  await recordPopulation(trx, ctx, persons, keys, now);
  return out;
}
