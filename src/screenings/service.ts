// Screening as a use case: screen against the live index, persist the request and its results, and audit
// it, all in one transaction (src/screenings/record.ts). The index is swapped whole when a new list version is loaded, so running
// queries finish on the index they started with.
import type { Transaction } from "kysely";
import { can, type Principal } from "../access/index.js";
import { recordingPoint } from "../crossing-points/index.js";
import type { Database, Db, GroupCommit } from "../db/index.js";
import type { Match, Screener } from "../screening/index.js";
import { ForbiddenError } from "../shared/errors.js";
import { readScreening } from "./read.js";
import {
  type PreparedScreening,
  prepareScreening,
  recordScreening,
  type ScreeningRequest,
} from "./record.js";
import { type ScreeningRecord, view } from "./view.js";

export type { DetailedResult, FirstLineResult, ScreeningRecord } from "./view.js";

export function createScreeningService(
  db: Db,
  initial: Screener,
  opts: { now?: () => Date; groupCommit?: GroupCommit } = {},
) {
  let screener = initial;
  const now = opts.now ?? (() => new Date());
  const { groupCommit } = opts;
  return {
    get screener(): Screener {
      return screener;
    },
    /** Swaps in a new index; queries already running keep the old one. */
    swap(next: Screener): void {
      screener = next;
    },

    /** With `dryRun`, the same checks and results, and nothing stored or audited (`limes screen --dry-run`). */
    async screen(
      p: Principal,
      req: ScreeningRequest,
      opts: { dryRun?: boolean } = {},
    ): Promise<ScreeningRecord> {
      if (!can(p, "screen"))
        throw new ForbiddenError("this role cannot screen", undefined, "permission_denied", {
          permission: "screen",
        });
      const crossingPointId = await recordingPoint(db.kysely, p, req.crossingPointId);
      const at = { ...req, ...(crossingPointId ? { crossingPointId } : {}) };
      if (opts.dryRun) return this.recordOf(p, this.prepare(p, at));
      return (await this.screenWithMatches(p, at)).record;
    },

    /** As `screen`, plus every person's matches whatever the caller may see: for use cases built on it. */
    async screenWithMatches(
      p: Principal,
      req: ScreeningRequest,
    ): Promise<{ record: ScreeningRecord; matches: Match[][] }> {
      const prepared = this.prepare(p, req);
      // In a group commit when there is one: answered only after the commit, alone if it fails.
      const write = (trx: Transaction<Database>) => recordScreening(trx, p, prepared, now());
      await (groupCommit ? groupCommit.run(write) : db.kysely.transaction().execute(write));
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
    get(p: Principal, id: string, purpose: string): Promise<ScreeningRecord> {
      return readScreening(db, p, id, purpose, now());
    },
  };
}

export type ScreeningService = ReturnType<typeof createScreeningService>;
