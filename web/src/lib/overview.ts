// The per crossing point totals the dashboard charts from GET /api/v1/stats/overview (its reply type is
// the generated contract's): the API gives one cell per day and crossing point.
import type { Reply } from "./api";

/** `daily`: every day of the window, oldest first, zeros included; `byCrossingPoint`: only the (day,
 * crossing point) cells with activity. */
type OverviewStats = Reply<"/api/v1/stats/overview", "get">;
type PointDayCounts = OverviewStats["byCrossingPoint"][number];

/** The counters of a day, in the order the dashboard draws them. */
export const COUNTERS = [
  "crossings",
  "screenings",
  "refers",
  "alertsOpened",
] as const satisfies readonly Exclude<keyof PointDayCounts, "date" | "crossingPointId">[];
export type Counter = (typeof COUNTERS)[number];
type Counts = Record<Counter, number>;

/** The window's totals per crossing point, in first-seen order; screenings without a point are `null`. */
export function totalsByCrossingPoint(
  cells: readonly PointDayCounts[],
): (Counts & { crossingPointId: string | null })[] {
  const totals = new Map<string | null, Counts & { crossingPointId: string | null }>();
  for (const cell of cells) {
    let total = totals.get(cell.crossingPointId);
    if (!total) {
      total = {
        crossingPointId: cell.crossingPointId,
        crossings: 0,
        screenings: 0,
        refers: 0,
        alertsOpened: 0,
      };
      totals.set(cell.crossingPointId, total);
    }
    for (const c of COUNTERS) total[c] += cell[c];
  }
  return [...totals.values()];
}

export function hasActivity(stats: Pick<OverviewStats, "daily">): boolean {
  return stats.daily.some((d) => COUNTERS.some((c) => d[c] > 0));
}
