// The dashboard overview as pure functions: a window of UTC days, and per-day and per-crossing-point
// counts folded from grouped query rows. Aggregates only: nothing here can name a traveller.

export const COUNTERS = ["crossings", "screenings", "refers", "alertsOpened"] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counts = Record<Counter, number>;

export interface DayCounts extends Counts {
  /** UTC date, `YYYY-MM-DD`. */
  date: string;
}

export interface PointDayCounts extends DayCounts {
  /** Null for screenings and manifests recorded without a crossing point. */
  crossingPointId: string | null;
}

/** One grouped row from a query: how many of one counter on one day at one crossing point. */
export interface CountRow {
  date: string;
  crossingPointId: string | null;
  n: number | string | bigint;
}

export const MAX_DAYS = 90;

const DAY_MS = 86_400_000;
const zero = (): Counts => ({ crossings: 0, screenings: 0, refers: 0, alertsOpened: 0 });

/** The last `days` UTC dates up to and including today's, oldest first. */
export function dayWindow(now: Date, days: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) =>
    new Date(today - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10),
  );
}

/**
 * Folds grouped rows into every day of the window (zeros included, so a chart has no gaps) and into
 * the non-empty (day, crossing point) cells. Rows outside the window are ignored.
 */
export function foldCounts(
  window: readonly string[],
  rows: Partial<Record<Counter, readonly CountRow[]>>,
): { daily: DayCounts[]; byCrossingPoint: PointDayCounts[] } {
  const daily = new Map(window.map((date) => [date, { date, ...zero() }]));
  const cells = new Map<string, PointDayCounts>();
  for (const counter of COUNTERS) {
    for (const row of rows[counter] ?? []) {
      const day = daily.get(row.date);
      if (!day) continue;
      const n = Number(row.n);
      day[counter] += n;
      const key = `${row.date}\u0000${row.crossingPointId ?? ""}`;
      let cell = cells.get(key);
      if (!cell) {
        cell = { date: row.date, crossingPointId: row.crossingPointId, ...zero() };
        cells.set(key, cell);
      }
      cell[counter] += n;
    }
  }
  const byCrossingPoint = [...cells.values()].sort(
    (a, b) =>
      a.date.localeCompare(b.date) || (a.crossingPointId ?? "").localeCompare(b.crossingPointId ?? ""),
  );
  return { daily: [...daily.values()], byCrossingPoint };
}
