// Monthly partitions made ahead (PostgreSQL): this month and the next three for every partitioned table,
// at each migration (so at every start) and once a day in the server, by one centre process at a time.
// A row whose month has no partition lands in the default one and is still found; making months ahead
// keeps the default partition empty, so that old months can be detached and archived whole.
import type { Kysely } from "kysely";
import { type DbHandle, runExclusive } from "./exclusive.js";
import { createMonth, nextMonth, PARTITIONED_TABLES } from "./migration-partitions.js";

const AHEAD = 3;

/** The months this run made sure of, `YYYY-MM`, and any it could not make (rows already in default). */
export async function ensurePartitions(
  db: Kysely<unknown>,
  now = new Date(),
): Promise<{ months: string[]; blocked: string[] }> {
  const months = [now.toISOString().slice(0, 7)];
  while (months.length <= AHEAD) months.push(nextMonth(months[months.length - 1]!));
  const blocked: string[] = [];
  for (const { table } of PARTITIONED_TABLES)
    for (const month of months) if (!(await createMonth(db, table, month))) blocked.push(`${table}:${month}`);
  return { months, blocked };
}

/** Runs ensurePartitions every day on PostgreSQL; nothing on SQLite. */
export function schedulePartitions(
  db: DbHandle,
  log: { warn: (o: object, msg: string) => void; error: (o: object, msg: string) => void },
): { stop: () => void } {
  if (db.dialect !== "postgres") return { stop: () => undefined };
  const timer = setInterval(() => {
    runExclusive(db, "partitions", () => ensurePartitions(db.kysely as unknown as Kysely<unknown>))
      .then((r) => {
        if (r.ran && r.value.blocked.length)
          log.warn({ blocked: r.value.blocked }, "months whose rows are already in the default partition");
      })
      .catch((err: unknown) => log.error({ err }, "making next months' partitions failed"));
  }, 24 * 3600_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
