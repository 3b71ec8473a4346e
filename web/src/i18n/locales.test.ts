/// <reference types="vite/client" />
// The translations: every key of English with functions of the same arity, a glossary of the border terms
// per language, no English left (except the documented loan terms), and CLDR plurals on real messages.
import { describe, expect, it } from "vitest";
import { en, type Strings } from "./en";
import { LOCALES } from "./index";
import { LOAN_TERMS } from "./loan-terms";
import { srLatn } from "./locales/sr-Latn";

const TRANSLATIONS = Object.entries(LOCALES).filter(([tag]) => tag !== "en" && tag !== "en-XA");

/** Every key path with its kind; a function carries its arity. */
function shape(v: unknown, path = ""): string[] {
  if (typeof v === "function") return [`${path}()/${v.length}`];
  if (v && typeof v === "object")
    return Object.entries(v).flatMap(([k, x]) => shape(x, path ? `${path}.${k}` : k));
  return [`${path}: ${typeof v}`];
}

/**
 * A stand-in argument: a number where arithmetic or plural rules want one, its digits in text, and
 * itself for any property (so `d.added` or `by.toLowerCase()` work too).
 */
function sample(n: number): unknown {
  const self: unknown = new Proxy(() => undefined, {
    get: (_, key) =>
      key === Symbol.toPrimitive ? (hint: string) => (hint === "string" ? String(n) : n) : self,
    apply: () => self,
  });
  return self;
}

/** Argument lists beyond the plain samples, for the branches a function takes only on certain values. */
const BRANCHES: Record<string, unknown[][]> = {
  "manifests.summary": [[10, 2, 12]],
  "alerts.shown": [
    [5, 5],
    [2, 5],
  ],
  "alerts.reasons": [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  "watchlists.stagedNotice": [[null], [3]],
  "watchlists.breach": ["removed_share", "schema_emptied", "source_date_backwards"].map((code) => [
    code,
    sample(7),
    "",
  ]),
};

/** Every text a locale shows, by key path; functions called on samples of 1, 2 and 5 and on BRANCHES. */
function texts(v: unknown, path = ""): [string, string][] {
  if (typeof v === "string") return [[path, v]];
  if (typeof v === "function") {
    const calls = [1, 2, 5].map((n) => Array.from({ length: Math.max(v.length, 1) }, () => sample(n)));
    return [...calls, ...(BRANCHES[path] ?? [])].map((args, i) => [`${path}#${i}`, String(v(...args))]);
  }
  if (v && typeof v === "object")
    return Object.entries(v).flatMap(([k, x]) => texts(x, path ? `${path}.${k}` : k));
  return [];
}

// Words of English UI text that are not also words of the region's Latin-script languages (Serbian,
// Bosnian, Croatian, Montenegrin, Albanian, Turkish, French): "status", "format", "document", "version",
// "note", "to", "on" and the like are left out, since a correct translation may contain them.
const ENGLISH_WORDS = new Set(
  `the and of with from your you this that these not all any more show save saved failed could cannot
  loading sign signed password username user users search check checking clear cleared refer alert alerts
  queue watchlist watchlists rule rules hit hits match matches traveller nationality birth surname given
  crossing point upload uploading approve approved reject decision reason deadline overdue open closed
  back next previous first line none yet only here is are was were been has have will would must should
  which what when where who why how new old try again entry exit list role roles name names key officer
  asylum request child victim removal return refusal seizure day days hours seconds week carrier number
  result results reference priority high immediate confirmed escalated recorded pending withdrawn aliases
  remarks sex gender comparisons outcome agrees partly available language account current repeat confirm
  limit breaks safety approval live among them uploaded expires guard accepts value fact author evidence
  review owner statistics fairness disparity warnings select chain verify newer older entries erased
  overview screenings crossings refers authority trafficking create created disabled enable disable
  attempts address addresses failures last something wrong skip expired please second-line first-line`
    .split(/\s+/)
    .filter(Boolean),
);

/** The text without the loan terms that apply to the locale, nor the `{param}` placeholders of errors. */
function withoutLoanTerms(s: string, tag: string): string {
  return LOAN_TERMS.filter((l) => !l.locales || l.locales.includes(tag))
    .map(({ term }) => {
      const escaped = term.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
      return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu");
    })
    .reduce((acc, re) => acc.replace(re, " "), s.replace(/\{\w+\}/g, " "));
}
const latinLetters = (s: string) => (s.match(/[A-Za-z]/g) ?? []).length;
const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;

/** The faults "no English left" finds in a locale, one line each (empty when there are none). */
function englishLeft(strings: Strings, tag: string): string[] {
  const english = new Map(texts(en));
  const own = texts(strings);
  // A locale in another script (Cyrillic, Greek, Arabic) may keep no Latin letter beyond the loan terms.
  const all = own.map(([, s]) => s).join(" ");
  const otherScript = latinLetters(all) < letters(all) / 2;
  const faults: string[] = [];
  for (const [path, text] of own) {
    const rest = withoutLoanTerms(text, tag);
    if (english.get(path) === text && letters(rest) > 0) faults.push(`${path}: same as English: ${text}`);
    else if (otherScript && latinLetters(rest) > 0) faults.push(`${path}: Latin letters left: ${text}`);
    else {
      const words = rest.toLowerCase().match(/[\p{L}-]+/gu) ?? [];
      const found = words.filter((w) => ENGLISH_WORDS.has(w));
      if (found.length) faults.push(`${path}: English word(s) ${found.join(", ")}: ${text}`);
    }
  }
  return faults;
}

describe("translations", () => {
  it("are registered: the five of this change at least", () => {
    expect(TRANSLATIONS.map(([tag]) => tag)).toEqual(
      expect.arrayContaining(["sr-Cyrl", "sr-Latn", "bs", "mk", "el"]),
    );
  });

  it.each(TRANSLATIONS)("%s has every key of English, functions of the same arity", (_, l) => {
    expect(shape(l.strings())).toEqual(shape(en));
  });

  it.each(TRANSLATIONS)("%s keeps each error's {placeholders}", (_, l) => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [code, message] of Object.entries(en.errors))
      expect([code, names(l.strings().errors[code] ?? "")]).toEqual([code, names(message)]);
  });

  it.each(TRANSLATIONS)("%s has no English left, except the documented loan terms", (tag, l) => {
    expect(englishLeft(l.strings(), tag)).toEqual([]);
  });

  it("finds English left behind: a key left in English, or an English phrase in a translation", () => {
    const untranslated = { ...srLatn, check: { ...srLatn.check, failed: en.check.failed } };
    expect(englishLeft(untranslated, "sr-Latn")).toEqual([
      `check.failed: same as English: ${en.check.failed}`,
    ]);
    const mixed = {
      ...srLatn,
      detail: { ...srLatn.detail, title: (r: string) => `Upozorenje ${r} (alert)` },
    };
    expect(englishLeft(mixed, "sr-Latn")).toHaveLength(3);
    const latinInCyrillic = LOCALES["sr-Cyrl"].strings();
    expect(
      englishLeft({ ...latinInCyrillic, nav: { ...latinInCyrillic.nav, audit: "Revizija" } }, "sr-Cyrl"),
    ).toEqual(["nav.audit: Latin letters left: Revizija"]);
  });

  it("documents a reason for every loan term", () => {
    for (const { term, reason } of LOAN_TERMS) expect([term, reason.length > 5]).toEqual([term, true]);
  });
});

