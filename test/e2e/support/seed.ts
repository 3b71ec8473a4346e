// Seeding the sample lists costs a server seconds (parse, save, index). Within one test run the first
// browser-test file keeps a copy of its freshly seeded database, and later files start from that copy:
// the bytes this run's code wrote, never a database of an earlier run or of older source.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, readdir, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import type { Db } from "../../../src/db/index.js";
import type { ServerOptions } from "../../../src/http/server.js";
import { REPO_ROOT } from "../../support/paths.js";

const PREFIX = "limes-e2e-seed-";

/** The process that lives as long as the run: vitest's main one (a fork's parent, or this one). */
const runPid = () => (process.send ? process.ppid : process.pid);

async function newestChange(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

/** Where this run keeps the seeded database for these samples. */
export async function seedPath(samples: ServerOptions["samples"]): Promise<string> {
  const key = createHash("sha256")
    .update(
      JSON.stringify({
        samples: samples ?? "default",
        src: await newestChange(join(REPO_ROOT, "src")),
        data: await newestChange(join(REPO_ROOT, "data", "samples")),
      }),
    )
    .digest("hex")
    .slice(0, 16);
  return join(tmpdir(), `${PREFIX}${runPid()}-${key}.db`);
}

/** Starts `dbFile` from this run's seeded copy when there is one; says whether it did. */
export async function reuseSeed(seed: string, dbFile: string): Promise<boolean> {
  if (!existsSync(seed)) return false;
  await copyFile(seed, dbFile);
  return true;
}

/** Keeps a consistent copy of a freshly seeded database (before any user is added to it). */
export async function keepSeed(db: Db, seed: string): Promise<void> {
  const partial = `${seed}.${process.pid}.tmp`;
  await sql`VACUUM INTO ${partial}`.execute(db.kysely);
  await rename(partial, seed);
}

/** Copies left by runs that have ended. */
export async function dropEndedSeeds(): Promise<void> {
  for (const name of await readdir(tmpdir())) {
    const pid = Number(new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (!pid || pid === runPid()) continue;
    try {
      process.kill(pid, 0);
    } catch {
      await rm(join(tmpdir(), name), { force: true });
    }
  }
}
