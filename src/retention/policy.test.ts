import { describe, expect, it } from "vitest";
import { cutoffs, DEFAULT_RETENTION, readRetentionPolicy } from "./policy.js";

describe("readRetentionPolicy", () => {
  it("has defaults in which the audit log outlasts everything it refers to", () => {
    expect(readRetentionPolicy({})).toEqual(DEFAULT_RETENTION);
    expect(DEFAULT_RETENTION.auditYears).toBeGreaterThan(DEFAULT_RETENTION.protectionYears);
    expect(DEFAULT_RETENTION.auditYears).toBeGreaterThan(DEFAULT_RETENTION.alertYears);
  });

  it("reads every variable, and 0 turns the schedule off", () => {
    expect(
      readRetentionPolicy({
        LIMES_RETENTION_NO_HIT_DAYS: "2",
        LIMES_RETENTION_ALERT_YEARS: "3",
        LIMES_RETENTION_PROTECTION_YEARS: "4",
        LIMES_RETENTION_AUDIT_YEARS: "6",
        LIMES_RETENTION_BATCH: "50",
        LIMES_RETENTION_INTERVAL_MINUTES: "0",
      }),
    ).toEqual({
      noHitDays: 2,
      alertYears: 3,
      protectionYears: 4,
      auditYears: 6,
      batchSize: 50,
      intervalMinutes: 0,
    });
  });

  it("refuses an audit period that ends before a record it refers to, and names every problem", () => {
    expect(() => readRetentionPolicy({ LIMES_RETENTION_AUDIT_YEARS: "10" })).toThrow(
      /LIMES_RETENTION_AUDIT_YEARS \(10\) must be longer than every other period \(10 years\)/,
    );
    expect(() =>
      readRetentionPolicy({ LIMES_RETENTION_BATCH: "0", LIMES_RETENTION_NO_HIT_DAYS: "x" }),
    ).toThrow(
      /LIMES_RETENTION_NO_HIT_DAYS must be a whole number of at least 1, not "x".*LIMES_RETENTION_BATCH/,
    );
  });
});

describe("cutoffs", () => {
  it("counts days for no-hit records and calendar years for the rest", () => {
    const c = cutoffs(DEFAULT_RETENTION, new Date("2026-12-01T12:00:00.000Z"));
    expect(c).toEqual({
      noHit: "2026-11-01T12:00:00.000Z",
      alertClosed: "2021-12-01T12:00:00.000Z",
      protectionClosed: "2016-12-01T12:00:00.000Z",
      audit: "2015-12-01T12:00:00.000Z",
    });
  });
});
