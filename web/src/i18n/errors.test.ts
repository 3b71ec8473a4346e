import { describe, expect, it } from "vitest";
import { errorText } from "./index";

describe("errorText", () => {
  it("fills the code's message with the error's params", () => {
    expect(errorText("too_many_attempts", { retryAfterSeconds: 30 }, "too many attempts")).toBe(
      "Too many attempts. Try again in 30 seconds.",
    );
  });

  it("shows the server's message for a code it does not know", () => {
    expect(errorText("rule_expired", { id: "r1" }, "rule r1 has expired")).toBe("rule r1 has expired");
  });

  it("shows the server's message when a parameter its text needs did not come", () => {
    expect(errorText("unknown_crossing_point", {}, "no crossing point XY-1")).toBe("no crossing point XY-1");
  });

  it("needs no params for a message without any", () => {
    expect(errorText("forbidden", undefined, 'permission "screen" required')).toBe(
      "Your role may not do this.",
    );
  });
});
