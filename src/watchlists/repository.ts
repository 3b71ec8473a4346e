// Watchlist versions in the database: each import is one transaction (version row, all its entities and
// the audit entry), and entity ids stay stable across versions so the diff is meaningful.
import { type Insertable, type Kysely, sql, type Transaction } from "kysely";
import { type Approval, approvalsOf } from "../approvals/index.js";
import type { Database, Db } from "../db/index.js";
import { NotFoundError } from "../shared/errors.js";
import type { Entity, ImportCounts } from "./model.js";
import type { Breach } from "./safety.js";

export interface WatchlistVersionView {
  list: string;
  version: number;
  status: string;
  importedAt: string;
  file: string | null;
  counts: ImportCounts;
  diff: { added: number; removed: number; changed: number; unchanged: number } | null;
  /** The live version this one was compared with, and the feed's own date where it has one. */
  baseVersion: number | null;
  sourceDate: string | null;
  /** The safety limits it broke: empty when it went live at once. */
  breaches: Breach[];
}

/** A version waiting for approval: its diff with the first entities it would remove, and the approval. */
export interface StagedVersionView extends WatchlistVersionView {
  removedSample: { id: string; name: string }[];
  approval?: Approval;
}

export interface WatchlistView {
  id: string;
  name: string;
  format: string;
  /** The newest version, whatever its status. */
  latest?: WatchlistVersionView;
  /** The version screening uses. */
  live?: WatchlistVersionView;
  /** The newest version waiting for a second manager's approval. */
  staged?: StagedVersionView;
  versions: number;
}

/** The approval kind that makes a staged list version live. */
export const ACTIVATE_KIND = "watchlist.activate";

type Q = Kysely<Database> | Transaction<Database>;

/** The live version: the newest that went live, which is what screening and searches read. */
export async function liveVersion(q: Q, list: string): Promise<number | undefined> {
  const row = await q
    .selectFrom("watchlist_versions")
    .select((eb) => eb.fn.max("version").as("v"))
    .where("list_id", "=", list)
    .where("status", "=", "ready")
    .executeTakeFirst();
  return row?.v == null ? undefined : Number(row.v);
}

/** Version numbers are never reused, so one that failed keeps its number. */
export async function nextVersion(q: Q, list: string): Promise<number> {
  const row = await q
    .selectFrom("watchlist_versions")
    .select((eb) => eb.fn.max("version").as("v"))
    .where("list_id", "=", list)
    .executeTakeFirst();
  return row?.v == null ? 1 : Number(row.v) + 1;
}

export async function entitiesOf(q: Q, list: string, version: number): Promise<Entity[]> {
  const rows = await q
    .selectFrom("watchlist_entities")
    .select("data")
    .where("list_id", "=", list)
    .where("version", "=", version)
    .orderBy("entity_id")
    .execute();
  return rows.map((r) => JSON.parse(r.data) as Entity);
}

/** Rows per insert statement: SQLite allows 32,766 bound variables, and an entity row binds 7. */
const CHUNK = 500;

/** Stores a version's entities, CHUNK rows a statement; `onChunk` hears how many are in after each. */
export async function insertEntities(
  trx: Transaction<Database>,
  list: string,
  version: number,
  entities: readonly Entity[],
  onChunk?: (done: number) => void,
): Promise<void> {
  for (let i = 0; i < entities.length; i += CHUNK) {
    await trx
      .insertInto("watchlist_entities")
      .values(
        entities.slice(i, i + CHUNK).map((e) => ({
          list_id: list,
          version,
          entity_id: e.id,
          source_ref: e.sourceRef,
          schema: e.schema,
          name: e.name,
          data: JSON.stringify(e),
        })),
      )
      .execute();
    onChunk?.(Math.min(i + CHUNK, entities.length));
  }
}

/** The entities of every list's latest ready version: what the screening index is built from. */
export async function loadLatestEntities(db: Db): Promise<Entity[]> {
  const lists = await db.kysely.selectFrom("watchlists").select("id").orderBy("created_at").execute();
  const out: Entity[] = [];
  for (const { id } of lists) {
    const v = await liveVersion(db.kysely, id);
    if (v !== undefined) out.push(...(await entitiesOf(db.kysely, id, v)));
  }
  return out;
}

type VersionRow = Database["watchlist_versions"];

interface StoredDiff {
  added: string[];
  removed: string[];
  changed: unknown[];
  unchanged: number;
}

function versionView(r: VersionRow): WatchlistVersionView {
  const diff = r.diff ? (JSON.parse(r.diff) as StoredDiff) : null;
  return {
    list: r.list_id,
    version: Number(r.version),
    status: r.status,
    importedAt: r.imported_at,
    file: r.file,
    counts: JSON.parse(r.counts) as ImportCounts,
    diff: diff
      ? {
          added: diff.added.length,
          removed: diff.removed.length,
          changed: diff.changed.length,
          unchanged: diff.unchanged,
        }
      : null,
    baseVersion: r.base_version == null ? null : Number(r.base_version),
    sourceDate: r.source_date,
    breaches: r.checks ? (JSON.parse(r.checks) as Breach[]) : [],
  };
}

