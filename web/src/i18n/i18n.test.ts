// Every locale has every key of English (and nothing else), the pseudo-locale leaves no plain English and
// is 40% longer, CLDR plural forms are picked per language, and server errors are read from their code.
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { errorText, LOCALES, plural, setLocale } from "./index";
import { pseudoText } from "./pseudo";

/** Every key path with the kind of its value: a translation must give a function where English does. */
function shape(v: unknown, path = ""): string[] {
  if (typeof v === "function") return [`${path}()`];
  if (v && typeof v === "object")
    return Object.entries(v).flatMap(([k, x]) => shape(x, path ? `${path}.${k}` : k));
  return [path];
}

/** Every string a locale shows, with functions called on sample arguments. */
function texts(v: unknown): string[] {
  if (typeof v === "string") return [v];
  // Digit strings: every function takes them (names, counts), and they carry no letters.
  if (typeof v === "function") return [String(v("2", "3", "4", "5"))];
  if (v && typeof v === "object") return Object.values(v).flatMap(texts);
  return [];
}

describe("locales", () => {
  it("each has exactly English's keys, functions where English has functions", () => {
    for (const [tag, l] of Object.entries(LOCALES))
      expect([tag, shape(l.strings())]).toEqual([tag, shape(en)]);
  });

  it("the pseudo-locale accents every letter and is at least 40% longer", () => {
    const pseudo = texts(LOCALES["en-XA"].strings());
    const english = texts(en);
    expect(pseudo.length).toBe(english.length);
    pseudo.forEach((p, i) => {
      const e = english[i]!;
      expect(p.length, e).toBeGreaterThanOrEqual(Math.ceil(e.length * 1.4));
      // No plain ASCII letter is left, except in the values a function was given (here digits only).
      expect(p, e).not.toMatch(/[A-Za-z]/);
    });
    expect(pseudoText("Sign in")).toBe("⟦Šíĝñ íñ~~~⟧");
  });
});

describe("plural", () => {
  const forms = { zero: "zero", one: "one", two: "two", few: "few", many: "many", other: "other" };
  it("gives Arabic its six CLDR forms", () => {
    expect([0, 1, 2, 3, 11, 100].map((n) => plural(n, forms, "ar"))).toEqual([
      "zero",
      "one",
      "two",
      "few",
      "many",
      "other",
    ]);
  });
  it("gives Serbian its three (one, few, other), also for 21 and 22", () => {
    expect([1, 2, 5, 21, 22, 25, 1.5].map((n) => plural(n, forms, "sr-Cyrl"))).toEqual([
      "one",
      "few",
      "other",
      "one",
      "few",
      "other",
      "other",
    ]);
  });
  it("writes the number in the locale's digits where `#` stands", () => {
    expect(plural(1234, { other: "# alerts" }, "fr")).toBe("1\u202f234 alerts");
  });
});

describe("server errors", () => {
  it("are read from their code in the officer's language, else shown as the server wrote them", () => {
    setLocale("en-XA");
    expect(errorText("forbidden", undefined, "permission required")).toBe(pseudoText(en.errors.forbidden!));
    expect(errorText("no_such_code", undefined, "as the server wrote it")).toBe("as the server wrote it");
    setLocale("en");
  });
});
