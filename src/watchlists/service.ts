// Importing list versions uploaded over the API: the file is parsed strictly (a malformed file imports
// nothing), saved as one database transaction, and the caller is told so it can rebuild the index.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { can, type Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import { ForbiddenError } from "../shared/errors.js";
import { importWatchlist } from "./import.js";
import type { Entity } from "./model.js";
import { loadLatestEntities, saveWatchlistVersion, type WatchlistVersionView } from "./repository.js";

export interface ImportProgress {
  list: string;
  status: "parsing" | "saving" | "ready" | "failed";
  bytesRead: number;
  bytesTotal: number;
  startedAt: string;
  error?: string;
}

export function createWatchlistService(db: Db, onUpdated: (entities: Entity[]) => void) {
  const progress = new Map<string, ImportProgress>();
  return {
    /** The running or last import of a list, if this process ran one. */
    progress(list: string): ImportProgress | undefined {
      return progress.get(list);
    },

    async importUpload(
      p: Principal,
      input: { format: string; list: string; body: Buffer; fileName?: string },
    ): Promise<WatchlistVersionView> {
      if (!can(p, "watchlists:manage")) throw new ForbiddenError("this role cannot import watchlists");
      const state: ImportProgress = {
        list: input.list,
        status: "parsing",
        bytesRead: 0,
        bytesTotal: input.body.length,
        startedAt: new Date().toISOString(),
      };
      progress.set(input.list, state);
      const dir = await mkdtemp(join(tmpdir(), "limes-upload-"));
      try {
        // The importers stream from files; OFAC's alt.csv/add.csv are not part of an upload.
        const path = join(dir, input.format === "ofac-csv" ? "sdn.csv" : "upload");
        await writeFile(path, input.body);
        const result = await importWatchlist(input.format, path, {
          list: input.list,
          onProgress: (done) => {
            state.bytesRead = done;
          },
        });
        state.status = "saving";
        const saved = await saveWatchlistVersion(db, result, { actor: p, file: input.fileName ?? "upload" });
        onUpdated(await loadLatestEntities(db));
        state.status = "ready";
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
