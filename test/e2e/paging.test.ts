// The alert queue pages in a real browser: a ship's list with 55 listed persons opens 55 alerts; the
// queue shows the first 50 of 55, and "Show more" brings the rest.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs } from "./support/api.js";
import { type E2eApp, startE2e } from "./support/app.js";

// A FAL Form 6 (columns: test/fixtures/travel/README.md) of one person on the UN list (QDi.017, born
// 1960-06-29), 55 times with different document numbers: one alert each.
const FAL6 = [
  "# direction: arrival",
  "# vessel: MS PAGING TEST",
  "Family Name,Given Names,Nationality,Date of Birth,Place of Birth,Document Type,Document Number,Issuing State,Document Expiry,Port of Embarkation,Port of Disembarkation,Transit",
  ...Array.from(
    { length: 55 },
    (_, i) => `SHIHATA,THARWAT SALAH,EGY,1960-06-29,Cairo,P,A${1000 + i},EGY,2030-01-01,EGALY,ITNAP,no`,
  ),
  "",
].join("\n");

describe("web UI, paging", () => {
  let e2e: E2eApp;
  let page: Page | undefined;

  beforeAll(async () => {
    e2e = await startE2e({ reviewer: ["second_line"] });
    const reviewer = await apiAs(e2e.server.url, "reviewer");
    const r = await reviewer.ok<{ summary: { refer: number } }>(
      "POST",
      "/manifests?purpose=arrival%20check",
      FAL6,
      "text/plain",
    );
    expect(r.summary.refer).toBe(55);
  }, 180_000);
  afterAll(async () => {
    await page?.close().catch(() => undefined);
    await e2e?.close();
  });

  it("shows 50 of 55 alerts, and the other 5 after Show more", async () => {
    page = await e2e.signIn("reviewer");
    await page.getByRole("link", { name: "Alert queue" }).click();
    await page.getByText("50 of 55 alerts shown").waitFor();
    const rows = page.locator("table.queue tbody tr");
    expect(await rows.count()).toBe(50);
    await page.getByRole("button", { name: "Show more" }).click();
    await page.getByText("55 alerts", { exact: true }).waitFor();
    expect(await rows.count()).toBe(55);
    expect(await page.getByRole("button", { name: "Show more" }).count()).toBe(0);
    const references = await page.locator("table.queue tbody tr td.mono").allTextContents();
    expect(new Set(references).size).toBe(55);
  });
});
