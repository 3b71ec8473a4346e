import { describe, expect, it } from "vitest";
import { commonPasswordCount, passwordProblem } from "./password-policy.js";

describe("password rules (NIST SP 800-63B)", () => {
  it("knows at least 10,000 common passwords", () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
  });

  it("refuses short, all-whitespace, common and padded-common passwords", () => {
    expect(passwordProblem("short one")).toMatch(/at least 12/);
    expect(passwordProblem(" ".repeat(12))).toBe("not only spaces");
    expect(passwordProblem("\t \u00a0".repeat(4))).toBe("not only spaces");
    expect(passwordProblem("1qaz2wsx3edc")).toMatch(/too common/);
    expect(passwordProblem("qwerty123456")).toMatch(/too common/);
    expect(passwordProblem("Password2024!")).toMatch(/too common/);
    expect(passwordProblem("monkeymonkey")).toMatch(/too common/);
    expect(passwordProblem("aaaaaaaaaaaaaaa")).toMatch(/too common/);
    expect(passwordProblem("officer7 is my name!", { username: "officer7" })).toMatch(/username/);
  });

  it("has no composition rules: a long phrase of lower-case words passes, and length counts characters", () => {
    expect(passwordProblem("correct horse battery staple")).toBeUndefined();
    expect(passwordProblem("a long enough password")).toBeUndefined();
    // Eleven characters of four bytes each are still eleven characters.
    expect(passwordProblem("😀".repeat(11))).toMatch(/at least 12/);
    expect(passwordProblem("пароль для границы")).toBeUndefined();
  });
});
