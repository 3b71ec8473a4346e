// PostgreSQL server chores shared by the tests (db.ts), the benches and tools/scaling.ts: one statement on
// its own connection, and a scratch database made on a server's maintenance database and dropped after.
// No vitest here: the benches and tools import it outside a test run.
import pg from "pg";

/** Runs one statement on a connection of its own to `url`, closed after: nothing stays open to block a drop. */
export async function pgQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  /** The new database's URL: the maintenance URL with its database name replaced. */
  url: string;
  /** Drops it, forcing out connections a killed server left behind. */
  drop(): Promise<void>;
}

/** Creates the database `name` on the server whose maintenance database `adminUrl` names. */
export async function createScratchDatabase(adminUrl: string, name: string): Promise<ScratchDatabase> {
  await pgQuery(adminUrl, `create database ${name}`);
  return {
    url: adminUrl.replace(/\/[^/]*$/, `/${name}`),
    drop: async () => {
      await pgQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
