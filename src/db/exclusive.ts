// Jobs that must run once across a centre of several API processes (retention, publishing lists and
// decisions to the posts). On PostgreSQL a job runs under a session-level advisory lock, held on one
// pinned connection for the length of the run. When a process dies its connection ends and PostgreSQL
// releases the lock, so a survivor takes the job on its next tick: no lease to expire and no clock to
// trust. A SQLite database belongs to one process, so there the job simply runs.
import { type Kysely, sql } from "kysely";
import type { Database, Dialect } from "./schema.js";

/** What a job needs of the database handle (not connect.ts's `Db`, which would import back here). */
export interface DbHandle {
  kysely: Kysely<Database>;
  dialect: Dialect;
}

export type Exclusive<T> = { ran: true; value: T } | { ran: false };

/** Runs `job` unless another process holds it now; `{ ran: false }` then, and nothing waits. */
export async function runExclusive<T>(
  db: DbHandle,
  name: string,
  job: () => Promise<T>,
): Promise<Exclusive<T>> {
  if (db.dialect === "sqlite") return { ran: true, value: await job() };
  return db.kysely.connection().execute(async (conn) => {
    const key = sql`hashtextextended(${`limes.${name}`}, 0)`;
    const got = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${key}) as locked`.execute(conn);
    if (!got.rows[0]?.locked) return { ran: false };
    try {
      return { ran: true, value: await job() };
    } finally {
      // A connection lost during the job has already released the lock with its session.
      await sql`select pg_advisory_unlock(${key})`.execute(conn).catch(() => undefined);
    }
  });
}
