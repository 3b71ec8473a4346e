// Crossings and manifests as use cases: read the traveller data (MRZ, manual entry, PAXLST, FAL), screen
// every person against the watchlists and the stolen/lost documents, and record the result. A hit on the
// document list refers the traveller whatever the name says.
import { randomUUID } from "node:crypto";
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import type { ScreeningService } from "../screenings/index.js";
import { ForbiddenError, InvalidError, NotFoundError } from "../shared/errors.js";
import {
  type Manifest,
  type ManualEntry,
  parseManifestFile,
  parseManualEntry,
  parseMrz,
  type SltdIndex,
  type SltdRecord,
  type Traveller,
  toScreeningQuery,
} from "../travel/index.js";

export interface DocumentHit {
  number: string;
  issuingCountry: string;
  status: SltdRecord["status"];
  /** What the document list asks the officer to do. */
  action: "seize the document and refer to second line";
}

export interface PersonOutcome {
  index: number;
  decision: "refer" | "clear";
  reference: string;
  /** Present for roles that see list details. */
  matches?: unknown[];
  documentHits?: DocumentHit[];
}

export interface CrossingInput {
  /** A raw MRZ read at the booth, or a manual entry (person, document, vehicle, direction). */
  mrz?: string;
  entry?: unknown;
  direction?: "entry" | "exit";
  crossingPointId?: string;
  purpose: string;
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

export function createCrossingService(db: Db, screenings: ScreeningService, sltd: () => SltdIndex) {
  /** Screens the travellers, then adds document-list hits: a stolen passport refers on its own. */
  async function screenTravellers(
    p: Principal,
    travellers: Traveller[],
    purpose: string,
    crossingPointId?: string,
  ) {
    const record = await screenings.screen(p, {
      persons: travellers.map(toScreeningQuery),
      purpose,
      ...(crossingPointId ? { crossingPointId } : {}),
    });
    const index = sltd();
    const outcomes: PersonOutcome[] = record.results.map((r, i) => {
      const hits = documentHits(index, travellers[i]!);
      const outcome: PersonOutcome = { ...r, decision: hits.length > 0 ? "refer" : r.decision };
      // Document hits are shown like list details: only to roles that review them.
      if (hits.length > 0 && can(p, "screening:read_details")) outcome.documentHits = hits;
      return outcome;
    });
    return { screeningId: record.id, outcomes };
  }

  return {
    async recordCrossing(p: Principal, input: CrossingInput) {
      if (!can(p, "screen")) throw new ForbiddenError("this role cannot record crossings");
      let entry: ManualEntry;
      const warnings: string[] = [];
      if (input.mrz) {
        const mrz = parseMrz(input.mrz);
        if (!mrz.valid)
          throw new InvalidError(`MRZ check digits failed: ${mrz.failedChecks.join(", ")}`, { mrz });
        warnings.push(
          ...mrz.warnings,
          ...mrz.corrections.map((c) => `MRZ corrected: ${c.reason} (line ${c.line}, column ${c.column})`),
        );
        const doc = mrz.traveller.documents[0];
        entry = {
          person: mrz.traveller,
          ...(doc ? { document: doc } : {}),
          direction: input.direction ?? "entry",
          crossingPointId: input.crossingPointId ?? p.crossingPointId ?? "",
        };
      } else if (input.entry !== undefined) {
        entry = parseManualEntry(input.entry);
      } else {
        throw new InvalidError("give either mrz or entry");
      }
      const traveller: Traveller = entry.document
        ? {
            ...entry.person,
            documents: [
              entry.document,
              ...entry.person.documents.filter((d) => d.number !== entry.document!.number),
            ],
          }
        : entry.person;
      const cp = entry.crossingPointId || undefined;
      const { screeningId, outcomes } = await screenTravellers(p, [traveller], input.purpose, cp);
      const outcome = outcomes[0]!;
      const id = randomUUID();
      await db.kysely.transaction().execute(async (trx) => {
        await trx
          .insertInto("crossings")
          .values({
            id,
            agency: p.agency,
            user_id: p.userId,
            screening_id: screeningId,
            crossing_point_id: cp ?? null,
            direction: entry.direction,
            decision: outcome.decision,
            data: JSON.stringify({ traveller, vehiclePlate: entry.vehiclePlate ?? null, warnings }),
            created_at: new Date().toISOString(),
          })
          .execute();
        await appendAudit(trx, {
          actor: p,
          action: "crossing.create",
          objectType: "crossing",
          objectId: id,
          purpose: input.purpose,
          outcome: "success",
          details: { decision: outcome.decision, documentHit: (outcome.documentHits?.length ?? 0) > 0 },
        });
      });
      return { id, screeningId, direction: entry.direction, warnings, result: outcome };
    },

    async screenManifest(p: Principal, text: string, purpose: string) {
      if (!can(p, "screen")) throw new ForbiddenError("this role cannot screen manifests");
      const manifest: Manifest = parseManifestFile(text);
      if (manifest.persons.length === 0) throw new InvalidError("the manifest lists no persons");
      const { screeningId, outcomes } = await screenTravellers(p, manifest.persons, purpose);
      const id = randomUUID();
      const summary = {
        persons: outcomes.length,
        refer: outcomes.filter((o) => o.decision === "refer").length,
      };
      await db.kysely.transaction().execute(async (trx) => {
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
            created_at: new Date().toISOString(),
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
      });
      return { id, screeningId, manifest: view(p, manifest), summary, results: sortReferFirst(outcomes) };
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
      if (!row) throw new NotFoundError(`manifest ${id} not found`);
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
      const results = can(p, "screening:read_details")
        ? outcomes
        : outcomes.map(({ index, decision, reference }) => ({ index, decision, reference }));
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
