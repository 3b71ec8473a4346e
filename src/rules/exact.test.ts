import { describe, expect, it } from "vitest";
import { binomialUpperTail, logGamma } from "./exact.js";

describe("exact binomial test", () => {
  it("has the log-gamma of factorials", () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
  it("gives the upper tail of a binomial", () => {
    // Six or more of twenty at 10%: 1 − P(X ≤ 5) = 0.011253 (tables).
    expect(binomialUpperTail(6, 20, 0.1)).toBeCloseTo(0.011253, 6);
    // All nineteen of nineteen at the rate r: r^19.
    expect(binomialUpperTail(19, 19, 0.164)).toBeCloseTo(0.164 ** 19, 25);
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
  });
  it("stays finite and small for large groups far above the rate", () => {
    const p = binomialUpperTail(3000, 100_000, 0.01);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(1e-100);
  });
});
