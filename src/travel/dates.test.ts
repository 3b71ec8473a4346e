import { describe, expect, it } from "vitest";
import { isoDate, sixDigitDate } from "./dates.js";

describe("sixDigitDate", () => {
  const today = new Date("2026-11-28T12:00:00Z");

  it("puts birth dates no later than this year", () => {
    expect(sixDigitDate("261231", "birth", today)).toBe("2026-12-31");
    expect(sixDigitDate("270101", "birth", today)).toBe("1927-01-01");
    expect(sixDigitDate("740812", "birth", today)).toBe("1974-08-12");
    expect(sixDigitDate("000229", "birth", today)).toBe("2000-02-29");
  });

  it("puts expiry dates at most 50 years ahead", () => {
    expect(sixDigitDate("120415", "expiry", today)).toBe("2012-04-15");
    expect(sixDigitDate("610218", "expiry", today)).toBe("2061-02-18");
    expect(sixDigitDate("761231", "expiry", today)).toBe("2076-12-31");
    expect(sixDigitDate("770101", "expiry", today)).toBe("1977-01-01");
    expect(sixDigitDate("961210", "expiry", today)).toBe("1996-12-10");
  });

  it("rejects what is not a calendar date", () => {
    expect(sixDigitDate("740230", "birth", today)).toBeUndefined();
    expect(sixDigitDate("741301", "birth", today)).toBeUndefined();
    expect(sixDigitDate("7408<2", "birth", today)).toBeUndefined();
    expect(sixDigitDate("74081", "birth", today)).toBeUndefined();
  });
});

describe("isoDate", () => {
  it("keeps partial dates only when asked", () => {
    expect(isoDate("1977-06", true)).toBe("1977-06");
    expect(isoDate("1977", true)).toBe("1977");
    expect(isoDate("1977-06", false)).toBeUndefined();
    expect(isoDate("1977-13", true)).toBeUndefined();
    expect(isoDate("2024-02-29", false)).toBe("2024-02-29");
    expect(isoDate("2023-02-29", false)).toBeUndefined();
  });
});
