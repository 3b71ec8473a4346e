import { describe, expect, it } from "vitest";
import { detectScript } from "./script.js";

describe("detectScript", () => {
  it.each([
    ["Ramë Hoxha", "latin"],
    ["Đorđe Balašević", "latin"],
    ["Ђорђе Балашевић", "cyrillic"],
    ["Αλέξης Τσίπρας", "greek"],
    ["عبد الرحمن", "arabic"],
    ["علی خامنه‌ای", "arabic"],
    ["בנימין נתניהו", "hebrew"],
    ["习近平", "han"],
    ["김정은", "hangul"],
    ["バラク・オバマ", "kana"],
  ])("%s is %s", (name, script) => {
    expect(detectScript(name)).toBe(script);
  });
});
