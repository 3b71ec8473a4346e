// The UI in Arabic is a right-to-left layout, not mirrored text: officers sign in choosing Arabic, and the
// first-line check and the alert detail run right to left, keep the MRZ left to right and the names in
// their own direction, and nothing spills sideways on a desktop (1280×800) or a booth tablet in portrait
// (800×1280). The language is remembered for the user. With LIMES_README_SCREENSHOTS=1 the run also
// writes the README's screenshots of the Arabic and the Albanian UI (docs/screenshots/).
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { REPO_ROOT } from "../support/paths.js";
import { describeWithService } from "../support/services.js";
import { apiAs } from "./support/api.js";
import { type E2eApp, PASSWORD, shot, startE2e } from "./support/app.js";
import { td3 } from "./support/mrz.js";

// Gaston IYAMUREMYE is on the UN list (DRC regime, CDi.003), born 1948, Rwandan.
const LISTED_MRZ = td3({
  issuer: "RWA",
  surname: "IYAMUREMYE",
  givenNames: "GASTON",
  number: "PC1234567",
  nationality: "RWA",
  birth: "480315",
  sex: "M",
  expiry: "300101",
});

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
];

/**
 * What spills sideways at the current viewport: the document's scroll width beyond its client width,
 * and every element wider than the viewport or reaching past either edge (an RTL page spills left).
 */
const OVERFLOW = `(() => {
  const vw = document.documentElement.clientWidth;
  const spilled = [...document.querySelectorAll("body *")]
    .filter((el) => el.getClientRects().length > 0)
    .filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > vw + 0.5 || r.right > vw + 0.5 || r.left < -0.5;
    })
    .map((el) => el.tagName.toLowerCase() + (el.className ? "." + el.className : "") + ": " + (el.textContent || "").slice(0, 40));
  return { scrollWidth: document.documentElement.scrollWidth, clientWidth: vw, spilled };
})()`;

interface Overflow {
  scrollWidth: number;
  clientWidth: number;
  spilled: string[];
}

/** What the page's window offers the test (whose tsconfig has no DOM types). */
type Win = { getComputedStyle(el: unknown): { direction: string } };

/** The computed `direction` of the first element matching `selector`. */
const direction = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => (globalThis as unknown as Win).getComputedStyle(el).direction);

describeWithService("browser", "web UI in Arabic, right to left", () => {
  let e2e: E2eApp;
  let reference = "";
  const pages: Page[] = [];
  const readme = process.env.LIMES_README_SCREENSHOTS === "1";

  /** Signs in through the form with `locale` picked on it, as an officer does at the start of a shift. */
  const signInIn = async (username: string, locale?: string) => {
    const page = await e2e.browser.newPage();
    pages.push(page);
    await page.goto("/");
    if (locale) await page.locator('select[name="locale"]').selectOption(locale);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.locator("header button").last().waitFor();
    return page;
  };

  /** The screen fits every viewport: no sideways scroll, no element past the edges. */
  const fits = async (page: Page, name: string) => {
    for (const vp of VIEWPORTS) {
      await page.setViewportSize(vp);
      const o = (await page.evaluate(OVERFLOW)) as Overflow;
      expect([name, vp.width, o.spilled]).toEqual([name, vp.width, []]);
      expect(o.scrollWidth, `${name} at ${vp.width}×${vp.height}`).toBeLessThanOrEqual(o.clientWidth);
      await shot(page, `rtl-${name}-${vp.width}x${vp.height}`);
    }
    await page.setViewportSize(VIEWPORTS[0]!);
  };

  const readmeShot = async (page: Page, file: string) => {
    if (readme) await page.screenshot({ path: join(REPO_ROOT, "docs", "screenshots", file) });
  };

  beforeAll(async () => {
    e2e = await startE2e({ booth: ["first_line"], reviewer: ["second_line"], kontrolli: ["second_line"] });
  }, 180_000);

  afterAll(async () => {
    for (const p of pages) await p.close().catch(() => undefined);
    await e2e?.close();
  });

  it("the first-line check runs right to left, keeps the MRZ left to right, and fits desktop and tablet", async () => {
    const page = await signInIn("booth", "ar");
    expect(await page.evaluate("[document.documentElement.lang, document.documentElement.dir]")).toEqual([
      "ar",
      "rtl",
    ]);
    await page.getByRole("heading", { name: "فحص الخط الأول" }).waitFor();
    expect(await direction(page, "main")).toBe("rtl");
    const mrz = page.locator('textarea[name="mrz"]');
    expect(await mrz.getAttribute("dir")).toBe("ltr");
    expect(await direction(page, 'textarea[name="mrz"]')).toBe("ltr");

    await mrz.fill(LISTED_MRZ);
    await mrz.press("Enter");
    const verdict = page.getByTestId("verdict");
    await verdict.waitFor();
    expect(await verdict.textContent()).toContain("إحالة إلى الخط الثاني");
    expect(await direction(page, '[data-testid="verdict"]')).toBe("rtl");
    reference = ((await verdict.locator("strong").textContent()) ?? "").trim();
    expect(reference).not.toBe("");
    await fits(page, "first-line");
    await readmeShot(page, "ar-first-line.png");
  });

  it("the alert detail runs right to left, with the names in their own direction, and fits", async () => {
    expect(reference, "the first-line flow gives the alert's reference").not.toBe("");
    const page = await signInIn("reviewer", "ar");
    await page.getByRole("link", { name: reference }).click();
    // The reference is set in its own direction inside the Arabic title (a first-strong isolate).
    await page.getByRole("heading", { name: `التنبيه \u2068${reference}\u2069` }).waitFor();
    await page.locator(".light-green").first().waitFor();
    expect(await direction(page, "main")).toBe("rtl");
    // The names keep their own direction inside the right-to-left page.
    const names = page.locator("bdi.name");
    expect(await names.count()).toBeGreaterThan(0);
    expect(await names.first().getAttribute("dir")).toBe("auto");
    expect(await direction(page, '[data-testid="query-name"] bdi')).toBe("ltr");
    // The way back points right, to where a right-to-left reader came from.
    expect(await page.getByRole("link", { name: /العودة إلى القائمة/ }).textContent()).toMatch(/^→/);
    await fits(page, "alert-detail");
    await readmeShot(page, "ar-alert-detail.png");

    // Remembered for the user: the next sign-in, picking nothing, is in Arabic again.
    const again = await signInIn("reviewer");
    expect(await again.evaluate("document.documentElement.dir")).toBe("rtl");
    const me = await (await apiAs(e2e.server.url, "reviewer")).ok<{ user?: { locale?: string } }>(
      "GET",
      "/auth/me",
    );
    expect(me.user?.locale ?? (me as { locale?: string }).locale).toBe("ar");
  });

  it("the alert queue and detail in Albanian stay left to right", async () => {
    const page = await signInIn("kontrolli", "sq");
    expect(await page.evaluate("document.documentElement.dir")).toBe("ltr");
    await page.getByRole("heading", { name: "Radha e sinjalizimeve" }).waitFor();
    expect(await direction(page, "main")).toBe("ltr");
    await page.getByRole("link", { name: reference }).click();
    await page.getByRole("heading", { name: `Sinjalizimi ${reference}` }).waitFor();
    await page.locator(".light-green").first().waitFor();
    await fits(page, "alert-detail-sq");
    await readmeShot(page, "sq-alert-detail.png");
  });
});
