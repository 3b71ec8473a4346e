// The overview statistics as GET /api/v1/stats/overview returns them (src/stats), and the per crossing
// point totals the dashboard charts: the API gives one cell per day and crossing point.

export const COUNTERS = ["crossings", "screenings", "refers", "alertsOpened"] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counts = Record<Counter, number>;

export interface DayCounts extends Counts {
  /** UTC date, YYYY-MM-DD. */
  date: string;
}

export interface PointDayCounts extends DayCounts {
  crossingPointId: string | null;
}

export interface OverviewStats {
  from: string;
  to: string;
  /** Every day of the window, oldest first, zeros included. */
  daily: DayCounts[];
  /** Only the (day, crossing point) cells with activity. */
  byCrossingPoint: PointDayCounts[];
  openAlerts: number;
  overdueAlerts: number;
}

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