const SAMPLE = 10;

async function stagedView(db: Db, r: VersionRow): Promise<StagedVersionView> {
  const removed = r.diff ? (JSON.parse(r.diff) as StoredDiff).removed.slice(0, SAMPLE) : [];
  const names =
    removed.length && r.base_version != null
      ? await db.kysely
          .selectFrom("watchlist_entities")
          .select(["entity_id", "name"])
          .where("list_id", "=", r.list_id)
          .where("version", "=", r.base_version)
          .where("entity_id", "in", removed)
          .execute()
      : [];
  const [approval] = (await approvalsOf(db, ACTIVATE_KIND, `${r.list_id}@${r.version}`)).filter(
    (a) => a.subject === `${r.list_id}@${r.version}`,
  );
  return {
    ...versionView(r),
    removedSample: names.map((n) => ({ id: n.entity_id, name: n.name })),
    ...(approval ? { approval } : {}),
  };
}

export async function listWatchlists(db: Db): Promise<WatchlistView[]> {
  const lists = await db.kysely.selectFrom("watchlists").selectAll().orderBy("created_at").execute();
  const out: WatchlistView[] = [];
  for (const l of lists) out.push(await getWatchlist(db, l.id));
  return out;
}

export async function getWatchlist(db: Db, id: string): Promise<WatchlistView> {
  const l = await db.kysely.selectFrom("watchlists").selectAll().where("id", "=", id).executeTakeFirst();
  if (!l) throw new NotFoundError(`watchlist ${id} not found`, undefined, "watchlist_not_found", { id });
  const versions = await db.kysely
    .selectFrom("watchlist_versions")
    .selectAll()
    .where("list_id", "=", id)
    .orderBy("version", "desc")
    .execute();
  const view: WatchlistView = { id: l.id, name: l.name, format: l.format, versions: versions.length };
  if (versions[0]) view.latest = versionView(versions[0]);
  const live = versions.find((v) => v.status === "ready");
  if (live) view.live = versionView(live);
  const staged = versions.find((v) => v.status === "staged");
  if (staged) view.staged = await stagedView(db, staged);
  return view;
}

/** Entities of a list's latest version whose name contains `q` (case-insensitive), for reviewers. */
export async function searchEntities(db: Db, list: string, q: string, limit = 50): Promise<Entity[]> {
  const v = await liveVersion(db.kysely, list);
  if (v === undefined)
    throw new NotFoundError(`watchlist ${list} not found`, undefined, "watchlist_not_found", { id: list });
  const rows = await db.kysely
    .selectFrom("watchlist_entities")
    .select("data")
    .where("list_id", "=", list)
    .where("version", "=", v)
    // LIKE wildcards typed by the user are matched literally.
    .where(sql<boolean>`lower(name) like ${`%${q.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`} escape '\\'`)
    .orderBy("name")
    .limit(Math.min(limit, 200))
    .execute();
  return rows.map((r) => JSON.parse(r.data) as Entity);
}

/** The newest stored record of each of these entities, for a reviewer comparing a match with its entry. */
export async function getEntities(db: Db, ids: readonly string[]): Promise<Map<string, Entity>> {
  const out = new Map<string, Entity>();
  if (ids.length === 0) return out;
  // Versions that went live only: a staged version's records are not the list until approved.
  const rows = await db.kysely
    .selectFrom("watchlist_entities as e")
    .innerJoin("watchlist_versions as v", (j) =>
      j.onRef("v.list_id", "=", "e.list_id").onRef("v.version", "=", "e.version"),
    )
    .select(["e.entity_id", "e.data"])
    .where("e.entity_id", "in", [...new Set(ids)])
    .where("v.status", "=", "ready")
    .orderBy("e.version", "desc")
    .execute();
  for (const r of rows) if (!out.has(r.entity_id)) out.set(r.entity_id, JSON.parse(r.data) as Entity);
  return out;
}

/** The newest ready version's counts and source date: what a new upload is checked against. */
export const liveVersionFacts = (q: Q, list: string) =>
  q
    .selectFrom("watchlist_versions")
    .select(["version", "counts", "source_date"])
    .where("list_id", "=", list)
    .where("status", "=", "ready")
    .orderBy("version", "desc")
    .executeTakeFirst();

/** Moves a list's versions in one status to another; how many moved. */
export async function moveVersions(
  q: Q,
  list: string,
  from: "staged",
  to: "superseded" | "ready" | "rejected",
  version?: number,
): Promise<number> {
  let u = q.updateTable("watchlist_versions").set({ status: to }).where("list_id", "=", list);
  if (version !== undefined) u = u.where("version", "=", version);
  const r = await u.where("status", "=", from).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Creates the list's row unless it exists. */
export async function ensureWatchlist(q: Q, row: Insertable<Database["watchlists"]>): Promise<void> {
  const exists = await q.selectFrom("watchlists").select("id").where("id", "=", row.id).executeTakeFirst();
  if (!exists) await q.insertInto("watchlists").values(row).execute();
}

export const insertVersion = (q: Q, row: Insertable<Database["watchlist_versions"]>) =>
  q.insertInto("watchlist_versions").values(row).execute();
