// Watchlist versions in the database: each import is one transaction (version row, all its entities and
// the audit entry), and entity ids stay stable across versions so the diff is meaningful.
import { sql } from "kysely";
import type { Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import { type Db, isUniqueViolation } from "../db/index.js";
import { ConflictError, InvalidError, NotFoundError } from "../shared/errors.js";
import { diffEntities } from "./diff.js";
import type { Entity, ImportCounts, ImportResult } from "./model.js";

/** Rows per insert statement: SQLite allows 32,766 bound variables, and an entity row binds 7. */
const CHUNK = 500;

export interface WatchlistVersionView {
  list: string;
  version: number;
  status: string;
  importedAt: string;
  file: string | null;
  counts: ImportCounts;
  diff: { added: number; removed: number; changed: number; unchanged: number } | null;
}

export interface WatchlistView {
  id: string;
  name: string;
  format: string;
  latest?: WatchlistVersionView;
  versions: number;
}

/** The newest version that finished importing: what screening and searches read. */
async function latestVersion(db: Db, list: string): Promise<number | undefined> {
  const row = await db.kysely
    .selectFrom("watchlist_versions")
    .select((eb) => eb.fn.max("version").as("v"))
    .where("list_id", "=", list)
    .where("status", "=", "ready")
    .executeTakeFirst();
  return row?.v == null ? undefined : Number(row.v);
}

/** Version numbers are never reused, so one that failed keeps its number. */
async function nextVersion(db: Db, list: string): Promise<number> {
  const row = await db.kysely
    .selectFrom("watchlist_versions")
    .select((eb) => eb.fn.max("version").as("v"))
    .where("list_id", "=", list)
    .executeTakeFirst();
  return row?.v == null ? 1 : Number(row.v) + 1;
}

async function entitiesOf(db: Db, list: string, version: number): Promise<Entity[]> {
  const rows = await db.kysely
    .selectFrom("watchlist_entities")
    .select("data")
    .where("list_id", "=", list)
    .where("version", "=", version)
    .orderBy("entity_id")
    .execute();
  return rows.map((r) => JSON.parse(r.data) as Entity);
}

export interface SaveMeta {
  actor: Principal | "system";
  /** The uploaded file's name, kept with the version. */
  file?: string;
  /** Display name of a list saved for the first time; the list id otherwise. */
  name?: string;
  now?: Date;
  /** Entities written so far and in all, called after each batch. */
  onProgress?: (saved: number, total: number) => void;
}

/**
 * Saves an import as the list's next version in one transaction: the version row with its counts and
 * its diff against the latest ready version, all entities, and the audit entry. Two imports of one list
 * racing for the same version number: the second gets a ConflictError and nothing of it is saved.
 */
export async function saveWatchlistVersion(
  db: Db,
  result: ImportResult,
  meta: SaveMeta,
): Promise<WatchlistVersionView> {
  const list = result.list;
  const ids = new Set<string>();
  for (const e of result.entities) {
    if (ids.has(e.id)) throw new InvalidError(`entity id ${e.id} occurs twice in this version of ${list}`);
    ids.add(e.id);
  }
  const prevVersion = await latestVersion(db, list);
  const prev = prevVersion === undefined ? undefined : await entitiesOf(db, list, prevVersion);
  const diff = prev ? diffEntities(prev, result.entities) : undefined;
  const version = await nextVersion(db, list);
  const at = (meta.now ?? new Date()).toISOString();
  const diffCounts = diff
    ? {
        added: diff.added.length,
        removed: diff.removed.length,
        changed: diff.changed.length,
        unchanged: diff.unchanged,
      }
    : null;
  const saving = db.kysely.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom("watchlists").select("id").where("id", "=", list).executeTakeFirst();
    if (!exists) {
      await trx
        .insertInto("watchlists")
        .values({ id: list, name: meta.name ?? list, format: result.format, created_at: at })
        .execute();
    }
    await trx
      .insertInto("watchlist_versions")
      .values({
        list_id: list,
        version,
        status: "ready",
        file: meta.file ?? null,
        imported_at: at,
        counts: JSON.stringify(result.counts),
        diff: diff ? JSON.stringify(diff) : null,
        error: null,
      })
      .execute();
    for (let i = 0; i < result.entities.length; i += CHUNK) {
      await trx
        .insertInto("watchlist_entities")
        .values(
          result.entities.slice(i, i + CHUNK).map((e) => ({
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
      meta.onProgress?.(Math.min(i + CHUNK, result.entities.length), result.entities.length);
    }
    await appendAudit(
      trx,
      {
        actor: meta.actor === "system" ? { username: "system" } : meta.actor,
        action: "watchlist.import",
        objectType: "watchlist",
        objectId: `${list}@${version}`,
        outcome: "success",
        details: {
          format: result.format,
          entities: result.entities.length,
          ...(diffCounts ? { diff: diffCounts } : {}),
        },
      },
      meta.now,
    );
  });
  await saving.catch((err: unknown) => {
    throw isUniqueViolation(err)
      ? new ConflictError(`another import saved version ${version} of ${list} meanwhile; import again`)
      : err;
  });
  return {
    list,
    version,
    status: "ready",
    importedAt: at,
    file: meta.file ?? null,
    counts: result.counts,
    diff: diffCounts,
  };
}

/** The entities of every list's latest ready version: what the screening index is built from. */
export async function loadLatestEntities(db: Db): Promise<Entity[]> {
  const lists = await db.kysely.selectFrom("watchlists").select("id").orderBy("created_at").execute();
  const out: Entity[] = [];
  for (const { id } of lists) {
    const v = await latestVersion(db, id);
    if (v !== undefined) out.push(...(await entitiesOf(db, id, v)));
  }
  return out;
}

function versionView(r: {
  list_id: string;
  version: number;
  status: string;
  imported_at: string;
  file: string | null;
  counts: string;
  diff: string | null;
}): WatchlistVersionView {
  const diff = r.diff
    ? (JSON.parse(r.diff) as { added: string[]; removed: string[]; changed: unknown[]; unchanged: number })
    : null;
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
  if (!l) throw new NotFoundError(`watchlist ${id} not found`);
  const versions = await db.kysely
    .selectFrom("watchlist_versions")
    .selectAll()
    .where("list_id", "=", id)
    .orderBy("version", "desc")
    .execute();
  const view: WatchlistView = { id: l.id, name: l.name, format: l.format, versions: versions.length };
  if (versions[0]) view.latest = versionView(versions[0]);
  return view;
}

/** Entities of a list's latest version whose name contains `q` (case-insensitive), for reviewers. */
export async function searchEntities(db: Db, list: string, q: string, limit = 50): Promise<Entity[]> {
  const v = await latestVersion(db, list);
  if (v === undefined) throw new NotFoundError(`watchlist ${list} not found`);
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
  const rows = await db.kysely
    .selectFrom("watchlist_entities")
    .select(["entity_id", "data"])
    .where("entity_id", "in", [...new Set(ids)])
    .orderBy("version", "desc")
    .execute();
  for (const r of rows) if (!out.has(r.entity_id)) out.set(r.entity_id, JSON.parse(r.data) as Entity);
  return out;
}
