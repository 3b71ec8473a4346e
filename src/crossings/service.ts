// Crossings and manifests as use cases: read the traveller data (MRZ, manual entry, PAXLST, FAL), screen
// every person against the watchlists, the stolen/lost documents and the risk rules, record the result and
// open an alert for each refer. A hit on the document list refers the traveller whatever the name says.
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { can, type Principal } from "../access/index.js";
import { openAlerts, type PreviouslyCleared, type RuleHitRef } from "../alerts/index.js";
import { appendAudit } from "../audit/index.js";
import { recordingPoint } from "../crossing-points/index.js";
import type { Database, Db } from "../db/index.js";
import type { ScreeningService } from "../screenings/index.js";
import { ForbiddenError, InvalidError, NotFoundError } from "../shared/errors.js";
import {
  type DocumentHit,
  type Leg,
  type Manifest,
  parseManifestFile,
  type SltdIndex,
  type Traveller,
  toScreeningQuery,
} from "../travel/index.js";
import { getEntities } from "../watchlists/index.js";
import { type CrossingInput, readCrossingInput } from "./input.js";

export type { CrossingInput } from "./input.js";

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

/** Risk rules for the screened persons (src/rules); each person's hits, in input order. */
export type RuleRunner = (
  agency: string,
  travellers: readonly Traveller[],
  trip: { legs?: Leg[]; refers: readonly boolean[] },
) => Promise<RuleHitRef[][]>;

