import { describe, expect, it } from "vitest";
import { clearanceNeedsSecondOfficer } from "./clearance.js";

const reasons = (programmes: string[]) => ({ programmes, matches: [] });

describe("clearanceNeedsSecondOfficer", () => {
  it("asks for four-eyes on a terrorism-listed match whatever its priority", () => {
    expect(clearanceNeedsSecondOfficer({ priority: "standard", reasons: reasons(["NAT-TERR"]) })).toMatch(
      /terrorism-related programme \(NAT-TERR\)/,
    );
    expect(
      clearanceNeedsSecondOfficer({ priority: "standard", reasons: reasons(["Al-Qaida"]) }),
    ).toBeDefined();
  });

  it("asks for four-eyes on high and immediate priority", () => {
    expect(clearanceNeedsSecondOfficer({ priority: "high", reasons: reasons([]) })).toMatch(/high priority/);
    expect(clearanceNeedsSecondOfficer({ priority: "immediate", reasons: reasons([]) })).toMatch(/immediate/);
  });

  it("lets one officer clear a standard-priority match on another programme", () => {
    expect(
      clearanceNeedsSecondOfficer({ priority: "standard", reasons: reasons(["NAT-ORGCRIME"]) }),
    ).toBeUndefined();
  });
});
