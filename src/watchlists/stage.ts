// Saving an uploaded list version: it is compared with the live version and goes live at once only
// within the safety limits; past one it is saved as `staged` with a proposal for a second watchlist
// manager to approve, in the same transaction, and screening keeps the live version meanwhile.
import type { Transaction } from "kysely";
import type { Principal } from "../access/index.js";
import { type Approval, proposeApproval, withdrawApprovals } from "../approvals/index.js";
import { appendAudit } from "../audit/index.js";
import { type Database, type Db, isUniqueViolation } from "../db/index.js";
import { ConflictError, InvalidError } from "../shared/errors.js";
import { diffEntities, type EntityDiff } from "./diff.js";
import type { ImportCounts, ImportResult } from "./model.js";
import {
  ACTIVATE_KIND,
  ensureWatchlist,
  entitiesOf,
  insertEntities,
  insertVersion,
  liveVersionFacts,
  moveVersions,
  nextVersion,
  type WatchlistVersionView,
} from "./repository.js";
import { type Breach, checkSafety, DEFAULT_LIST_LIMITS, type ListLimits } from "./safety.js";

export interface SaveMeta {
  /** "system" only seeds an empty database: it can propose nothing, so a version past a limit is refused. */
  actor: Principal | "system";
  /** The uploaded file's name, kept with the version. */
  file?: string;
  /** Display name of a list saved for the first time; the list id otherwise. */
  name?: string;
  /** Why the uploader sends a version past a limit; the breaches are the reason otherwise. */
  reason?: string;
  limits?: ListLimits;
  now?: Date;
  /** Entities written so far and in all, called after each batch. */
  onProgress?: (saved: number, total: number) => void;
}

export interface SavedListVersion extends WatchlistVersionView {
  /** The approval a staged version waits for. */
  approval?: Approval;
}

interface Plan {
  version: number;
  live?: { version: number; sourceDate: string | null };
  diff?: EntityDiff;
  breaches: Breach[];
}

async function plan(db: Db, result: ImportResult, limits: ListLimits): Promise<Plan> {
  const ids = new Set<string>();
  for (const e of result.entities) {
    if (ids.has(e.id))
      throw new InvalidError(
        `entity id ${e.id} occurs twice in this version of ${result.list}`,
        undefined,
        "duplicate_entity",
        {
          id: e.id,
          list: result.list,
        },
      );
    ids.add(e.id);
  }
  const liveRow = await liveVersionFacts(db.kysely, result.list);
  const version = await nextVersion(db.kysely, result.list);
  if (!liveRow) return { version, breaches: [] };
  const live = { version: Number(liveRow.version), sourceDate: liveRow.source_date };
  const diff = diffEntities(await entitiesOf(db.kysely, result.list, live.version), result.entities);
  const breaches = checkSafety(
    { counts: JSON.parse(liveRow.counts) as ImportCounts, sourceDate: live.sourceDate ?? undefined },
    { counts: result.counts, sourceDate: result.meta.dateGenerated },
    diff.removed.length,
    limits,
  );
  return { version, live, diff, breaches };
}

/** An older staged version of the list will never go live once a newer upload exists. */
async function supersedeStaged(trx: Transaction<Database>, list: string, meta: SaveMeta, now: Date) {
  await moveVersions(trx, list, "staged", "superseded");
  await withdrawApprovals(
    trx,
    meta.actor,
    { kind: ACTIVATE_KIND, subjectPrefix: `${list}@` },
    "a newer version was uploaded",
    now,
  );
}

/** The version's audit entry and, for a staged one, the approval it waits for. */
async function recordSave(
  trx: Transaction<Database>,
  result: ImportResult,
  p: Plan,
  meta: SaveMeta,
  now: Date,
): Promise<Approval | undefined> {
  const { list } = result;
  const staged = p.breaches.length > 0;
  await appendAudit(
    trx,
    {
      actor: meta.actor === "system" ? { username: "system" } : meta.actor,
      action: staged ? "watchlist.stage" : "watchlist.import",
      objectType: "watchlist",
      objectId: `${list}@${p.version}`,
      outcome: "success",
      details: {
        format: result.format,
        entities: result.entities.length,
        ...(p.diff ? { diff: diffCounts(p.diff) } : {}),
        ...(staged ? { breaches: p.breaches.map((b) => b.code) } : {}),
      },
    },
    now,
  );
  if (!staged || meta.actor === "system") return undefined;
  return proposeApproval(
    trx,
    meta.actor,
    {
      kind: ACTIVATE_KIND,
      subject: `${list}@${p.version}`,
      payload: { list, version: p.version, baseVersion: p.live?.version ?? null },
      reason:
        meta.reason?.trim() ||
        `version ${p.version} of ${list} ${p.breaches.map((b) => b.message).join("; ")}`,
      requiredPermission: "watchlists:manage",
    },
    now,
  );
}

/**
 * Saves an import as the list's next version in one transaction: the version row with its diff against
 * the live version and the limits it broke, its entities, the audit entry and, past a limit, the
 * approval it waits for. Two imports racing for one version number: the second gets a ConflictError.
 */
export async function saveWatchlistVersion(
  db: Db,
  result: ImportResult,
  meta: SaveMeta,
): Promise<SavedListVersion> {
  const p = await plan(db, result, meta.limits ?? DEFAULT_LIST_LIMITS);
  const { list } = result;
  const staged = p.breaches.length > 0;
  if (staged && meta.actor === "system")
    throw new ConflictError(
      `this version of ${list} breaks its safety limits (${p.breaches.map((b) => b.code).join(", ")}) and ` +
        "needs a second watchlist manager's approval: import it as a manager to stage it",
      { breaches: p.breaches },
      "watchlist_needs_approval",
      { list, breaches: p.breaches.map((b) => b.code).join(", ") },
    );
  const now = meta.now ?? new Date();
  const at = now.toISOString();
  const sourceDate = result.meta.dateGenerated ?? null;
  const saving = db.kysely.transaction().execute(async (trx) => {
    await ensureWatchlist(trx, { id: list, name: meta.name ?? list, format: result.format, created_at: at });
    await supersedeStaged(trx, list, meta, now);
    await insertVersion(trx, {
      list_id: list,
      version: p.version,
      status: staged ? "staged" : "ready",
      file: meta.file ?? null,
      imported_at: at,
      counts: JSON.stringify(result.counts),
      diff: p.diff ? JSON.stringify(p.diff) : null,
      error: null,
      base_version: p.live?.version ?? null,
      source_date: sourceDate,
      checks: JSON.stringify(p.breaches),
    });
    await insertEntities(trx, result.list, p.version, result.entities, (done) =>
      meta.onProgress?.(done, result.entities.length),
    );
    return recordSave(trx, result, p, meta, now);
  });
  const approval = await saving.catch((err: unknown) => {
    throw isUniqueViolation(err)
      ? new ConflictError(
          `another import saved version ${p.version} of ${list} meanwhile; import again`,
          undefined,
          "watchlist_version_raced",
          { list, version: p.version },
        )
      : err;
  });
  return {
    list,
    version: p.version,
    status: staged ? "staged" : "ready",
    importedAt: at,
    file: meta.file ?? null,
    counts: result.counts,
    diff: p.diff ? diffCounts(p.diff) : null,
    baseVersion: p.live?.version ?? null,
    sourceDate,
    breaches: p.breaches,
    ...(approval ? { approval } : {}),
  };
}

function diffCounts(d: EntityDiff) {
  return {
    added: d.added.length,
    removed: d.removed.length,
    changed: d.changed.length,
    unchanged: d.unchanged,
  };
}
