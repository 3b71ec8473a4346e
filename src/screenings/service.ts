// Screening as a use case: screen against the live index, persist the request and its results, and audit
// it, all in one transaction (src/screenings/record.ts). The index is swapped whole when a new list version is loaded, so running
// queries finish on the index they started with.
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import { recordingPoint } from "../crossing-points/index.js";
import type { Db } from "../db/index.js";
import type { Match, Screener } from "../screening/index.js";
import { ForbiddenError, NotFoundError } from "../shared/errors.js";
import {
  type PreparedScreening,
  prepareScreening,
  recordScreening,
  type ScreeningRequest,
} from "./record.js";

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
      if (!can(p, "screen"))
        throw new ForbiddenError("this role cannot screen", undefined, "permission_denied", {
          permission: "screen",
        });
      const crossingPointId = await recordingPoint(db.kysely, p, req.crossingPointId);
      return (await this.screenWithMatches(p, { ...req, ...(crossingPointId ? { crossingPointId } : {}) }))
        .record;
    },

    /** As `screen`, plus every person's matches whatever the caller may see: for use cases built on it. */
    async screenWithMatches(
      p: Principal,
      req: ScreeningRequest,
    ): Promise<{ record: ScreeningRecord; matches: Match[][] }> {
      const prepared = this.prepare(p, req);
      await db.kysely.transaction().execute((trx) => recordScreening(trx, p, prepared, now()));
      return { record: this.recordOf(p, prepared), matches: prepared.matches };
    },

    /** Validates and screens on the live index; nothing is stored until `recordScreening`. */
    prepare(p: Principal, req: ScreeningRequest): PreparedScreening {
      return prepareScreening(screener, p, req, now());
    },

    /** The stored screening as the caller may see it. */
    recordOf(p: Principal, s: PreparedScreening): ScreeningRecord {
      const record: ScreeningRecord = {
        id: s.id,
        createdAt: s.createdAt,
        results: s.matches.map((ms, i) => view(p, s.id, i, s.decisions[i]!, ms)),
      };
      if (s.crossingPointId) record.crossingPointId = s.crossingPointId;
      return record;
    },

    /** Agency scoping is in the query: another agency's screening does not exist for this caller. */
    async get(p: Principal, id: string, purpose: string): Promise<ScreeningRecord> {
      if (!can(p, "screening:read") && !can(p, "screen"))
        throw new ForbiddenError("this role cannot read screenings", undefined, "permission_denied", {
          permission: "screening:read",
        });
      const req = await db.kysely
        .selectFrom("screening_requests")
        .selectAll()
        .where("id", "=", id)
        .where("agency", "=", p.agency)
        .executeTakeFirst();
      // A first-line officer (no access to list details) reads back only their own screenings.
      if (!req || (!can(p, "screening:read_details") && req.user_id !== p.userId)) {
        throw new NotFoundError(`screening ${id} not found`, undefined, "screening_not_found", { id });
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
