// Opening an alert on something that travels with people: a vessel, an aircraft, a consignment, a vehicle,
// a firearm or cash (issue 17). Like a person's alert, it is opened inside the transaction that records
// the check, and nothing happens to the goods until a person reviews it. The subject is stored as
// declared, and each hit carries its evidence so the reviewer can compare it side by side.
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { AlertSource, Database, SubjectKind } from "../db/index.js";
import type { AlertReasons, SubjectHit } from "./open.js";
import { insertAlert } from "./store.js";
import { DEFAULT_DEADLINES, dueAt, higher, type Priority } from "./triage.js";

/** Every kind of subject an alert can be about, for schemas and filters. */
export const SUBJECT_KINDS: readonly SubjectKind[] = [
  "person",
  "vessel",
  "aircraft",
  "consignment",
  "vehicle",
  "firearm",
  "cash",
];

export interface SubjectScreened {
  kind: Exclude<SubjectKind, "person">;
  /** The subject's place in its manifest or check (0 for a single item). */
  index: number;
  /** A stable key for the subject (`vessel:IMO9074729`, `vehicle:RS:BG123AB`), like a person's identity key. */
  key: string;
  /** The subject as declared: shown in the queue by its `label`. */
  description: { label: string } & Record<string, unknown>;
  hits: SubjectHit[];
}

export interface SubjectContext {
  agency: string;
  source: Exclude<AlertSource, "crossing" | "manifest">;
  sourceId: string;
  crossingPointId?: string;
  /** The reference the officer sees for this subject. */
  reference: string;
  now: Date;
  deadlines?: Record<Priority, number>;
}

/** Opens one alert when the subject has hits; returns its id and priority, or null when it has none. */
export async function openSubjectAlert(
  trx: Transaction<Database>,
  ctx: SubjectContext,
  subject: SubjectScreened,
): Promise<{ alertId: string; priority: Priority } | null> {
  if (subject.hits.length === 0) return null;
  const priority = subject.hits.reduce<Priority>((p, h) => higher(p, h.priority), "standard");
  const reasons: AlertReasons = {
    matches: [],
    documentHits: [],
    ruleHits: [],
    requestedActions: [...new Set(subject.hits.map((h) => h.requestedAction))],
    programmes: [],
    previouslyCleared: [],
    subjectHits: subject.hits,
  };
  const alertId = randomUUID();
  const now = ctx.now.toISOString();
  await insertAlert(trx, {
    id: alertId,
    agency: ctx.agency,
    reference: ctx.reference,
    status: "open",
    priority,
    source: ctx.source,
    source_id: ctx.sourceId,
    screening_id: ctx.sourceId,
    person_index: subject.index,
    crossing_point_id: ctx.crossingPointId ?? null,
    identity_key: subject.key,
    subject_kind: subject.kind,
    traveller: JSON.stringify(subject.description),
    reasons: JSON.stringify(reasons),
    created_at: now,
    due_at: dueAt(ctx.now, priority, ctx.deadlines ?? DEFAULT_DEADLINES),
    updated_at: now,
  });
  return { alertId, priority };
}
