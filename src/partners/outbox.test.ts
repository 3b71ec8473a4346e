import { expect, it } from "vitest";
import { retryDelayMs } from "./outbox.js";

it("doubles the delay after each failed attempt, up to 15 minutes", () => {
  expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 5000))).toEqual([5000, 10_000, 20_000, 40_000]);
  expect(retryDelayMs(30, 5000)).toBe(15 * 60_000);
});
