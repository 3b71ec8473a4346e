// Watchlist versions kept as JSON files until the database arrives:
//   <dir>/<list>/v<N>.json   one imported version: entities, issues and the full diff against v<N-1>
//   <dir>/<list>/index.json  every version's import time, format, file, counts and diff counts
// Files are written to a temporary name and renamed, so a crash never leaves half a version behind.
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { InvalidError } from "../shared/errors.js";
import { diffEntities, type EntityDiff } from "./diff.js";
import type { Entity, ImportCounts, ImportIssue, ImportResult, SourceFormat } from "./model.js";

export const DEFAULT_STORE_DIR = "./data/store";

export interface DiffCounts {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
}

export interface VersionEntry {
  version: number;
  /** ISO 8601 time of the import. */
  importedAt: string;
  format: SourceFormat;
  /** The file the version was imported from, as given. */
  file?: string;
  counts: ImportCounts;
  issues: { errors: number; warnings: number };
  meta: Record<string, string>;
  /** The version this one was compared with; absent for the first version, whose entities all count as added. */
  previous?: number;
  diff: DiffCounts;
}

export interface ListIndex {
  list: string;
  versions: VersionEntry[];
}

export interface StoredVersion {
  list: string;
  version: number;
  importedAt: string;
  format: SourceFormat;
  file?: string;
  meta: Record<string, string>;
  entities: Entity[];
  issues: ImportIssue[];
  diff: EntityDiff;
}

export interface SavedVersion {
  list: string;
  version: number;
  path: string;
  entry: VersionEntry;
  diff: EntityDiff;
}

/** A list id becomes a directory name, so it is restricted to a safe, readable alphabet. */
const LIST_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

function listDir(dir: string, list: string): string {
  if (!LIST_ID.test(list)) {
    throw new InvalidError(
      `list id "${list}" must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit`,
    );
  }
  return join(resolve(dir), list);
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

async function writeJson(path: string, value: unknown, pretty: boolean): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`);
  await rename(tmp, path);
}

function versionPath(dir: string, list: string, version: number): string {
  return join(listDir(dir, list), `v${version}.json`);
}

export async function loadIndex(list: string, dir = DEFAULT_STORE_DIR): Promise<ListIndex | undefined> {
  return readJson<ListIndex>(join(listDir(dir, list), "index.json"));
}

/** The newest stored version of a list, or undefined when the list has never been imported. */
export async function loadLatest(list: string, dir = DEFAULT_STORE_DIR): Promise<StoredVersion | undefined> {
  const last = (await loadIndex(list, dir))?.versions.at(-1);
  if (!last) return undefined;
  const stored = await readJson<StoredVersion>(versionPath(dir, list, last.version));
  if (!stored)
    throw new InvalidError(
      `store is inconsistent: ${list} v${last.version} is indexed but its file is missing`,
    );
  return stored;
}

/** Stores an import result as the next version of its list and returns its diff against the previous one. */
export async function saveListVersion(
  result: ImportResult,
  dir = DEFAULT_STORE_DIR,
  source: { file?: string; importedAt?: Date } = {},
): Promise<SavedVersion> {
  const base = listDir(dir, result.list);
  await mkdir(base, { recursive: true });
  const index = (await loadIndex(result.list, dir)) ?? { list: result.list, versions: [] };
  const previous = await loadLatest(result.list, dir);
  const diff = diffEntities(previous?.entities ?? [], result.entities);
  const version = (index.versions.at(-1)?.version ?? 0) + 1;
  const importedAt = (source.importedAt ?? new Date()).toISOString();
  const stored: StoredVersion = {
    list: result.list,
    version,
    importedAt,
    format: result.format,
    ...(source.file ? { file: source.file } : {}),
    meta: result.meta,
    entities: result.entities,
    issues: result.issues,
    diff,
  };
  const entry: VersionEntry = {
    version,
    importedAt,
    format: result.format,
    ...(source.file ? { file: source.file } : {}),
    counts: result.counts,
    issues: {
      errors: result.issues.filter((i) => i.severity === "error").length,
      warnings: result.issues.filter((i) => i.severity === "warning").length,
    },
    meta: result.meta,
    ...(previous ? { previous: previous.version } : {}),
    diff: {
      added: diff.added.length,
      removed: diff.removed.length,
      changed: diff.changed.length,
      unchanged: diff.unchanged,
    },
  };
  const path = versionPath(dir, result.list, version);
  // The version file goes first: an index never points at a version that is not there.
  await writeJson(path, stored, false);
  await writeJson(join(base, "index.json"), { ...index, versions: [...index.versions, entry] }, true);
  return { list: result.list, version, path, entry, diff };
}

/** Every list in the store with its versions, by list id. An absent store is an empty one. */
export async function listSummaries(dir = DEFAULT_STORE_DIR): Promise<ListIndex[]> {
  let names: string[];
  try {
    names = (await readdir(resolve(dir), { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  const out: ListIndex[] = [];
  for (const name of names.sort()) {
    if (!LIST_ID.test(name)) continue;
    const index = await loadIndex(name, dir);
    if (index) out.push(index);
  }
  return out;
}
