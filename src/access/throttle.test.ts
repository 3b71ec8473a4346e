import { describe, expect, it } from "vitest";
import type { AttemptRow } from "./store.js";
import { assessAttempt, DEFAULT_THROTTLE } from "./throttle.js";

const t0 = Date.parse("2026-12-01T10:00:00Z");
let id = 0;
const at = (seconds: number, username: string, success = 0): AttemptRow => ({
  id: ++id,
  username,
  at: new Date(t0 + seconds * 1000).toISOString(),
  success,
});
const now = (seconds: number) => new Date(t0 + seconds * 1000);

describe("login throttling", () => {
  it("lets the first failures through, then doubles the wait after each further one", () => {
    const rows: AttemptRow[] = [];
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      rows.push(at(i * 100, "alice"));
      waits.push(assessAttempt(rows, "alice", now(i * 100)).waitMs);
    }
    expect(waits).toEqual([0, 0, 0, 0, 1000, 2000, 4000, 8000, 16000]);
    expect(assessAttempt(rows, "alice", now(800)).reason).toBe("account");
    // Never a lockout: the wait ends, and is capped.
    expect(assessAttempt(rows, "alice", now(816)).waitMs).toBe(0);
    const many = Array.from({ length: 40 }, (_, i) => at(i, "alice"));
    expect(assessAttempt(many, "alice", now(39)).waitMs).toBe(DEFAULT_THROTTLE.maxMs);
  });

  it("keys the account wait on the address: other users from it, and a success, reset nothing else", () => {
    const rows = Array.from({ length: 6 }, (_, i) => at(i, "alice"));
    expect(assessAttempt(rows, "alice", now(6)).waitMs).toBeGreaterThan(0);
    expect(assessAttempt(rows, "bob", now(6)).waitMs).toBe(0);
    expect(assessAttempt([...rows, at(6, "alice", 1)], "alice", now(7)).waitMs).toBe(0);
  });

  it("detects spraying and gives the address the account wait on every account", () => {
    const names = ["a1", "a2", "a3", "a4", "a5"];
    const rows = names.map((n, i) => at(i, n));
    // Five failures on five accounts count as five on a sixth one: the account wait applies at once.
    const verdict = assessAttempt(rows, "someone-new", now(4));
    expect(verdict).toEqual({ spraying: true, usernames: 5, reason: "spraying", waitMs: 1000 });
    rows.push(at(5, "a6"));
    expect(assessAttempt(rows, "a7", now(5))).toMatchObject({ reason: "spraying", waitMs: 2000 });
    expect(assessAttempt(rows.slice(0, 4), "someone-new", now(4))).toMatchObject({
      spraying: false,
      waitMs: 0,
    });
  });

  it("slows an address after many failures, whichever usernames it tries", () => {
    const p = { ...DEFAULT_THROTTLE, sprayUsernames: 1000 };
    const rows = Array.from({ length: 25 }, (_, i) => at(i, `u${i % 4}`));
    const v = assessAttempt(rows, "u9", now(24), p);
    expect(v.reason).toBe("address");
    expect(v.waitMs).toBe(1000 * 2 ** (25 - p.ipFree));
  });
});
