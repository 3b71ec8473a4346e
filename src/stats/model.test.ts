import { expect, it } from "vitest";
import { dayWindow, foldCounts } from "./model.js";

it("spans the last n UTC days up to today, across a month end", () => {
  expect(dayWindow(new Date("2026-12-01T23:59:00Z"), 3)).toEqual(["2026-11-29", "2026-11-30", "2026-12-01"]);
  expect(dayWindow(new Date("2026-12-01T00:00:00Z"), 1)).toEqual(["2026-12-01"]);
});

it("fills every day, sums points into days, and keeps only non-empty point cells", () => {
  const window = ["2026-11-28", "2026-11-29"];
  const { daily, byCrossingPoint } = foldCounts(window, {
    crossings: [
      { date: "2026-11-29", crossingPointId: "cp-a", n: "3" },
      { date: "2026-11-29", crossingPointId: null, n: 2 },
      { date: "2026-11-27", crossingPointId: "cp-a", n: 9 },
    ],
    refers: [
      { date: "2026-11-29", crossingPointId: "cp-a", n: 1 },
      { date: "2026-11-29", crossingPointId: "cp-a", n: 1n },
    ],
  });
  expect(daily).toEqual([
    { date: "2026-11-28", crossings: 0, screenings: 0, refers: 0, alertsOpened: 0 },
    { date: "2026-11-29", crossings: 5, screenings: 0, refers: 2, alertsOpened: 0 },
  ]);
  expect(byCrossingPoint).toEqual([
    { date: "2026-11-29", crossingPointId: null, crossings: 2, screenings: 0, refers: 0, alertsOpened: 0 },
    { date: "2026-11-29", crossingPointId: "cp-a", crossings: 3, screenings: 0, refers: 2, alertsOpened: 0 },
  ]);
});
