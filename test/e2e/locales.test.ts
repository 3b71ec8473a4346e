// The booth and the alert detail in Serbian Cyrillic and in Greek, in a real browser: the officer picks the
// language on the sign-in page, the screens speak it (no label left in English), and nothing overflows
// sideways on a desktop (1280×800) or a booth tablet in portrait (800×1280).
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { en } from "../../web/src/i18n/en.js";
import { LOAN_TERMS } from "../../web/src/i18n/loan-terms.js";
import { describeWithService } from "../support/services.js";
import { type E2eApp, PASSWORD, shot, startE2e } from "./support/app.js";
import { td3 } from "./support/mrz.js";

/** What each language's screens must show (its own words, written here independently of the modules). */
const LANGUAGES = [
  {
    tag: "sr-Cyrl",
    script: /\p{Script=Cyrillic}/u,
    signIn: "Пријави се",
    signOut: "Одјава",
    mrz: "MRZ (налепите или откуцајте оба реда)",
    refer: "УПУТИТИ НА ДРУГУ ЛИНИЈУ",
    reference: "Референтни број",
    queue: "Ред упозорења",
    alert: (ref: string) => `Упозорење ${ref}`,
    number: "PC1111111",
  },
  {
    tag: "el",
    script: /\p{Script=Greek}/u,
    signIn: "Σύνδεση",
    signOut: "Αποσύνδεση",
    mrz: "MRZ (επικολλήστε ή πληκτρολογήστε και τις δύο γραμμές)",
    refer: "ΠΑΡΑΠΟΜΠΗ ΣΤΗ ΔΕΥΤΕΡΗ ΓΡΑΜΜΗ",
    reference: "Αριθμός αναφοράς",
    queue: "Ουρά ειδοποιήσεων",
    alert: (ref: string) => `Ειδοποίηση ${ref}`,
    number: "PD2222222",
  },
] as const;
type Language = (typeof LANGUAGES)[number];

// Gaston IYAMUREMYE is on the UN list (DRC regime, CDi.003), born 1948, Rwandan: the booth must refer him.
const listedMrz = (number: string) =>
  td3({
    issuer: "RWA",
    surname: "IYAMUREMYE",
    givenNames: "GASTON",
    number,
    nationality: "RWA",
    birth: "480315",
    sex: "M",
    expiry: "300101",
  });

/** Every plain English string of the UI: none may be the whole text of an element in another language. */
function englishStrings(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (v && typeof v === "object") return Object.values(v).flatMap(englishStrings);
  return [];
}
const LOAN = new Set(LOAN_TERMS.map((l) => l.term));
const ENGLISH = [...new Set(englishStrings(en))].filter((s) => /[a-z]{3}/.test(s) && !LOAN.has(s));

/**
 * The page's labels (headings, table and list headers, form labels, buttons, links, the verdict) with
 * their text, and the elements that stick out of the viewport's width (outside a scrolling box).
 */
const INSPECT = `(() => {
  const labels = [...document.querySelectorAll("h1,h2,h3,h4,th,dt,label,legend,button,a,caption,.verdict-word,option:checked")]
    .filter((el) => el.getClientRects().length > 0)
    .map((el) => (el.tagName === "LABEL" ? [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(" ") : el.textContent).trim())
    .filter(Boolean);
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if (x === "auto" || x === "scroll") return true;
    }
    return false;
  };
  // Wholly off to the left is the visually-hidden pattern (the skip link until focused), not an overflow.
  const outside = [...document.querySelectorAll("body *")]
    .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > 0 && (r.right > width + 1 || r.left < -1) && !scrolls(el); })
    .map((el) => el.tagName.toLowerCase() + (el.className ? "." + el.className : "") + " " + (el.textContent || "").slice(0, 40));
  return {
    labels,
    outside,
    scrollWidth: document.documentElement.scrollWidth,
    width,
    lang: document.documentElement.lang,
    direction: getComputedStyle(document.body).direction,
  };
})()`;

