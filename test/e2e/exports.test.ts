// Exports in the browser: the alert queue, a check's matches and a manifest download as the API's CSV, through fetch
// with the session token in a header (no token, no name in any URL); the overview's per-day charts are
// time series on a dated axis, and every chart downloads as a valid PNG, SVG and CSV.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { Download, Locator, Page } from "playwright-core";
import { SaxesParser } from "saxes";
import { afterAll, beforeAll, expect, it } from "vitest";
import { REPO_ROOT } from "../support/paths.js";
import { describeWithService } from "../support/services.js";
import { type ApiUser, apiAs } from "./support/api.js";
import { type E2eApp, RESULTS, shot, startE2e } from "./support/app.js";
import { td3 } from "./support/mrz.js";
import { type PrivacyWatch, urlsLeaking, watchPrivacy } from "./support/privacy.js";

const LISTED_MRZ = td3({
  issuer: "RWA",
  surname: "IYAMUREMYE",
  givenNames: "GASTON",
  number: "PB7654321",
  nationality: "RWA",
  birth: "480315",
  sex: "M",
  expiry: "300101",
});
const SECRETS = ["IYAMUREMYE", "GASTON", "PB7654321", "Lindqvist", "LQ4440001"];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Clicks `button` and returns what the browser downloads: the file's name, bytes and the URL it came from. */
async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer; url: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const d = file as Download;
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: await readFile(path), url: d.url() };
}

const csvRows = (bytes: Buffer) =>
  parse(bytes.toString("utf8"), { columns: true }) as Record<string, string>[];

