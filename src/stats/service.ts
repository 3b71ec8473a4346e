// Overview statistics for the dashboard: per day and per crossing point, how many crossings were
// recorded, screenings run, travellers referred and alerts opened, and how many alerts are open or
// overdue now. Counts only, within the caller's agency.
import { can, type Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import { ForbiddenError, InvalidError } from "../shared/errors.js";
import { dayWindow, foldCounts, MAX_DAYS } from "./model.js";
import * as store from "./store.js";

/** Anyone who works the alert queue, audits it or studies rule outcomes may see the totals. */
export const OVERVIEW_PERMISSIONS = ["alerts:review", "audit:read", "rules:stats"] as const;

/** Alert states that still wait for a person. */
const OPEN_STATUSES = ["open", "in_review"] as const;

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
      const count = (
        table: "crossings" | "screening_requests" | "alerts",
        only?: { column: "decision" | "source"; value: string },
      ) => store.perDayAndPoint(db, p.agency, since, table, only);

      const [crossings, crossingRefers, screenings, manifestRefers, alertsOpened, open] = await Promise.all([
        count("crossings"),
        count("crossings", { column: "decision", value: "refer" }),
        count("screening_requests"),
        // A manifest refers persons, not a crossing: every refer on it (list, document or rule) opened an alert.
        count("alerts", { column: "source", value: "manifest" }),
        count("alerts"),
        store.openAndOverdue(db, p.agency, OPEN_STATUSES, at.toISOString()),
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
