// Overview statistics for the dashboard: per day and per crossing point, how many crossings were
// recorded, screenings run, travellers referred and alerts opened, and how many alerts are open or
// overdue now. Counts only, within the caller's agency; timestamps are ISO text, so the day is the
// first ten characters on SQLite and PostgreSQL alike.
import { sql } from "kysely";
import { can, type Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import { ForbiddenError, InvalidError } from "../shared/errors.js";
import { type CountRow, dayWindow, foldCounts, MAX_DAYS } from "./model.js";

/** Anyone who works the alert queue, audits it or studies rule outcomes may see the totals. */
export const OVERVIEW_PERMISSIONS = ["alerts:review", "audit:read", "rules:stats"] as const;

/** Alert states that still wait for a person. */
const OPEN_STATUSES = ["open", "in_review"] as const;

const day = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 10)`;

export function createStatsService(db: Db, opts: { now?: () => Date } = {}) {
  const now = opts.now ?? (() => new Date());

  return {
    async overview(p: Principal, input: { days?: number } = {}) {
      if (!OVERVIEW_PERMISSIONS.some((perm) => can(p, perm)))
        throw new ForbiddenError(
          `permission ${OVERVIEW_PERMISSIONS.map((x) => `"${x}"`).join(" or ")} required`,
          undefined,
          "permission_denied",
          { permission: OVERVIEW_PERMISSIONS.join(" or ") },
        );
      const days = input.days ?? 14;
      if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
        throw new InvalidError(`days: between 1 and ${MAX_DAYS}`, undefined, "days_range", {
          min: 1,
          max: MAX_DAYS,
        });
      const at = now();
      const window = dayWindow(at, days);
      const since = `${window[0]}T00:00:00.000Z`;
      const k = db.kysely;

      /**
       * Rows of one table per day and crossing point, since the window opened; the three tables counted
       * share the columns this reads. `only` narrows to rows with one value in one more column.
       */
      const perDayAndPoint = (
        table: "crossings" | "screening_requests" | "alerts",
        only?: { column: "decision" | "source"; value: string },
      ) => {
        let q = k
          .selectFrom(table as "alerts")
          .select([
            day("created_at").as("date"),
            "crossing_point_id as crossingPointId",
            (eb) => eb.fn.countAll().as("n"),
          ])
          .where("agency", "=", p.agency)
          .where("created_at", ">=", since);
        if (only) q = q.where(sql.ref(only.column), "=", only.value);
        return q.groupBy([day("created_at"), "crossing_point_id"]).execute() as Promise<CountRow[]>;
      };

      const [crossings, crossingRefers, screenings, manifestRefers, alertsOpened, open] = await Promise.all([
        perDayAndPoint("crossings"),
        perDayAndPoint("crossings", { column: "decision", value: "refer" }),
        perDayAndPoint("screening_requests"),
        // A manifest refers persons, not a crossing: every refer on it (list, document or rule) opened an alert.
        perDayAndPoint("alerts", { column: "source", value: "manifest" }),
        perDayAndPoint("alerts"),
        k
          .selectFrom("alerts")
          .select([
            (eb) => eb.fn.countAll().as("open"),
            (eb) =>
              eb.fn.sum(eb.case().when("due_at", "<", at.toISOString()).then(1).else(0).end()).as("overdue"),
          ])
          .where("agency", "=", p.agency)
          .where("status", "in", OPEN_STATUSES)
          .executeTakeFirstOrThrow(),
      ]);

      const { daily, byCrossingPoint } = foldCounts(window, {
        crossings,
        screenings,
        refers: [...crossingRefers, ...manifestRefers],
        alertsOpened,
      });
      return {
        from: window[0]!,
        to: window[window.length - 1]!,
        daily,
        byCrossingPoint,
        openAlerts: Number(open.open),
        overdueAlerts: Number(open.overdue ?? 0),
      };
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
