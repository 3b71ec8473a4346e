import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidError } from "../shared/errors.js";
import { assessDetection, DEFAULT_THRESHOLD_EUR, priceItems } from "./declaration.js";
import { createRateTable, parseRateCsv } from "./rates.js";

const rates = createRateTable(
  parseRateCsv(readFileSync(new URL("../../data/samples/cash/rates.csv", import.meta.url), "utf8")),
);

describe("cash declarations", () => {
  it("converts with the latest rate dated on or before the day, and names it", () => {
    const early = priceItems(
      [{ kind: "currency", currency: "usd", amount: 10_800 }],
      rates,
      "2026-11-15",
      10_000,
    );
    expect(early.items[0]).toMatchObject({
      currency: "USD",
      eurCents: 1_000_000,
      rate: { perEur: 1.08, date: "2026-11-02" },
    });
    expect(early.reachesThreshold).toBe(true);
    const late = priceItems(
      [{ kind: "currency", currency: "USD", amount: 10_800 }],
      rates,
      "2026-12-01",
      10_000,
    );
    expect(late.items[0]!.rate.date).toBe("2026-11-30");
    expect(late.totalEurCents).toBe(981_818);
    expect(late.reachesThreshold).toBe(false);
  });

  it("adds currencies and kinds against the threshold, EUR at par", () => {
    const p = priceItems(
      [
        { kind: "currency", currency: "EUR", amount: 6_000 },
        { kind: "gold", currency: "EUR", amount: 2_500 },
        { kind: "bearer_instrument", currency: "CHF", amount: 1_410 },
      ],
      rates,
      "2026-12-01",
      DEFAULT_THRESHOLD_EUR,
    );
    expect(p.totalEurCents).toBe(600_000 + 250_000 + 150_000);
    expect(p.reachesThreshold).toBe(true);
  });

  it("refuses unknown currencies, days before any rate and empty or non-positive sums", () => {
    expect(() =>
      priceItems([{ kind: "currency", currency: "XYZ", amount: 1 }], rates, "2026-12-01", 10_000),
    ).toThrow(/items\[0\]\.currency: no rate for XYZ/);
    expect(() =>
      priceItems([{ kind: "currency", currency: "USD", amount: 1 }], rates, "2026-01-01", 10_000),
    ).toThrow(InvalidError);
    expect(() => priceItems([], rates, "2026-12-01", 10_000)).toThrow(/at least one/);
    expect(() =>
      priceItems([{ kind: "gold", currency: "EUR", amount: 0 }], rates, "2026-12-01", 10_000),
    ).toThrow(/items\[0\]\.amount/);
  });

  it("tells undeclared and incomplete declarations from sums below the threshold", () => {
    const found = priceItems(
      [{ kind: "currency", currency: "EUR", amount: 15_000 }],
      rates,
      "2026-12-01",
      10_000,
    );
    expect(assessDetection(found, null)).toBe("undeclared");
    expect(assessDetection(found, 1_000_000)).toBe("incomplete");
    expect(assessDetection(found, 1_500_000)).toBe("as_declared");
    const small = priceItems(
      [{ kind: "currency", currency: "EUR", amount: 9_999.99 }],
      rates,
      "2026-12-01",
      10_000,
    );
    expect(assessDetection(small, null)).toBe("below_threshold");
  });

  it("rejects a malformed rate table with the line of each fault", () => {
    expect(() => parseRateCsv("currency,per_eur,date\nUSD,-1,2026-01-01\nUS,1,2026\n")).toThrow(
      /line\(s\) 2, 3: line 2: per_eur "-1" is not a positive number; line 3: currency "US"/,
    );
  });
});
