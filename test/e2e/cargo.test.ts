// The cargo manifest screen and the goods evidence in a real browser (issue 17): the 50-consignment CUSCAR
// fixture uploaded as an officer does, refers on top with their risk indicators and exactly one party
// match; that consignment's alert with the evidence side by side; a malformed message refused with the
// place of its fault; a firearm hit's alert with the confusable and unreadable characters marked; a stolen
// vehicle's plate and VIN, and a listed vessel's IMO number, beside the listed ones.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture } from "../support/paths.js";
import { type A11yReport, checkA11y } from "./support/a11y.js";
import { type ApiUser, apiAs } from "./support/api.js";
import { type E2eApp, shot, startE2e } from "./support/app.js";

const CUSCAR = fixture("cargo", "cuscar-50.edi");
const FILE_LABEL = "Manifest file (CUSCAR .edi, CSV or JSON)";

/** Problems the a11y smoke check finds at a desktop and a narrow viewport. */
async function a11yProblems(page: Page, at: string): Promise<string[]> {
  const problems: string[] = [];
  for (const [width, height] of [
    [1280, 800],
    [800, 1280],
  ] as const) {
    await page.setViewportSize({ width, height });
    const r: A11yReport = await checkA11y(page);
    const where = `${at} at ${width}×${height}`;
    problems.push(...r.unlabelled.map((f) => `${where}: field without a label: ${f}`));
    problems.push(...r.unnamedButtons.map((b) => `${where}: button without a name: ${b}`));
    problems.push(...r.unnamedLinks.map((l) => `${where}: link without a name: ${l}`));
    if (r.h1 !== 1) problems.push(`${where}: ${r.h1} h1 headings`);
    if (r.scrollWidth > r.viewportWidth) problems.push(`${where}: scrolls sideways (${r.scrollWidth})`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  return problems;
}

describe("web UI, cargo manifests and goods evidence", () => {
  let e2e: E2eApp;
  let reviewer: ApiUser;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2e({ reviewer: ["second_line"], booth: ["first_line"] });
    reviewer = await apiAs(e2e.server.url, "reviewer");
    page = await e2e.openSession(reviewer.token);
  }, 180_000);
  afterAll(async () => {
    await page?.close().catch(() => undefined);
    await e2e?.close();
  });

  it("screens the CUSCAR fixture: refers on top with their flags, exactly one party refer", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cargo" }).click();
    await page.getByLabel(FILE_LABEL).setInputFiles(CUSCAR);
    await page.getByRole("button", { name: "Screen manifest" }).click();
    await page.waitForURL(/\/cargo\/[0-9a-f-]{36}$/);
    const rows = page.getByTestId("consignment");
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(50);
    await page.getByTestId("cargo-summary").getByText("50 consignments, 5 referred").waitFor();
    await page.getByTestId("vessel-result").getByText("ADRIATIC TRADER · IMO 9074729").waitFor();

    const decisions = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-decision")));
    expect(decisions.slice(0, 5)).toEqual(["refer", "refer", "refer", "refer", "refer"]);
    expect(decisions.slice(5).every((d) => d === "clear")).toBe(true);
    const flagsOf = async (i: number) => [
      (await rows.nth(i).locator("th").locator(".mono").textContent()) ?? "",
      await rows.nth(i).getByTestId("flags").locator("li").allTextContents(),
    ];
    expect(await Promise.all([0, 1, 2, 3, 4].map(flagsOf))).toEqual([
      ["BL26008", ["Drug precursor or dual-use code"]],
      ["BL26012", ["Invalid container number"]],
      ["BL26023", ["Sanctioned vessel, carrier or party"]],
      ["BL26031", ["Arms or explosives (HS chapter 93/36)"]],
      ["BL26044", ["Description contradicts the HS code"]],
    ]);

    // Exactly one party matched a listed organisation: BL26023's consignee, a transliteration variant.
    const matched = page.locator('[data-testid="party"][data-matched="true"]');
    expect(await matched.count()).toBe(1);
    const partyRow = rows.filter({ has: matched });
    expect(await partyRow.locator("th .mono").textContent()).toBe("BL26023");
    expect(await matched.textContent()).toContain("Consignee: Al Wassel and Babil General Trading LLC");
    expect(await matched.textContent()).toContain("matches AL WASEL AND BABEL GENERAL TRADING LLC");
    // Every referred consignment links to its alert, and no clear one does.
    expect(await rows.getByRole("link", { name: /^Open the alert on consignment/ }).count()).toBe(5);
    expect(await a11yProblems(page, "cargo manifest")).toEqual([]);
    await shot(page, "cargo-manifest");
  }, 120_000);

  it("opens the party refer's alert: the declared party beside the listed one, goods and containers", async () => {
    await page.getByRole("link", { name: "Open the alert on consignment BL26023" }).click();
    const evidence = page.getByTestId("subject-evidence");
    await evidence.waitFor();
    expect(await evidence.getByTestId("subject-label").textContent()).toBe("Consignment BL26023");
    const party = evidence.locator('[data-kind="listed_party"]').first();
    const row = party.getByRole("row", { name: /Party \(consignee\)/ });
    expect(await row.locator("td").allTextContents()).toEqual([
      "Al Wassel and Babil General Trading LLC",
      "AL WASEL AND BABEL GENERAL TRADING LLC",
      expect.stringMatching(/^name match, score 0\.\d\d$/),
    ]);
    const goods = evidence.getByTestId("evidence-goods").first().locator("tbody tr");
    expect(await goods.count()).toBeGreaterThan(0);
    expect(await goods.first().locator("th").textContent()).toMatch(/^\d{6}$/);
    const container = evidence.getByTestId("evidence-containers").first().locator("tbody td");
    expect(await container.first().textContent()).toBe("✓ ISO 6346 check digit correct");
    expect(await a11yProblems(page, "consignment alert")).toEqual([]);
    await shot(page, "cargo-alert-party");

    // The invalid container's alert shows the number with its check-digit verdict.
    await page.goBack();
    await page.getByRole("link", { name: "Open the alert on consignment BL26012" }).click();
    const verdicts = page.getByTestId("subject-evidence").getByTestId("evidence-containers").first();
    await verdicts.waitFor();
    expect(await verdicts.locator('td[data-valid="false"]').first().textContent()).toMatch(
      /^✗ check digit \d should be \d$/,
    );
  }, 120_000);

  it("shows the booth each consignment's result and flags, not which listed entity matched", async () => {
    const booth = await e2e.openSession((await apiAs(e2e.server.url, "booth")).token);
    try {
      await booth.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cargo" }).click();
      await booth.getByLabel(FILE_LABEL).setInputFiles(CUSCAR);
      await booth.getByRole("button", { name: "Screen manifest" }).click();
      const rows = booth.getByTestId("consignment");
      await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(50);
      await booth.getByText("Your role sees each consignment's result and risk indicators").waitFor();
      expect(await rows.first().getByTestId("flags").textContent()).toBe("Drug precursor or dual-use code");
      expect(await booth.getByTestId("party").count()).toBe(0);
      expect(await booth.getByText("AL WASEL AND BABEL", { exact: false }).count()).toBe(0);
    } finally {
      await booth.close();
    }
  }, 60_000);

  it("refuses a malformed CUSCAR with the place of its fault, and records nothing", async () => {
    await page.goto("/cargo");
    const broken = readFileSync(CUSCAR, "utf8").replace("GID+1+31:CT'", "GID+1+31:CT");
    await page.getByLabel(FILE_LABEL).setInputFiles({
      name: "broken.edi",
      mimeType: "text/plain",
      buffer: Buffer.from(broken),
    });
    await page.getByRole("button", { name: "Screen manifest" }).click();
    const fault = page.getByTestId("cargo-fault");
    await fault.waitFor();
    expect(await fault.textContent()).toContain("The manifest was not screened");
    expect(await fault.locator("li").allTextContents()).toEqual([
      expect.stringMatching(/^segment \d+ \(line \d+, [A-Z]{3}\)$/),
    ]);
    expect(await fault.textContent()).toContain("Nothing was recorded.");
    expect(page.url()).toMatch(/\/cargo$/);
  }, 60_000);

  it("shows a firearm hit's serial beside the listed one, confusable and unreadable characters marked", async () => {
    // Read off the weapon: 8 for B and O for 0 (confusable), the sixth character unreadable.
    const check = await reviewer.ok<{ alertId: string; hits: { entityId: string }[] }>(
      "POST",
      "/firearm-checks",
      { serial: "8O512?37", make: "Zastava", purpose: "baggage control" },
    );
    expect(check.hits[0]?.entityId).toBe("FA-0001");
    await page.goto(`/alerts/${check.alertId}`);
    const hit = page.locator('[data-kind="listed_firearm"]').first();
    await hit.waitFor();
    const declared = hit.getByTestId("declared-serial");
    const listed = hit.getByTestId("listed-serial");
    expect(await declared.textContent()).toBe("8O512?37");
    expect(await listed.textContent()).toBe("B0512837");
    expect(await declared.locator("mark.mark-confusable").allTextContents()).toEqual(["8", "O"]);
    expect(await listed.locator("mark.mark-confusable").allTextContents()).toEqual(["B", "0"]);
    expect(await declared.locator("mark.mark-unreadable").allTextContents()).toEqual(["?"]);
    expect(await listed.locator("mark.mark-unreadable").allTextContents()).toEqual(["8"]);
    expect(await hit.getByTestId("mark-legend").locator("li").allTextContents()).toEqual([
      "position 1: 8 read where the list has B (confusable) 8/B",
      "position 2: O read where the list has 0 (confusable) 0/O/D/Q",
      "position 6: unreadable, the list has 8",
    ]);
    expect(await a11yProblems(page, "firearm alert")).toEqual([]);
    await shot(page, "firearm-alert-evidence");
  }, 60_000);

  it("shows a stolen vehicle's plate and VIN beside the listed ones, the differing character marked", async () => {
    // The listed Golf's VIN, with a plate read 8 for B.
    const check = await reviewer.ok<{ vehicle: { alertId: string } }>("POST", "/vehicle-checks", {
      plate: { country: "HR", number: "ZG 1234-A8" },
      vin: "WVWZZZ1KZAW123456",
      make: "Volkswagen",
      direction: "entry",
      occupants: [],
      purpose: "entry check",
    });
    await page.goto(`/alerts/${check.vehicle.alertId}`);
    const hit = page.locator('[data-kind^="stolen_vehicle"]').first();
    await hit.waitFor();
    const plate = hit.getByRole("row", { name: /^Plate/ });
    expect(await plate.locator("td").nth(0).textContent()).toBe("HR ZG1234A8");
    expect(await plate.locator("td").nth(1).textContent()).toBe("HR ZG1234AB");
    expect(await plate.locator("td").nth(0).locator("mark").allTextContents()).toEqual(["8"]);
    expect(await plate.locator("td").nth(1).locator("mark").allTextContents()).toEqual(["B"]);
    const vin = hit.getByRole("row", { name: /^VIN/ });
    expect(await vin.locator("td").nth(0).textContent()).toBe("WVWZZZ1KZAW123456");
    expect(await vin.locator("td").nth(1).textContent()).toBe("WVWZZZ1KZAW123456");
    expect(await vin.locator("mark").count()).toBe(0);
    expect(
      await hit
        .getByRole("row", { name: /^Vehicle/ })
        .locator("td")
        .allTextContents(),
    ).toEqual(["Volkswagen", "Volkswagen Golf grey", ""]);
  }, 60_000);

  it("opens a listed vessel's alert from the cargo screen: the IMO number beside the listed vessel's", async () => {
    // ARTAVIL is on the OFAC sample with IMO 9187629 (data/samples/ofac-sdn); the consignment is fictional.
    const csv = [
      "# vessel: ARTAVIL",
      "# imo: 9187629",
      "consignment,consignor,consignee,hs_code,description,containers",
      "BL9,Piraeus Marble Works SA,Bar Port Logistics,251511,Marble blocks,CSQU3054383",
      "",
    ].join("\n");
    await page.goto("/cargo");
    await page.getByLabel(FILE_LABEL).setInputFiles({
      name: "vessel.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await page.getByRole("button", { name: "Screen manifest" }).click();
    const vessel = page.getByTestId("vessel-result");
    await vessel.getByText("IMO number 9187629 matches ARTAVIL (ofac-sdn)").waitFor();
    expect(await page.getByTestId("consignment").getByTestId("flags").textContent()).toBe(
      "Sanctioned vessel, carrier or party",
    );
    await vessel.getByRole("link", { name: "Open the vessel's alert" }).click();
    const hit = page.locator('[data-kind="listed_vessel"]').first();
    await hit.waitFor();
    // The listed number as the list writes it, beside the declared one.
    const imo = hit.getByRole("row", { name: /^IMO number/ });
    expect(await imo.locator("td").allTextContents()).toEqual([
      "9187629",
      "IMO 9187629",
      "Strength: near-conclusive",
    ]);
    const name = hit.getByRole("row", { name: /^Listed name/ });
    expect(await name.locator("td").allTextContents()).toEqual(["ARTAVIL", "ARTAVIL", ""]);
  }, 60_000);
});