interface Inspection {
  labels: string[];
  outside: string[];
  scrollWidth: number;
  width: number;
  lang: string;
  direction: string;
}

/** The screen speaks `lang` and fits 1280×800 and 800×1280; screenshots of both under test-results/. */
async function expectSpokenAndFitting(page: Page, lang: Language, screen: string): Promise<void> {
  for (const [width, height] of [
    [1280, 800],
    [800, 1280],
  ] as const) {
    await page.setViewportSize({ width, height });
    const seen = (await page.evaluate(INSPECT)) as Inspection;
    expect(seen.lang).toBe(lang.tag);
    expect(seen.direction).toBe("ltr");
    // In the language's script: most labels carry its letters (the rest are data such as a reference
    // or a list's name), and none is an English string of the UI.
    const own = seen.labels.filter((l) => lang.script.test(l));
    expect(own.length, seen.labels.join(" | ")).toBeGreaterThan(seen.labels.length * 0.6);
    expect(seen.labels.filter((l) => ENGLISH.includes(l))).toEqual([]);
    expect([screen, width, seen.outside]).toEqual([screen, width, []]);
    expect(seen.scrollWidth).toBeLessThanOrEqual(seen.width);
    await shot(page, `${screen}-${lang.tag}-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

describeWithService("browser", "web UI in Serbian Cyrillic and Greek", () => {
  let e2e: E2eApp;
  const pages: Page[] = [];
  const references: Record<string, string> = {};

  /** Signs in through the form, choosing the language there first. */
  const signInIn = async (lang: Language, username: string) => {
    const page = await e2e.browser.newPage();
    pages.push(page);
    await page.goto("/");
    await page.locator('select[name="locale"]').selectOption(lang.tag);
    await page.getByRole("button", { name: lang.signIn }).waitFor();
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole("button", { name: lang.signIn }).click();
    await page.getByRole("button", { name: lang.signOut }).waitFor();
    return page;
  };

  beforeAll(async () => {
    e2e = await startE2e({
      "booth-sr": ["first_line"],
      "reviewer-sr": ["second_line"],
      "booth-el": ["first_line"],
      "reviewer-el": ["second_line"],
    });
  }, 180_000);
  afterAll(async () => {
    for (const p of pages) await p.close().catch(() => undefined);
    await e2e?.close();
  });

  for (const lang of LANGUAGES) {
    it(`${lang.tag}: the first-line check refers a listed traveller, in ${lang.tag}, and fits`, async () => {
      const page = await signInIn(lang, `booth-${lang.tag === "el" ? "el" : "sr"}`);
      expect(new URL(page.url()).pathname).toBe("/check");
      const mrz = page.getByLabel(lang.mrz);
      await mrz.fill(listedMrz(lang.number));
      await mrz.press("Enter");
      const verdict = page.getByTestId("verdict");
      await verdict.waitFor();
      const text = (await verdict.textContent()) ?? "";
      expect(text).toContain(lang.refer);
      references[lang.tag] = new RegExp(`${lang.reference}:\\s*(\\S+)`).exec(text)?.[1] ?? "";
      expect(references[lang.tag]).not.toBe("");
      await expectSpokenAndFitting(page, lang, "first-line");
    });

    it(`${lang.tag}: the alert detail, in ${lang.tag}, and fits`, async () => {
      const reference = references[lang.tag]!;
      expect(reference, "the check above gives the alert's reference").toBeTruthy();
      const page = await signInIn(lang, `reviewer-${lang.tag === "el" ? "el" : "sr"}`);
      await page.getByRole("heading", { name: lang.queue }).waitFor();
      await page.getByRole("link", { name: reference }).click();
      await page.getByRole("heading", { name: lang.alert(reference) }).waitFor();
      // Dates in the chosen language too, not the browser's English.
      const body = (await page.locator("main").textContent()) ?? "";
      expect(body).not.toMatch(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d|\d (AM|PM)\b/);
      await expectSpokenAndFitting(page, lang, "alert-detail");
    });
  }
});
