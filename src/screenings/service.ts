// Screening as a use case: screen against the live index, persist the request and its results, and audit
// it, all in one transaction. The index is swapped whole when a new list version is loaded, so running
// queries finish on the index they started with.
import { randomUUID } from "node:crypto";
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import { recordingPoint } from "../crossing-points/index.js";
import type { Db } from "../db/index.js";
import type { Match, Screener, ScreeningQuery } from "../screening/index.js";
import { ForbiddenError, InvalidError, NotFoundError } from "../shared/errors.js";

export const MAX_BATCH = 1000;

export interface ScreeningRequest {
  persons: ScreeningQuery[];
  purpose: string;
  crossingPointId?: string;
}

/** What a first-line officer sees: the outcome and a reference, never the list, entity or score. */
export interface FirstLineResult {
  index: number;
  decision: "refer" | "clear";
  reference: string;
}

export interface DetailedResult {
  index: number;
  decision: "refer" | "clear";
  reference: string;
  matches: Match[];
}

export interface ScreeningRecord {
  id: string;
  createdAt: string;
  crossingPointId?: string;
  results: (FirstLineResult | DetailedResult)[];
}

function reference(id: string, index: number): string {
  return `${id.slice(0, 8).toUpperCase()}-${index + 1}`;
}

function view(
  p: Principal,
  id: string,
  index: number,
  decision: "refer" | "clear",
  matches: Match[],
): FirstLineResult | DetailedResult {
  const base = { index, decision, reference: reference(id, index) };
  // Presumption of innocence: list details only for roles that review them.
  return can(p, "screening:read_details") ? { ...base, matches } : base;
}

export function createScreeningService(db: Db, initial: Screener, opts: { now?: () => Date } = {}) {
  let screener = initial;
  const now = opts.now ?? (() => new Date());
  return {
    get screener(): Screener {
      return screener;
    },
    /** Swaps in a new index; queries already running keep the old one. */
    swap(next: Screener): void {
      screener = next;
    },

    async screen(p: Principal, req: ScreeningRequest): Promise<ScreeningRecord> {
      if (!can(p, "screen")) throw new ForbiddenError("this role cannot screen");
      const crossingPointId = await recordingPoint(db.kysely, p, req.crossingPointId);
      return (await this.screenWithMatches(p, { ...req, ...(crossingPointId ? { crossingPointId } : {}) }))
        .record;
    },

    /** As `screen`, plus every person's matches whatever the caller may see: for use cases built on it. */
    async screenWithMatches(
      p: Principal,
      req: ScreeningRequest,
    ): Promise<{ record: ScreeningRecord; matches: Match[][] }> {
      if (!can(p, "screen")) throw new ForbiddenError("this role cannot screen");
      if (req.persons.length === 0 || req.persons.length > MAX_BATCH)
        throw new InvalidError(`between 1 and ${MAX_BATCH} persons per request`);
      if (req.purpose.trim().length < 3)
        throw new InvalidError("purpose: required for processing personal data");
      const nameless = req.persons.findIndex((q) => !q.name && !q.firstName && !q.lastName);
      if (nameless >= 0) throw new InvalidError(`person ${nameless + 1} has no name`, { index: nameless });
      const index = screener;
      const results = index.screenBatch(req.persons);
      const id = randomUUID();
      const createdAt = now().toISOString();
      const crossingPointId = req.crossingPointId ?? p.crossingPointId;
      await db.kysely.transaction().execute(async (trx) => {
        await trx
          .insertInto("screening_requests")
          .values({
            id,
            agency: p.agency,
            user_id: p.userId,
            crossing_point_id: crossingPointId ?? null,
            purpose: req.purpose,
            created_at: createdAt,
            input: JSON.stringify(req.persons),
          })
          .execute();
        await trx
          .insertInto("screening_results")
          .values(
            results.map((r, i) => ({
              request_id: id,
              person_index: i,
              decision: r.matches.some((m) => m.decision === "refer")
                ? ("refer" as const)
                : ("clear" as const),
              matches: JSON.stringify(r.matches),
            })),
          )
          .execute();
        await appendAudit(
          trx,
          {
            actor: p,
            action: "screening.create",
            objectType: "screening",
            objectId: id,
            purpose: req.purpose,
            outcome: "success",
            details: {
              persons: req.persons.length,
              refers: results.filter((r) => r.matches.some((m) => m.decision === "refer")).length,
            },
          },
          now(),
        );
      });
      const record: ScreeningRecord = {
        id,
        createdAt,
        results: results.map((r, i) =>
          view(p, id, i, r.matches.some((m) => m.decision === "refer") ? "refer" : "clear", r.matches),
        ),
      };
      if (crossingPointId) record.crossingPointId = crossingPointId;
      return { record, matches: results.map((r) => r.matches) };
    },

    /** Agency scoping is in the query: another agency's screening does not exist for this caller. */
    async get(p: Principal, id: string, purpose: string): Promise<ScreeningRecord> {
      if (!can(p, "screening:read") && !can(p, "screen"))
        throw new ForbiddenError("this role cannot read screenings");
      const req = await db.kysely
        .selectFrom("screening_requests")
        .selectAll()
        .where("id", "=", id)
        .where("agency", "=", p.agency)
        .executeTakeFirst();
      // A first-line officer (no access to list details) reads back only their own screenings.
      if (!req || (!can(p, "screening:read_details") && req.user_id !== p.userId)) {
        throw new NotFoundError(`screening ${id} not found`);
      }
      const rows = await db.kysely
        .selectFrom("screening_results")
        .selectAll()
        .where("request_id", "=", id)
        .orderBy("person_index")
        .execute();
      await db.kysely.transaction().execute((trx) =>
        appendAudit(
          trx,
          {
            actor: p,
            action: "screening.read",
            objectType: "screening",
            objectId: id,
            purpose,
            outcome: "success",
          },
          now(),
        ),
      );
      const record: ScreeningRecord = {
        id,
        createdAt: req.created_at,
        results: rows.map((r) => view(p, id, r.person_index, r.decision, JSON.parse(r.matches) as Match[])),
      };
      if (req.crossing_point_id) record.crossingPointId = req.crossing_point_id;
      return record;
    },
  };
}

export type ScreeningService = ReturnType<typeof createScreeningService>;