describeWithService("browser", "web UI, exports and charts", () => {
  let e2e: E2eApp;
  const api: Record<string, ApiUser> = {};
  const watches: PrivacyWatch[] = [];
  const pages: Page[] = [];
  let point = "";

  const open = async (username: string) => {
    api[username] ??= await apiAs(e2e.server.url, username);
    const page = await e2e.openSession(api[username].token);
    pages.push(page);
    return page;
  };

  beforeAll(async () => {
    e2e = await startE2e({ booth: ["first_line"], reviewer: ["second_line"], chief: ["admin"] });
    for (const user of ["booth", "reviewer", "chief"]) api[user] = await apiAs(e2e.server.url, user);
    e2e.browser.on("page", (page) => watches.push(watchPrivacy(page)));
    const cp = await api.chief!.ok<{ id: string }>("POST", "/crossing-points", {
      code: "EXP-LAND",
      name: "Fictional land crossing point",
      kind: "land",
      country: "DE",
    });
    point = cp.id;
    // One listed traveller (an alert) and one who is not, at the booth, through the API.
    const listed = await api.booth!.ok<{ result: { decision: string } }>("POST", "/crossings", {
      purpose: "border check at first line",
      mrz: LISTED_MRZ,
      crossingPointId: point,
    });
    expect(listed.result.decision).toBe("refer");
    await api.booth!.ok("POST", "/crossings", {
      purpose: "border check at first line",
      entry: {
        person: { surname: "Lindqvist", givenNames: "Maja", birthDate: "1990-05-05", nationality: "SE" },
        document: { type: "P", number: "LQ4440001", issuingCountry: "SE", expiry: "2032-01-01" },
        direction: "entry",
        crossingPointId: point,
      },
    });
  }, 180_000);

  afterAll(async () => {
    for (const p of pages) await p.close().catch(() => undefined);
    await e2e?.close();
  });

  it("the alert queue downloads as CSV with the queue's rows, and as FtM JSON lines", async () => {
    const { alerts } = await api.reviewer!.ok<{ alerts: { id: string }[] }>("GET", "/alerts?open=true");
    expect(alerts.length).toBeGreaterThan(0);
    const page = await open("reviewer");
    await page.getByRole("link", { name: "Alert queue" }).click();
    await page.getByText("Export: alert queue (with these filters)").click();
    const form = page.getByRole("form", { name: "Export: alert queue (with these filters)" });
    await form.getByLabel("Purpose of this export (recorded)").fill("weekly alert report");
    const csv = await download(page, form.getByRole("button", { name: "Download" }));
    expect(csv.name).toBe("alerts.csv");
    expect(csv.url).toMatch(/^blob:/);
    const rows = csvRows(csv.bytes);
    expect(rows.map((r) => r.id).sort()).toEqual(alerts.map((a) => a.id).sort());
    expect(rows.find((r) => r.surname === "IYAMUREMYE")).toMatchObject({
      status: "open",
      givenNames: "GASTON",
    });
    await page.getByRole("status").filter({ hasText: "Downloaded alerts.csv." }).waitFor();

    await form.getByLabel("Format").selectOption("ftm");
    const ftm = await download(page, form.getByRole("button", { name: "Download" }));
    const entities = ftm.bytes
      .toString("utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { schema: string; properties: Record<string, string[]> });
    expect(entities).toHaveLength(alerts.length);
    expect(entities.every((e) => e.schema === "Person")).toBe(true);
    await shot(page, "export-alert-queue");
  });

  it("a second-line officer at the check downloads the check's matches; the booth gets no export", async () => {
    const page = await open("reviewer");
    await page.getByRole("link", { name: "First-line check" }).click();
    await page.getByLabel("MRZ (paste or type both lines)").fill(LISTED_MRZ);
    await page.getByLabel("Crossing point").selectOption(point);
    await page.getByRole("button", { name: "Check", exact: true }).click();
    const verdict = page.getByTestId("verdict");
    await verdict.waitFor();
    const reference = (await verdict.locator("strong").textContent())?.trim();
    await page.getByText("Export: this check's matches").click();
    const form = page.getByRole("form", { name: "Export: this check's matches" });
    await form.getByLabel("Purpose of this export (recorded)").fill("case file for the referral");
    const csv = await download(page, form.getByRole("button", { name: "Download" }));
    expect(csv.name).toMatch(/^screening-.+-matches\.csv$/);
    const rows = csvRows(csv.bytes);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.reference))).toEqual(new Set([reference]));
    expect(rows.some((r) => r.list === "un-sc" && (r.name ?? "").toUpperCase().includes("IYAMUREMYE"))).toBe(
      true,
    );

    const booth = await open("booth");
    await booth.getByLabel("MRZ (paste or type both lines)").fill(LISTED_MRZ);
    await booth.getByLabel("Crossing point").selectOption(point);
    await booth.getByRole("button", { name: "Check", exact: true }).click();
    await booth.getByTestId("verdict").waitFor();
    expect(await booth.getByText(/^Export:/).count()).toBe(0);
    expect(watches.flatMap((w) => urlsLeaking(w, [...SECRETS, api.reviewer!.token]))).toEqual([]);
  });

  it("a screened manifest downloads as CSV with one row per person, the refer among them", async () => {
    const page = await open("booth");
    await page.getByRole("link", { name: "Manifests" }).click();
    const fixture = await readFile(join(REPO_ROOT, "test/fixtures/travel/fal6-passengers.csv"), "utf8");
    const listed = "IYAMUREMYE,Gaston,RWA,1948-03-15,Ruhengeri,P,PA7654321,RWA,2030-01-01,NLRTM,DEHAM,no";
    await page.getByLabel("PAXLST or FAL file").setInputFiles({
      name: "fal6.csv",
      mimeType: "text/plain",
      buffer: Buffer.from(`${fixture.trimEnd()}\n${listed}\n`),
    });
    await page.getByRole("button", { name: "Screen manifest" }).click();
    const shown = page.locator("table.data tbody tr");
    await shown.first().waitFor();
    await page.getByText("Export: this manifest's results").click();
    const form = page.getByRole("form", { name: "Export: this manifest's results" });
    await form.getByLabel("Purpose of this export (recorded)").fill("advance passenger report");
    const csv = await download(page, form.getByRole("button", { name: "Download" }));
    const rows = csvRows(csv.bytes);
    expect(rows).toHaveLength(await shown.count());
    expect(rows.filter((r) => r.decision === "refer").map((r) => r.surname)).toEqual(["IYAMUREMYE"]);
    // Each person once, refers first as on screen.
    expect(rows.map((r) => Number(r.index)).sort((a, b) => a - b)).toEqual(rows.map((_, i) => i + 1));
    expect(rows[0]!.decision).toBe("refer");
  });

  it("the per-day charts are time series with a dated axis and a title and description; each chart downloads as PNG, SVG and CSV", async () => {
    const stats = await api.reviewer!.ok<{ daily: { date: string; crossings: number }[] }>(
      "GET",
      "/stats/overview?days=14",
    );
    const page = await open("reviewer");
    await page.getByRole("link", { name: "Overview" }).click();
    const chart = page.getByRole("img", { name: "Crossings per day", exact: true });
    await chart.waitFor();
    // Named by its <title>, described by its <desc>, as the screen reader reads it.
    const desc = await chart.evaluate((el) => {
      const id = el.getAttribute("aria-describedby") ?? "";
      return el.querySelector(`desc[id="${id}"]`)?.textContent ?? "";
    });
    const total = stats.daily.reduce((n, d) => n + d.crossings, 0);
    const peak = Math.max(...stats.daily.map((d) => d.crossings));
    expect(total).toBeGreaterThanOrEqual(2);
    expect(desc).toMatch(
      new RegExp(`^Crossings per day from .+ to .+: ${total} in all, at most ${peak} on one day\\.$`),
    );
    const points = chart.locator("circle.point");
    expect(await points.count()).toBe(14);
    const today = stats.daily.at(-1)!;
    expect(await points.last().getAttribute("data-date")).toBe(today.date);
    expect(await points.last().getAttribute("data-value")).toBe(String(today.crossings));
    // The axis: dates in the UI's locale (English here), in order, left to right.
    const ticks = chart.locator("text.tick-date");
    expect(await ticks.count()).toBeGreaterThanOrEqual(2);
    const fmt = new Intl.DateTimeFormat("en", { day: "numeric", month: "short", timeZone: "UTC" });
    for (const tick of await ticks.all()) {
      const date = await tick.getAttribute("data-date");
      expect(await tick.textContent()).toBe(fmt.format(new Date(`${date}T00:00:00Z`)));
    }
    const xs = await ticks.evaluateAll((els) =>
      els.map((e) => (e as unknown as { getBoundingClientRect(): { x: number } }).getBoundingClientRect().x),
    );
    expect(xs).toEqual([...xs].sort((a, b) => a - b));

    for (const title of ["Crossings per day", "Crossings per crossing point"]) {
      const figure = page.locator("figure", { has: page.getByRole("img", { name: title, exact: true }) });
      const png = await download(page, figure.getByRole("button", { name: `Download ${title} as PNG` }));
      expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(png.bytes.length).toBeGreaterThan(1000);
      if (title.endsWith("per day")) await writeFile(join(RESULTS, "e2e-chart-export.png"), png.bytes);
      const svg = await download(page, figure.getByRole("button", { name: `Download ${title} as SVG` }));
      let root = "";
      const parser = new SaxesParser({ xmlns: true });
      parser.on("opentag", (tag) => {
        root ||= `${tag.uri} ${tag.local}`;
      });
      parser.write(svg.bytes.toString("utf8")).close();
      expect(root).toBe("http://www.w3.org/2000/svg svg");
      expect(svg.bytes.toString("utf8")).toContain(`>${title}</text>`);
      expect(svg.bytes.toString("utf8")).toContain(title.startsWith("Crossings per day") ? "circle" : "rect");
      const csv = await download(page, figure.getByRole("button", { name: `Download ${title} as CSV` }));
      const [header, ...lines] = csv.bytes.toString("utf8").trim().split("\n");
      if (title.endsWith("per day")) {
        expect(header).toBe("date,value");
        expect(lines.at(-1)).toBe(`${today.date},${today.crossings}`);
        expect(lines).toHaveLength(14);
      } else {
        expect(header).toBe("label,value");
        // A manifest's persons screened before travel have no crossing point (and no crossing).
        expect(lines).toContain(`EXP-LAND,${total}`);
      }
      expect(csv.name).toBe(`${title.toLowerCase().replaceAll(" ", "-")}.csv`);
    }
    await shot(page, "overview-time-series");
  });
});
