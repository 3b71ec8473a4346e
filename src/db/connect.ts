// One database handle for both dialects, chosen by the LIMES_DB value:
// `sqlite:<path>` (embedded default, WAL mode) or `postgres://…` (production).
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { InvalidError } from "../shared/errors.js";
import { startCheckpointer } from "./checkpointer.js";
import { migrationProvider } from "./migrations.js";
import { ensurePartitions } from "./partitions.js";
import type { Database, Dialect } from "./schema.js";
import { cachingStatements, prepareStatementsOf } from "./statements.js";

export type { Dialect } from "./schema.js";

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** The URL without a password, for logs. */
  describe: string;
  close(): Promise<void>;
}

export const DEFAULT_DB = "sqlite:./data/limes.db";

/** LIMES_PREPARED_STATEMENTS=0 turns prepared statements off (to compare, or to rule them out). */
const preparedStatements = () => process.env.LIMES_PREPARED_STATEMENTS !== "0";

export function parseDbUrl(url: string): { dialect: Dialect; target: string } {
  if (url.startsWith("sqlite:")) {
    const target = url.slice("sqlite:".length);
    if (!target)
      throw new InvalidError("LIMES_DB sqlite: needs a path, e.g. sqlite:./data/limes.db or sqlite::memory:");
    return { dialect: "sqlite", target };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: "postgres", target: url };
  throw new InvalidError(`LIMES_DB must be sqlite:<path> or postgres://…, not "${url}"`);
}

export async function openDatabase(url: string = process.env.LIMES_DB ?? DEFAULT_DB): Promise<Db> {
  const { dialect, target } = parseDbUrl(url);
  if (dialect === "sqlite") {
    if (target !== ":memory:") mkdirSync(dirname(resolve(target)), { recursive: true });
    const database = new SQLite(target);
    // WAL: readers never block the writer. With synchronous=NORMAL a crash of the process (kill -9)
    // loses no committed transaction (test/crash); only a power cut may lose the last few, which a
    // single-post laptop deployment accepts for latency. PostgreSQL is the production store.
    database.pragma("journal_mode = WAL");
    database.pragma("synchronous = NORMAL");
    database.pragma("foreign_keys = ON");
    database.pragma("busy_timeout = 5000");
    // SQLite checkpoints the WAL inside whichever commit crosses 1,000 pages: a screening that lands
    // there waits several milliseconds. Checkpoint on a timer in a worker thread instead (checkpointer.ts;
    // the bound stays as a safety net). An in-memory database has no WAL.
    database.pragma("wal_autocheckpoint = 20000");
    const stopCheckpoints = target === ":memory:" ? async () => {} : startCheckpointer(resolve(target));
    const kysely = new Kysely<Database>({
      dialect: new SqliteDialect({ database: preparedStatements() ? cachingStatements(database) : database }),
    });
    return {
      kysely,
      dialect,
      describe: `sqlite:${target}`,
      close: async () => {
        await stopCheckpoints();
        await kysely.destroy();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: target, max: 10 });
  // An idle connection that the server ends (restart, failover, admin kill) is reported as an 'error'
  // event, which would crash the process if unheard. The pool has already discarded that connection and
  // the next query opens a new one, so there is nothing more to do here.
  pool.on("error", () => {});
  // The same for a connection that is checked out (a transaction, or a pinned lock holder): its query
  // already fails with the error, and the unheard event would end the process as well.
  pool.on("connect", (client) => {
    client.on("error", () => {});
    if (preparedStatements()) prepareStatementsOf(client);
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect, describe: target.replace(/:[^:@/]*@/, ":***@"), close: () => kysely.destroy() };
}

/** Applies pending migrations; safe to run at every start. */
export async function migrate(db: Db): Promise<{ applied: string[] }> {
  const migrator = new Migrator({ db: db.kysely, provider: migrationProvider(db.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  if (db.dialect === "postgres") await ensurePartitions(db.kysely as unknown as Kysely<unknown>);
  return { applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName) };
}

/**
 * Readiness: the database answers and is migrated (a table of the schema can be read). False, never a
 * throw, when it cannot: the orchestrator only wants to know whether to send traffic.
 */
export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await db.kysely.selectFrom("audit_chains").select("id").executeTakeFirst();
    return true;
  } catch {
    return false;
  }
}
