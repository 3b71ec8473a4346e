import { describe, expect, it } from "vitest";
import { hasActivity, totalsByCrossingPoint } from "./overview";

const cell = (date: string, crossingPointId: string | null, crossings: number, refers = 0) => ({
  date,
  crossingPointId,
  crossings,
  screenings: crossings,
  refers,
  alertsOpened: refers,
});

describe("overview statistics", () => {
  it("sums each crossing point over the days, keeping screenings without a point apart", () => {
    const totals = totalsByCrossingPoint([
      cell("2026-11-28", "cp-a", 2, 1),
      cell("2026-11-28", null, 5),
      cell("2026-11-29", "cp-a", 3),
      cell("2026-11-29", "cp-b", 1, 1),
    ]);
    expect(totals).toEqual([
      { crossingPointId: "cp-a", crossings: 5, screenings: 5, refers: 1, alertsOpened: 1 },
      { crossingPointId: null, crossings: 5, screenings: 5, refers: 0, alertsOpened: 0 },
      { crossingPointId: "cp-b", crossings: 1, screenings: 1, refers: 1, alertsOpened: 1 },
    ]);
  });

  it("says a window of zeros has no activity", () => {
    expect(hasActivity({ daily: [cell("2026-11-29", null, 0)] })).toBe(false);
    expect(hasActivity({ daily: [cell("2026-11-29", null, 0, 1)] })).toBe(true);
  });
});
