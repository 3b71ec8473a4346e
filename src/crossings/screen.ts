// Screening the persons of a crossing or a manifest, and recording it. `screenTravellers` only reads:
// the lists, the document list and the risk rules. `recordScreened` writes the screening, its results,
// the alerts, the rule hits and the screened population inside the caller's transaction, the one that
// also writes the crossing or manifest and its audit entry: all of it commits together or not at all.
import type { Transaction } from "kysely";
import type { Principal } from "../access/index.js";
import { openAlerts, type PreviouslyCleared, type RuleHitRef } from "../alerts/index.js";
import type { Database, Db, ScreenedTravellerFacts } from "../db/index.js";
import { recordScreening, type ScreeningService } from "../screenings/index.js";
import {
  type DocumentHit,
  type Leg,
  type SltdIndex,
  type Traveller,
  toScreeningQuery,
} from "../travel/index.js";
import { getEntities } from "../watchlists/index.js";

export interface PersonOutcome {
  index: number;
  decision: "refer" | "clear";
  reference: string;
  /** Present for roles that see list details. */
  matches?: unknown[];
  documentHits?: DocumentHit[];
  ruleHits?: RuleHitRef[];
  alertId?: string;
  priority?: string;
  previouslyCleared?: PreviouslyCleared[];
}

/** Risk rules for the screened persons (src/rules); each person's hits, in input order. */
export type RuleRunner = (
  agency: string,
  travellers: readonly Traveller[],
  trip: { legs?: Leg[]; refers: readonly boolean[] },
) => Promise<{ hits: RuleHitRef[][]; population: ScreenedTravellerFacts[] }>;

export interface ScreenDeps {
  db: Db;
  screenings: ScreeningService;
  sltd: () => SltdIndex;
  /** Required: a crossing or manifest is never screened without the agency's risk rules. */
  rules: RuleRunner;
}

function documentHits(sltd: SltdIndex, t: Traveller): DocumentHit[] {
  const hits: DocumentHit[] = [];
  for (const d of t.documents) {
    if (!d.issuingCountry) continue;
    for (const r of sltd.check(d.number, d.issuingCountry)) {
      hits.push({
        number: d.number,
        issuingCountry: r.issuingCountry,
        status: r.status,
        action: "seize the document and refer to second line",
      });
    }
  }
  return hits;
}

/**
 * Screens the travellers against the lists and the document list and runs the risk rules; stores
 * nothing. A stolen passport refers on its own, whatever the name says.
 */
export async function screenTravellers(
  deps: ScreenDeps,
  p: Principal,
  travellers: Traveller[],
  purpose: string,
  crossingPointId?: string,
  legs?: Leg[],
) {
  const screening = deps.screenings.prepare(p, {
    persons: travellers.map(toScreeningQuery),
    purpose,
    ...(crossingPointId ? { crossingPointId } : {}),
  });
  const record = deps.screenings.recordOf(p, screening);
  const index = deps.sltd();
  const screened = record.results.map((r, i) => ({
    personIndex: i,
    traveller: travellers[i]!,
    matches: screening.matches[i]!,
    documentHits: documentHits(index, travellers[i]!),
    ruleHits: [] as RuleHitRef[],
    population: undefined as ScreenedTravellerFacts | undefined,
    reference: r.reference,
  }));
  const refers = screened.map((s) => s.matches.some((m) => m.decision === "refer"));
  const run = await deps.rules(p.agency, travellers, { ...(legs ? { legs } : {}), refers });
  for (const [i, h] of run.hits.entries()) screened[i]!.ruleHits = h;
  for (const [i, f] of run.population.entries()) screened[i]!.population = f;
  const entities = await getEntities(
    deps.db,
    screened.flatMap((s) => s.matches.filter((m) => m.decision === "refer").map((m) => m.entityId)),
  );
  return { screening, screened, entities };
}

export type Screened = Awaited<ReturnType<typeof screenTravellers>>;

/** Writes the screening and opens the alerts in the caller's transaction; each person's full outcome. */
export async function recordScreened(
  trx: Transaction<Database>,
  p: Principal,
  source: { kind: "crossing" | "manifest"; id: string; crossingPointId?: string },
  s: Screened,
  now: Date,
): Promise<PersonOutcome[]> {
  await recordScreening(trx, p, s.screening, now);
  const dispositions = await openAlerts(
    trx,
    {
      agency: p.agency,
      source: source.kind,
      sourceId: source.id,
      screeningId: s.screening.id,
      ...(source.crossingPointId ? { crossingPointId: source.crossingPointId } : {}),
      reference: (i) => s.screened[i]!.reference,
      entities: s.entities,
      now,
    },
    s.screened,
  );
  return dispositions.map((d, i) => {
    const person = s.screened[i]!;
    return {
      index: i,
      decision: d.decision,
      reference: d.reference,
      matches: person.matches,
      ...(person.documentHits.length ? { documentHits: person.documentHits } : {}),
      ...(person.ruleHits.length ? { ruleHits: person.ruleHits } : {}),
      ...(d.alertId ? { alertId: d.alertId, priority: d.priority } : {}),
      ...(d.previouslyCleared.length ? { previouslyCleared: d.previouslyCleared } : {}),
    };
  });
}
