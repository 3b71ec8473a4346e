// Crossings and manifests as use cases: read the traveller data (MRZ, manual entry, PAXLST, FAL), screen
// every person against the watchlists, the stolen/lost documents and the risk rules, record the result and
// open an alert for each refer. A hit on the document list refers the traveller whatever the name says.
// Each crossing and each manifest is written in one transaction (record-crossing.ts, screen-manifest.ts).

import type { Transaction } from "kysely";
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Database, Db, GroupCommit } from "../db/index.js";
import type { ScreeningService } from "../screenings/index.js";
import { ForbiddenError, NotFoundError } from "../shared/errors.js";
import type { Manifest, SltdIndex } from "../travel/index.js";
import type { CrossingInput } from "./input.js";
import {
  type CrossingHook,
  type PreparedCrossing,
  prepareCrossing,
  recordCrossing,
  type Write,
  writeCrossing,
} from "./record-crossing.js";
import type { PersonOutcome, RuleRunner } from "./screen.js";
import { screenManifest } from "./screen-manifest.js";
import { findManifest } from "./store.js";

export function createCrossingService(
  db: Db,
  screenings: ScreeningService,
  sltd: () => SltdIndex,
  opts: { rules: RuleRunner; now?: () => Date; groupCommit?: GroupCommit; hook?: CrossingHook },
) {
  const { groupCommit } = opts;
  // A group commit's shared transaction (one savepoint per crossing), or a transaction of its own.
  const write: Write = groupCommit
    ? (work) => groupCommit.run(work)
    : (work) => db.kysely.transaction().execute(work);
  const deps = {
    db,
    screenings,
    sltd,
    write,
    now: opts.now ?? (() => new Date()),
    rules: opts.rules,
    ...(opts.hook ? { hook: opts.hook } : {}),
  };

  return {
    async recordCrossing(p: Principal, input: CrossingInput) {
      const { outcome, ...crossing } = await recordCrossing(deps, p, input);
      return { ...crossing, result: viewOutcome(p, outcome) };
    },

    /** Screens a crossing without writing it; `writeCrossing` writes it in the caller's transaction. */
    prepareCrossing: (p: Principal, input: CrossingInput) => prepareCrossing(deps, p, input),

    async writeCrossing(trx: Transaction<Database>, p: Principal, prepared: PreparedCrossing, at: Date) {
      const { outcome, ...crossing } = await writeCrossing(trx, p, prepared, at, opts.hook);
      return { ...crossing, result: viewOutcome(p, outcome) };
    },

    /**
     * `file` as received: raw bytes are decoded by the character set the file declares. A dry run answers
     * the same and saves nothing (screen-manifest.ts).
     */
    async screenManifest(
      p: Principal,
      file: string | Uint8Array,
      purpose: string,
      crossingPointId?: string,
      opts: { dryRun?: boolean } = {},
    ) {
      return manifestReply(p, await screenManifest(deps, p, file, purpose, crossingPointId, opts));
    },

    getManifest: (p: Principal, id: string, purpose: string) => readManifest(db, p, id, purpose),
  };
}

/** One manifest read back, audited with its purpose. */
async function readManifest(db: Db, p: Principal, id: string, purpose: string) {
  if (!can(p, "screen") && !can(p, "screening:read"))
    throw new ForbiddenError("this role cannot read manifests", undefined, "permission_denied", {
      permission: "screen",
    });
  const row = await findManifest(db.kysely, p.agency, id);
  // The booth reads back only the manifests it submitted; the second line reads the agency's.
  if (!row || (!can(p, "screening:read") && row.user_id !== p.userId)) {
    throw new NotFoundError(`manifest ${id} not found`, undefined, "manifest_not_found", { id });
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
}

/** Presumption of innocence: the booth sees refer or clear and the reference, nothing more. */
function viewOutcome(p: Principal, o: PersonOutcome): PersonOutcome {
  return can(p, "screening:read_details")
    ? o
    : { index: o.index, decision: o.decision, reference: o.reference };
}

/** A screened manifest as the caller may see it, refers first. */
function manifestReply(
  p: Principal,
  r: { id: string; screeningId: string; manifest: Manifest; outcomes: PersonOutcome[] },
) {
  return {
    id: r.id,
    screeningId: r.screeningId,
    manifest: view(p, r.manifest),
    summary: {
      persons: r.outcomes.length,
      refer: r.outcomes.filter((o) => o.decision === "refer").length,
    },
    results: sortReferFirst(r.outcomes.map((o) => viewOutcome(p, o))),
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
