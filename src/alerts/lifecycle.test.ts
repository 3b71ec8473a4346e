import { describe, expect, it } from "vitest";
import { type AlertStatus, canMove, checkDecision, type Decision, OUTCOMES } from "./lifecycle.js";

const STATUSES: AlertStatus[] = [
  "open",
  "in_review",
  "cleared_false_positive",
  "confirmed",
  "referred_to_protection",
  "escalated",
  "closed",
];
const ctx = {
  legalBases: ["Schengen Borders Code Art. 8", "UNSCR 2253 travel ban"],
  protection: { open: false },
};
const decision = (over: Partial<Decision> = {}): Decision => ({
  by: "officer-1",
  at: "2026-11-28T10:00:00Z",
  outcome: "confirmed",
  reason: "Name, date of birth and passport number match the listing.",
  legalBasis: "UNSCR 2253 travel ban",
  ...over,
});

// A small deterministic PRNG, so the property test is reproducible.
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("alert lifecycle", () => {
  it("allows only the documented transitions", () => {
    expect(canMove("open", "in_review")).toBe(true);
    expect(canMove("open", "confirmed")).toBe(false);
    expect(canMove("in_review", "cleared_false_positive")).toBe(true);
    expect(canMove("closed", "open")).toBe(false);
    for (const o of OUTCOMES) expect(canMove(o, "closed")).toBe(true);
  });

  it("never reaches an illegal state under random transition sequences (property)", () => {
    const rand = prng(2396);
    for (let run = 0; run < 2000; run++) {
      let state: AlertStatus = "open";
      const seen: AlertStatus[] = [state];
      for (let step = 0; step < 8; step++) {
        const next = STATUSES[Math.floor(rand() * STATUSES.length)]!;
        if (canMove(state, next)) {
          state = next;
          seen.push(state);
        }
      }
      // Every path is a prefix of open → in_review → outcome → closed.
      expect(seen[0]).toBe("open");
      if (seen.length > 1) expect(seen[1]).toBe("in_review");
      if (seen.length > 2) expect(OUTCOMES).toContain(seen[2]);
      if (seen.length > 3) expect(seen[3]).toBe("closed");
      expect(seen.length).toBeLessThanOrEqual(4);
    }
  });
});

describe("decisions", () => {
  it("needs a reason of at least 20 characters and a configured legal basis", () => {
    expect(checkDecision("in_review", decision({ reason: "match" }), ctx).map((e) => e.code)).toEqual([
      "reason_required",
    ]);
    expect(
      checkDecision("in_review", decision({ legalBasis: "gut feeling" }), ctx).map((e) => e.code),
    ).toEqual(["unknown_legal_basis"]);
    expect(checkDecision("in_review", decision(), ctx)).toEqual([]);
  });

  it("needs a second, different officer for an adverse action (four-eyes)", () => {
    expect(
      checkDecision("in_review", decision({ adverseAction: "refusal_of_entry" }), ctx).map((e) => e.code),
    ).toEqual(["second_officer_required"]);
    expect(
      checkDecision(
        "in_review",
        decision({ adverseAction: "refusal_of_entry", approvedBy: "officer-1" }),
        ctx,
      ).map((e) => e.code),
    ).toEqual(["same_officer"]);
    expect(
      checkDecision(
        "in_review",
        decision({ adverseAction: "refusal_of_entry", approvedBy: "officer-2" }),
        ctx,
      ),
    ).toEqual([]);
  });

  it("bars refusal, return and removal while a protection need is open, but not the confirmation itself", () => {
    const protectedCtx = { ...ctx, protection: { open: true } };
    expect(checkDecision("in_review", decision(), protectedCtx)).toEqual([]);
    for (const action of ["refusal_of_entry", "return", "removal"] as const) {
      const errors = checkDecision(
        "in_review",
        decision({ adverseAction: action, approvedBy: "officer-2" }),
        protectedCtx,
      );
      expect(errors.map((e) => e.code)).toEqual(["protection_bar"]);
      expect(errors[0]!.message).toMatch(/non-refoulement/);
    }
    // Seizing a stolen document is not a return: it stays possible.
    expect(
      checkDecision(
        "in_review",
        decision({ adverseAction: "seizure", approvedBy: "officer-2" }),
        protectedCtx,
      ),
    ).toEqual([]);
    // Once the referral is closed, the refusal is allowed again.
    expect(
      checkDecision(
        "in_review",
        decision({ adverseAction: "refusal_of_entry", approvedBy: "officer-2" }),
        ctx,
      ),
    ).toEqual([]);
  });

  it("rejects a decision on an alert that is not in review", () => {
    expect(checkDecision("open", decision(), ctx).map((e) => e.code)).toEqual(["illegal_transition"]);
    expect(
      checkDecision("closed", decision({ outcome: "cleared_false_positive" }), ctx).map((e) => e.code),
    ).toEqual(["illegal_transition"]);
  });
});