interface Glossary {
  locale: string;
  terms: { en: string; term: string; confidence: string; note?: string }[];
}
const GLOSSARIES = import.meta.glob<Glossary>("./glossaries/*.json", { eager: true, import: "default" });
const REQUIRED = ["refer", "second line", "alert", "clearance", "asylum request", "non-refoulement"];

describe("glossaries", () => {
  it.each(TRANSLATIONS)("%s has one, with the six border terms and a valid confidence for each", (tag) => {
    const glossary = GLOSSARIES[`./glossaries/${tag}.json`];
    expect(glossary, `web/src/i18n/glossaries/${tag}.json`).toBeDefined();
    expect(glossary!.locale).toBe(tag);
    expect(glossary!.terms.map((t) => t.en)).toEqual(expect.arrayContaining(REQUIRED));
    for (const t of glossary!.terms) {
      expect(
        Object.keys(t).every((k) => ["en", "term", "confidence", "note"].includes(k)),
        t.en,
      ).toBe(true);
      expect(["certain", "to review"], t.en).toContain(t.confidence);
      expect(t.term.trim(), t.en).not.toBe("");
    }
  });
});

describe("plural forms on real messages", () => {
  it("Serbian (Latin) takes one, few and other: 1, 2, 5, 21, 22, 25", () => {
    expect([1, 2, 5, 21, 22, 25].map((n) => srLatn.sync.days(n))).toEqual([
      "1 dan",
      "2 dana",
      "5 dana",
      "21 dan",
      "22 dana",
      "25 dana",
    ]);
    expect([1, 2, 5, 21, 22, 25].map((n) => srLatn.alerts.reasons(0, n, 0))).toEqual([
      "1 pogodak po ispravi",
      "2 pogotka po ispravi",
      "5 pogodaka po ispravi",
      "21 pogodak po ispravi",
      "22 pogotka po ispravi",
      "25 pogodaka po ispravi",
    ]);
  });

  it("Serbian (Cyrillic), Bosnian and Macedonian follow their own CLDR rules", () => {
    const cyrl = LOCALES["sr-Cyrl"].strings();
    expect([1, 3, 11, 21].map((n) => cyrl.alerts.reasons(n, 0, 0))).toEqual([
      "1 поклапање",
      "3 поклапања",
      "11 поклапања",
      "21 поклапање",
    ]);
    expect([1, 4, 5].map((n) => LOCALES.bs.strings().sync.days(n))).toEqual(["1 dan", "4 dana", "5 dana"]);
    // Macedonian has no `few`: 21 is `one`, 11 is not.
    expect([1, 2, 11, 21].map((n) => LOCALES.mk.strings().alerts.reasons(0, 0, n))).toEqual([
      "1 погодок по правило",
      "2 погодоци по правило",
      "11 погодоци по правило",
      "21 погодок по правило",
    ]);
  });

  it("Arabic shows each of its six forms (zero, one, two, few, many, other) on screen, with Latin digits", () => {
    const ar = LOCALES.ar.strings();
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
    // Some message of one count takes at least five distinct word forms over 0, 1, 2, 3, 11 and 100
    // (digits aside; zero may share the `other` wording).
    const counted = texts(ar)
      .filter(([path]) => path.endsWith("#0"))
      .map(([path]) => path.slice(0, -2));
    const forms = counted.map((path) => {
      const fn = path
        .split(".")
        .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], ar);
      if (typeof fn !== "function" || fn.length !== 1) return 0;
      const words = [0, 1, 2, 3, 11, 100].map((n) => String(fn(n)).replace(/[\d\u0660-\u0669]/g, ""));
      return new Set(words).size;
    });
    expect(Math.max(...forms)).toBeGreaterThanOrEqual(5);
  });
});