export function createCrossingService(
  db: Db,
  screenings: ScreeningService,
  sltd: () => SltdIndex,
  opts: { rules?: RuleRunner; now?: () => Date } = {},
) {
  const now = opts.now ?? (() => new Date());

  /**
   * Screens the travellers against the lists and the document list, runs the risk rules, and returns
   * what `openAlerts` needs. A stolen passport refers on its own, whatever the name says.
   */
  async function screenTravellers(
    p: Principal,
    travellers: Traveller[],
    purpose: string,
    crossingPointId?: string,
    legs?: Leg[],
  ) {
    const { record, matches } = await screenings.screenWithMatches(p, {
      persons: travellers.map(toScreeningQuery),
      purpose,
      ...(crossingPointId ? { crossingPointId } : {}),
    });
    const index = sltd();
    const screened = record.results.map((r, i) => ({
      personIndex: i,
      traveller: travellers[i]!,
      matches: matches[i]!,
      documentHits: documentHits(index, travellers[i]!),
      ruleHits: [] as RuleHitRef[],
      reference: r.reference,
    }));
    if (opts.rules) {
      const refers = screened.map((s) => s.matches.some((m) => m.decision === "refer"));
      const hits = await opts.rules(p.agency, travellers, { ...(legs ? { legs } : {}), refers });
      for (const [i, h] of hits.entries()) screened[i]!.ruleHits = h;
    }
    const entities = await getEntities(
      db,
      screened.flatMap((s) => s.matches.filter((m) => m.decision === "refer").map((m) => m.entityId)),
    );
    return { screeningId: record.id, screened, entities };
  }

  /** Opens the alerts inside the caller's transaction; each person's full outcome, for `viewOutcome`. */
  async function dispose(
    trx: Transaction<Database>,
    p: Principal,
    source: { kind: "crossing" | "manifest"; id: string; crossingPointId?: string },
    s: Awaited<ReturnType<typeof screenTravellers>>,
  ): Promise<PersonOutcome[]> {
    const dispositions = await openAlerts(
      trx,
      {
        agency: p.agency,
        source: source.kind,
        sourceId: source.id,
        screeningId: s.screeningId,
        ...(source.crossingPointId ? { crossingPointId: source.crossingPointId } : {}),
        reference: (i) => s.screened[i]!.reference,
        entities: s.entities,
        now: now(),
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

  return {
    async recordCrossing(p: Principal, input: CrossingInput) {
      if (!can(p, "screen")) throw new ForbiddenError("this role cannot record crossings");
      const { entry, traveller, warnings, mrzCaseNormalised } = readCrossingInput(input);
      // Checked before screening: an unknown point or another officer's post records nothing.
      const cp = await recordingPoint(db.kysely, p, entry.crossingPointId || undefined);
      const screened = await screenTravellers(p, [traveller], input.purpose, cp);
      const { screeningId } = screened;
      const id = randomUUID();
      const outcome = await db.kysely.transaction().execute(async (trx) => {
        const [outcome] = await dispose(
          trx,
          p,
          { kind: "crossing", id, ...(cp ? { crossingPointId: cp } : {}) },
          screened,
        );
        await trx
          .insertInto("crossings")
          .values({
            id,
            agency: p.agency,
            user_id: p.userId,
            screening_id: screeningId,
            crossing_point_id: cp ?? null,
            direction: entry.direction,
            decision: outcome!.decision,
            data: JSON.stringify({ traveller, vehiclePlate: entry.vehiclePlate ?? null, warnings }),
            created_at: now().toISOString(),
          })
          .execute();
        await appendAudit(trx, {
          actor: p,
          action: "crossing.create",
          objectType: "crossing",
          objectId: id,
          purpose: input.purpose,
          outcome: "success",
          details: {
            decision: outcome!.decision,
            documentHit: (outcome!.documentHits?.length ?? 0) > 0,
            ...(outcome!.alertId ? { alertId: outcome!.alertId } : {}),
          },
        });
        return outcome!;
      });
      return {
        id,
        screeningId,
        direction: entry.direction,
        warnings,
        ...(mrzCaseNormalised ? { mrzCaseNormalised } : {}),
        result: viewOutcome(p, outcome),
      };
    },

    /** `file` as received: raw bytes are decoded by the character set the file declares. */
    async screenManifest(p: Principal, file: string | Uint8Array, purpose: string, crossingPointId?: string) {
      if (!can(p, "screen")) throw new ForbiddenError("this role cannot screen manifests");
      const cp = await recordingPoint(db.kysely, p, crossingPointId);
      const manifest: Manifest = parseManifestFile(file);
      if (manifest.persons.length === 0) throw new InvalidError("the manifest lists no persons");
      const screened = await screenTravellers(p, manifest.persons, purpose, cp, manifest.legs);
      const { screeningId } = screened;
      const id = randomUUID();
      const outcomes = await db.kysely.transaction().execute(async (trx) => {
        const source = { kind: "manifest" as const, id, ...(cp ? { crossingPointId: cp } : {}) };
        const outcomes = await dispose(trx, p, source, screened);
        const summary = {
          persons: outcomes.length,
          refer: outcomes.filter((o) => o.decision === "refer").length,
        };
        await trx
          .insertInto("manifests")
          .values({
            id,
            agency: p.agency,
            user_id: p.userId,
            screening_id: screeningId,
            kind: manifest.kind,
            carrier: manifest.carrier ?? null,
            number: manifest.number ?? null,
            list_type: manifest.listType,
            persons: manifest.persons.length,
            data: JSON.stringify({ manifest, outcomes }),
            created_at: now().toISOString(),
          })
          .execute();
        await appendAudit(trx, {
          actor: p,
          action: "manifest.create",
          objectType: "manifest",
          objectId: id,
          purpose,
          outcome: "success",
          details: summary,
        });
        return outcomes;
      });
      const summary = {
        persons: outcomes.length,
        refer: outcomes.filter((o) => o.decision === "refer").length,
      };
      return {
        id,
        screeningId,
        manifest: view(p, manifest),
        summary,
        results: sortReferFirst(outcomes.map((o) => viewOutcome(p, o))),
      };
    },

    async getManifest(p: Principal, id: string, purpose: string) {
      if (!can(p, "screen") && !can(p, "screening:read"))
        throw new ForbiddenError("this role cannot read manifests");
      const row = await db.kysely
        .selectFrom("manifests")
        .selectAll()
        .where("id", "=", id)
        .where("agency", "=", p.agency)
        .executeTakeFirst();
      // The booth reads back only the manifests it submitted; the second line reads the agency's.
      if (!row || (!can(p, "screening:read") && row.user_id !== p.userId)) {
        throw new NotFoundError(`manifest ${id} not found`);
      }
      const { manifest, outcomes } = JSON.parse(row.data) as {
        manifest: Manifest;
        outcomes: PersonOutcome[];
      };
      await db.kysely.transaction().execute((trx) =>
        appendAudit(trx, {
          actor: p,
          action: "manifest.read",
          objectType: "manifest",
          objectId: id,
          purpose,
          outcome: "success",
        }),
      );
      const results = outcomes.map((o) => viewOutcome(p, o));
      return {
        id,
        screeningId: row.screening_id,
        createdAt: row.created_at,
        manifest: view(p, manifest),
        results: sortReferFirst(results),
      };
    },
  };
}

/** Presumption of innocence: the booth sees refer or clear and the reference, nothing more. */
function viewOutcome(p: Principal, o: PersonOutcome): PersonOutcome {
  return can(p, "screening:read_details")
    ? o
    : { index: o.index, decision: o.decision, reference: o.reference };
}

/** Refers on top: the second line works down the list from there. */
function sortReferFirst<T extends { decision: string; index: number }>(xs: T[]): T[] {
  return [...xs].sort((a, b) =>
    a.decision === b.decision ? a.index - b.index : a.decision === "refer" ? -1 : 1,
  );
}

/** The manifest as the caller may see it: the booth sees the conveyance and names, as on the list it holds. */
function view(_p: Principal, m: Manifest) {
  return {
    kind: m.kind,
    carrier: m.carrier,
    number: m.number,
    legs: m.legs,
    listType: m.listType,
    declaredCount: m.declaredCount,
    warnings: m.warnings,
    persons: m.persons.map((t, index) => ({
      index,
      surname: t.surname,
      givenNames: t.givenNames,
      role: t.role,
    })),
  };
}

export type CrossingService = ReturnType<typeof createCrossingService>;
