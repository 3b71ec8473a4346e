// Importing list versions uploaded over the API: the files are parsed strictly (a malformed file imports
// nothing) and saved as one transaction, live at once within the safety limits and staged for a second
// manager's approval past one. Screening swaps its index only when a version goes live.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { can, type Principal } from "../access/index.js";
import type { ApprovalHandler } from "../approvals/index.js";
import type { Db } from "../db/index.js";
import { ForbiddenError } from "../shared/errors.js";
import { activationHandler } from "./activate.js";
import { checkSourceFormat, importWatchlist } from "./import.js";
import type { Entity, ImportResult } from "./model.js";
import { getWatchlist, listWatchlists, loadLatestEntities, type WatchlistView } from "./repository.js";
import { DEFAULT_LIST_LIMITS, type ListLimits } from "./safety.js";
import { searchList } from "./search.js";
import { type SavedListVersion, type SaveMeta, saveWatchlistVersion } from "./stage.js";
import { resolveUpload, type UploadFile } from "./upload-files.js";

export interface ImportProgress {
  list: string;
  status: "parsing" | "saving" | "ready" | "staged" | "failed";
  bytesRead: number;
  bytesTotal: number;
  startedAt: string;
  error?: string;
}

export interface UploadInput {
  format: string;
  list: string;
  /** One file (the raw body), the files of a multipart request, or a zip. */
  files: UploadFile[];
  /** OFAC only: the uploader states that this version has no aliases, so sdn.csv may come alone. */
  noAliases?: boolean;
  /** Why a version past the safety limits should go live; shown to the approver. */
  reason?: string;
}

export interface WatchlistServiceOptions {
  limits?: ListLimits;
  /** Largest upload, also the largest a zip may unpack to (bytes). */
  uploadLimit?: number;
}

function mustManage(p: Principal): void {
  if (!can(p, "watchlists:manage"))
    throw new ForbiddenError("this role cannot import watchlists", undefined, "permission_denied", {
      permission: "watchlists:manage",
    });
}

/** One list, with the progress of an import this process runs. */
async function withProgress(
  db: Db,
  id: string,
  running: ImportProgress | undefined,
): Promise<
  (WatchlistView & { import?: ImportProgress }) | { id: string; versions: 0; import: ImportProgress }
> {
  try {
    return { ...(await getWatchlist(db, id)), ...(running ? { import: running } : {}) };
  } catch (err) {
    // A first import still running has no version yet: its progress is all there is to show.
    if (running) return { id, versions: 0, import: running };
    throw err;
  }
}

/** Parses the upload strictly from a scratch folder `dir`: the importers stream from files. */
async function parseUpload(input: UploadInput, dir: string, uploadLimit: number, state: ImportProgress) {
  const format = checkSourceFormat(input.format);
  const files = resolveUpload(format, input.files, {
    limit: uploadLimit,
    ...(input.noAliases ? { noAliases: true } : {}),
  });
  // OFAC's importer reads alt.csv and add.csv beside sdn.csv.
  for (const f of files) await writeFile(join(dir, f.name), f.body);
  return importWatchlist(format, join(dir, files[0]?.name ?? "upload"), {
    list: input.list,
    onProgress: (done) => {
      state.bytesRead = done;
    },
  });
}

export function createWatchlistService(
  db: Db,
  onUpdated: (entities: Entity[]) => void,
  opts: WatchlistServiceOptions = {},
) {
  const progress = new Map<string, ImportProgress>();
  const limits = opts.limits ?? DEFAULT_LIST_LIMITS;
  const reindex = async () => onUpdated(await loadLatestEntities(db));
  const save = (result: ImportResult, meta: Omit<SaveMeta, "limits">) =>
    saveWatchlistVersion(db, result, { ...meta, limits });
  return {
    limits,
    /** The running or last import of a list, if this process ran one. */
    progress(list: string): ImportProgress | undefined {
      return progress.get(list);
    },

    /** Every list with its latest, live and staged version. */
    list: () => listWatchlists(db),

    /** One list, with the progress of an import this process runs. */
    get: (id: string) => withProgress(db, id, progress.get(id)),

    /** See search.ts: a name search in one list, audited. */
    search: (p: Principal, list: string, input: { q: string; limit?: number; purpose: string }) =>
      searchList(db, p, list, input),

    /**
     * A version read from files by the caller (`limes watchlist import`), saved as an upload is: staged
     * past a safety limit for a second manager, whom `actor` proposes to; "system" may propose nothing.
     * Not indexed here: the command's process screens nothing, and a server indexes the live versions
     * at its start.
     */
    importParsed(actor: Principal | "system", result: ImportResult, meta: { file: string; reason?: string }) {
      if (actor !== "system") mustManage(actor);
      return save(result, { actor, ...meta });
    },

    /** Registered with approvals: a second manager's approval makes a staged version live. */
    activation: activationHandler(reindex) as ApprovalHandler,

    async importUpload(p: Principal, input: UploadInput): Promise<SavedListVersion> {
      mustManage(p);
      const state: ImportProgress = {
        list: input.list,
        status: "parsing",
        bytesRead: 0,
        bytesTotal: input.files.reduce((n, f) => n + f.body.length, 0),
        startedAt: new Date().toISOString(),
      };
      progress.set(input.list, state);
      const dir = await mkdtemp(join(tmpdir(), "limes-upload-"));
      try {
        const result = await parseUpload(input, dir, opts.uploadLimit ?? 64 * 1024 * 1024, state);
        state.status = "saving";
        const saved = await save(result, {
          actor: p,
          file: input.files.map((f) => f.name).join(", ") || "upload",
          ...(input.reason ? { reason: input.reason } : {}),
        });
        if (saved.status === "ready") await reindex();
        state.status = saved.status === "ready" ? "ready" : "staged";
        return saved;
      } catch (err) {
        state.status = "failed";
        state.error = (err as Error).message;
        throw err;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

export type WatchlistService = ReturnType<typeof createWatchlistService>;
