// The French, Arabic, Albanian and Turkish locales: every glossary term is the one the screens use, no
// English sentence is left behind, and Arabic formats. locales.test.ts checks every locale's keys, error
// {params}, glossary shape and plural forms.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en, type Strings } from "./en";
import { formatDateTime, formatNumber, joinWords, LOCALES, setLocale } from "./index";

const TRANSLATED = ["fr", "ar", "sq", "tr"] as const;

/** Every text a locale shows, with functions called on sample arguments (as i18n.test.ts does). */
function texts(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (typeof v === "function") return [String(v("2", "3", "4", "5"))];
  if (v && typeof v === "object") return Object.values(v).flatMap(texts);
  return [];
}

interface Glossary {
  terms: { en: string; term: string }[];
}
const glossary = (tag: string): Glossary =>
  JSON.parse(readFileSync(join(import.meta.dirname, "glossaries", `${tag}.json`), "utf8"));

describe.each(TRANSLATED)("locale %s", (tag) => {
  const strings: Strings = LOCALES[tag].strings();

  it("uses its glossary's term for every border term", () => {
    const all = texts(strings).join("\n");
    for (const x of glossary(tag).terms)
      expect(all.includes(x.term), `${tag}: ${x.en} → ${x.term}`).toBe(true);
  });

  it("leaves no English sentence: a text equal to English is a name, a code or a loan word", () => {
    const english = texts(en);
    const same = texts(strings).filter((s, i) => s === english[i] && /[a-z]{3}/i.test(s));
    // Words the languages share with English, and the texts that are only values or codes.
    const LOANS =
      /^(Limes|Format|Version|Versions|Programme|Action|Actions|Documents|Document|Alias|Score|Statut|Condition \(JSON\)|Normal|Service|Initial|Total|Audit|Manifest|Conditions|administrator|Model|Calibre|intact|Occupants?( \d+)?|UN\/EDIFACT CUSCAR|CSV|PNG|SVG|JSON|VIN|MMSI|EUR|\d.*)$/;
    expect(same.filter((s) => !LOANS.test(s))).toEqual([]);
  });
});

describe("Arabic formats", () => {
  it("writes numbers and dates in Latin digits, and joins words with the Arabic comma", () => {
    expect(formatNumber(1234, "ar")).toBe("1,234");
    const date = formatDateTime(new Date(Date.UTC(2026, 10, 18, 9, 30)), "ar");
    expect(date).toMatch(/2026/);
    expect(date).not.toMatch(/[\u0660-\u0669]/);
    setLocale("ar");
    expect(joinWords(["الخط الأول", "محلل"])).toBe("الخط الأول، محلل");
    setLocale("en");
    expect(joinWords(["first line", "analyst"])).toBe("first line, analyst");
  });
});
