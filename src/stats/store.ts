// Plain count queries of the overview statistics, within one agency. No rules here. Timestamps are ISO
// text, so the day is the first ten characters on SQLite and PostgreSQL alike.
import { sql } from "kysely";
import type { Db } from "../db/index.js";
import type { AlertsTable } from "../db/schema.js";
import type { CountRow } from "./model.js";

const day = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 10)`;

/**
 * Rows of one table per day and crossing point, since an instant; the three tables counted share the
 * columns this reads. `only` narrows to rows with one value in one more column.
 */
export function perDayAndPoint(
  db: Db,
  agency: string,
  since: string,
  table: "crossings" | "screening_requests" | "alerts",
  only?: { column: "decision" | "source"; value: string },
): Promise<CountRow[]> {
  let q = db.kysely
    .selectFrom(table as "alerts")
    .select([
      day("created_at").as("date"),
      "crossing_point_id as crossingPointId",
      (eb) => eb.fn.countAll().as("n"),
    ])
    .where("agency", "=", agency)
    .where("created_at", ">=", since);
  if (only) q = q.where(sql.ref(only.column), "=", only.value);
  return q.groupBy([day("created_at"), "crossing_point_id"]).execute() as Promise<CountRow[]>;
}

/** How many of an agency's alerts are in these states, and how many of them are past due at `at`. */
export const openAndOverdue = (
  db: Db,
  agency: string,
  statuses: readonly AlertsTable["status"][],
  at: string,
) =>
  db.kysely
    .selectFrom("alerts")
    .select([
      (eb) => eb.fn.countAll().as("open"),
      (eb) => eb.fn.sum(eb.case().when("due_at", "<", at).then(1).else(0).end()).as("overdue"),
    ])
    .where("agency", "=", agency)
    .where("status", "in", statuses)
    .executeTakeFirstOrThrow();
