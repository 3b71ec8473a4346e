// Baseline (c): PostgreSQL pg_trgm similarity with a GIN trigram index, on this machine's PostgreSQL.
// Runs in a throw-away database `limes_bench_<pid>` that is dropped afterwards.
import pg from "pg";
import type { Entity } from "../../src/watchlists/model.js";
import { queryName } from "../data.js";
import { allNames, bestPerEntity, type ScreeningSystem } from "../systems.js";

export const PG_URL = process.env.LIMES_BENCH_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** pg_trgm's default `similarity_threshold`: what its `%` operator calls a match. */
export const PG_TRGM_REFER_THRESHOLD = 0.3;

const SCREEN_SQL =
  "SELECT entity_id, similarity(name, $1) AS s FROM names WHERE name % $1 ORDER BY s DESC, entity_id LIMIT 10";

export interface PgTrgmBaseline {
  system: ScreeningSystem;
  /** Time to create the table, load every name and build the GIN index (ms). */
  buildMs: number;
  /** Size of the table and its index on disk (bytes): the closest thing to its memory. */
  relationBytes: number;
  names: number;
}

function databaseUrl(base: string, database: string): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Sets up the database and returns the system, or throws with the reason PostgreSQL is not usable. */
export async function pgTrgmBaseline(entities: readonly Entity[]): Promise<PgTrgmBaseline> {
  const database = `limes_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const dropDatabase = async () => {
    const a = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    await a.connect();
    try {
      await a.query(`DROP DATABASE IF EXISTS ${database}`);
    } finally {
      await a.end();
    }
  };

  const client = new pg.Client({ connectionString: databaseUrl(PG_URL, database) });
  try {
    await client.connect();
    await client.query("CREATE EXTENSION pg_trgm");
    const names = allNames(entities);
    const started = performance.now();
    await client.query("CREATE TABLE names (entity_id text NOT NULL, name text NOT NULL)");
    for (let i = 0; i < names.length; i += 1000) {
      const chunk = names.slice(i, i + 1000);
      await client.query(`INSERT INTO names (entity_id, name) SELECT * FROM unnest($1::text[], $2::text[])`, [
        chunk.map((n) => n.entityId),
        chunk.map((n) => n.name),
      ]);
    }
    await client.query("CREATE INDEX names_trgm ON names USING gin (name gin_trgm_ops)");
    await client.query("ANALYZE names");
    const buildMs = performance.now() - started;
    await client.query(`SET pg_trgm.similarity_threshold = ${PG_TRGM_REFER_THRESHOLD}`);
    const size = await client.query<{ bytes: string }>("SELECT pg_total_relation_size('names') AS bytes");
    const system: ScreeningSystem = {
      name: "pg_trgm",
      referRule: `similarity ≥ ${PG_TRGM_REFER_THRESHOLD} (pg_trgm default for %), GIN index`,
      async screen(q) {
        const r = await client.query<{ entity_id: string; s: number }>({
          name: "screen",
          text: SCREEN_SQL,
          values: [queryName(q)],
        });
        return bestPerEntity(
          r.rows.map((row) => ({
            entityId: row.entity_id,
            score: row.s,
            refer: row.s >= PG_TRGM_REFER_THRESHOLD,
          })),
        );
      },
      async close() {
        await client.end();
        await dropDatabase();
      },
    };
    return { system, buildMs, relationBytes: Number(size.rows[0]?.bytes ?? 0), names: names.length };
  } catch (err) {
    await client.end().catch(() => {});
    await dropDatabase().catch(() => {});
    throw err;
  }
}
