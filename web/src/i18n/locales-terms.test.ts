// The French, Arabic, Albanian and Turkish locales (locales.test.ts checks every locale's keys and English):
// every glossary term is the one the screens use,
// Arabic's six plural forms each reach the screen, error messages keep their {params}, and no English
// sentence is left behind.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en, type Strings } from "./en";
import { formatDateTime, formatNumber, joinWords, LOCALES, setLocale } from "./index";
import { ar } from "./locales/ar";

const TRANSLATED = ["fr", "ar", "sq", "tr"] as const;

/** Every text a locale shows, with functions called on sample arguments (as i18n.test.ts does). */
function texts(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (typeof v === "function") return [String(v("2", "3", "4", "5"))];
  if (v && typeof v === "object") return Object.values(v).flatMap(texts);
  return [];
}

interface Glossary {
  locale: string;
  terms: { en: string; term: string; confidence: "certain" | "to review"; note?: string }[];
}
const glossary = (tag: string): Glossary =>
  JSON.parse(readFileSync(join(import.meta.dirname, "glossaries", `${tag}.json`), "utf8"));

describe.each(TRANSLATED)("locale %s", (tag) => {
  const strings: Strings = LOCALES[tag].strings();

  it("uses its glossary's term for every border term, and the glossary has the required ones", () => {
    const g = glossary(tag);
    expect(g.locale).toBe(tag);
    expect(g.terms.map((x) => x.en)).toEqual(
      expect.arrayContaining([
        "refer",
        "second line",
        "alert",
        "clearance",
        "asylum request",
        "non-refoulement",
      ]),
    );
    const all = texts(strings).join("\n");
    for (const x of g.terms) {
      expect(["certain", "to review"]).toContain(x.confidence);
      expect(all.includes(x.term), `${tag}: ${x.en} → ${x.term}`).toBe(true);
    }
  });

  it("words every error code English words, with the same {params}", () => {
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(strings.errors).sort()).toEqual(Object.keys(en.errors).sort());
    for (const [code, text] of Object.entries(en.errors))
      expect([code, params(strings.errors[code]!)]).toEqual([code, params(text)]);
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

describe("Arabic plurals", () => {
  it("shows each of the six CLDR forms on screen, with Latin digits", () => {
    expect([0, 1, 2, 3, 11, 100].map((n) => ar.alerts.shown(n, n))).toEqual([
      "لا تنبيهات",
      "تنبيه واحد",
      "تنبيهان",
      "3 تنبيهات",
      "11 تنبيهًا",
      "100 تنبيه",
    ]);
    expect([0, 1, 2, 5, 99, 102].map((n) => ar.overview.days(n))).toEqual([
      "آخر 0 يوم",
      "آخر يوم واحد",
      "آخر يومان",
      "آخر 5 أيام",
      "آخر 99 يومًا",
      "آخر 102 يوم",
    ]);
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
