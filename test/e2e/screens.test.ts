// The screens the first browser flows left out: watchlist versions and uploads, a rule's statistics and
// fairness chart, the overview dashboard, names in Arabic and Cyrillic, an accessibility smoke check of
// every screen, and no personal data in any URL or in storage. The scene (rules, crossings, manifests)
// is set through the API, as officers at other desks would; the browser is what is tested.
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SAMPLE_WATCHLISTS } from "../../src/watchlists/index.js";
import { REPO_ROOT } from "../support/paths.js";
import { describeWithService } from "../support/services.js";
import { checkA11y } from "./support/a11y.js";
import { type ApiUser, apiAs } from "./support/api.js";
import { type E2eApp, shot, startE2e } from "./support/app.js";
import { td3 } from "./support/mrz.js";
import { type PrivacyWatch, storageOf, urlsLeaking, watchPrivacy } from "./support/privacy.js";

// A fictional list in the national CSV format (data/samples/README.md), and its next version: one person
// removed (E2E-3), one changed (E2E-2's birth year), one added (E2E-4).
const LIST_V1 = [
  "# Fictional list written for this test; every name and date is invented.",
  "id,name,birth_dates,nationalities,gender,programme",
  "E2E-1,Oskar Brenninkmeyer-Vos,1971-02-03,NL,male,E2E-FICTIONAL",
  "E2E-2,Tamsin Okonkwo-Hale,1984,GB,female,E2E-FICTIONAL",
  "E2E-3,Ilse Marnotte,~1990,BE,female,E2E-FICTIONAL",
  "",
].join("\n");
const LIST_V2 = [
  "id,name,birth_dates,nationalities,gender,programme",
  "E2E-1,Oskar Brenninkmeyer-Vos,1971-02-03,NL,male,E2E-FICTIONAL",
  "E2E-2,Tamsin Okonkwo-Hale,1985,GB,female,E2E-FICTIONAL",
  "E2E-4,Ruairi Castellanos-Baird,1979-06-30,IE,male,E2E-FICTIONAL",
  "",
].join("\n");

const RULE = {
  name: "Near-expiry document, boarding at NGLOS",
  justification:
    "Regional risk analysis links arrivals from NGLOS on near-expiry documents to impostor cases.",
  evidence: "RA-2026-014 (fictional)",
  reviewDate: "2099-12-31",
  priority: "high",
  action: "refer",
  condition: {
    all: [
      { field: "route.origin", op: "eq", value: "NGLOS" },
      { field: "document.expiresInDays", op: "lt", value: 30 },
    ],
  },
};

const FAL6_HEADER =
  "Family Name,Given Names,Gender,Nationality,Date of Birth,Place of Birth,Document Type,Document Number,Issuing State,Document Expiry,Port of Embarkation,Port of Disembarkation,Transit";
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Fictional passengers of one nationality: `hits` of them boarded at NGLOS on a near-expiry passport. */
function passengers(nationality: string, count: number, hits: number): string[] {
  const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: count }, (_, i) => {
    const hit = i < hits;
    const name = `QZ${nationality}${LETTERS[Math.floor(i / 26)]}${LETTERS[i % 26]}`;
    return [
      name,
      "Testperson",
      i % 2 ? "F" : "M",
      nationality,
      `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
      "Nowhere",
      "P",
      `X${nationality}${String(i).padStart(6, "0")}`,
      nationality,
      hit ? soon : "2031-01-01",
      hit ? "NGLOS" : "BEANR",
      "DEHAM",
      "no",
    ].join(",");
  });
}

const fal6 = (vessel: string, rows: string[]) =>
  ["# direction: arrival", `# vessel: ${vessel}`, FAL6_HEADER, ...rows, ""].join("\n");

// Gaston IYAMUREMYE is on the UN list (DRC regime, CDi.003), born 1948, Rwandan.
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

// Fictional travellers whose names match the fictional national list's NL-0010 (Arabic) and NL-0006
// (Cyrillic), entered by hand at the booth as their documents spell them.
const ARABIC = { surname: "الحداد", givenNames: "محمد يوسف" };
const CYRILLIC = { surname: "Волков", givenNames: "Дмитрий Сергеевич" };

/** Everything this file types about travellers: none of it may reach a URL. */
const SECRETS = [
  "IYAMUREMYE",
  "GASTON",
  "PB7654321",
  ARABIC.surname,
  "محمد",
  CYRILLIC.surname,
  "Дмитрий",
  "QZNGA",
  "QZSWE",
  "XNGA0000",
  "Katarzyna",
  "Wiśniewska",
  "KW5550001",
];

const textOf = async (l: Locator) => ((await l.textContent()) ?? "").trim();

describeWithService("browser", "web UI, the remaining screens", () => {
  let e2e: E2eApp;
  const pages: Page[] = [];
  const watches: PrivacyWatch[] = [];
  const api: Record<string, ApiUser> = {};
  const points: Record<"air" | "land", string> = { air: "", land: "" };

  const signedIn = new Map<string, Page>();
  /** The user's tab, opened once on the API session: the sign-in form has its own flows elsewhere. */
  const open = async (username: string) => {
    let page = signedIn.get(username);
    if (!page) {
      api[username] ??= await apiAs(e2e.server.url, username);
      page = await e2e.openSession(api[username].token);
      pages.push(page);
      signedIn.set(username, page);
    }
    // A background tab gets few animation frames, and every click waits for one.
    await page.bringToFront();
    return page;
  };

  /** The booth records a crossing through the API and gets only a decision and a reference back. */
  const cross = async (body: Record<string, unknown>) =>
    api.booth!.ok<{ result: { decision: string; reference: string } }>("POST", "/crossings", {
      purpose: "border check at first line",
      ...body,
    });

  const alertByReference = async (reference: string) => {
    const { alerts } = await api.reviewer!.ok<{ alerts: { id: string; reference: string }[] }>(
      "GET",
      "/alerts",
    );
    const alert = alerts.find((a) => a.reference === reference);
    if (!alert) throw new Error(`no alert ${reference}`);
    return alert;
  };

  beforeAll(async () => {
    e2e = await startE2e(
      {
        booth: ["first_line"],
        reviewer: ["second_line"],
        analyst: ["analyst"],
        auditor: ["auditor"],
        manager: ["watchlist_manager"],
        manager2: ["watchlist_manager"],
        protection: ["protection_officer"],
        chief: ["admin"],
      },
      {
        samples: [
          ...SAMPLE_WATCHLISTS,
          { format: "csv", path: join(REPO_ROOT, "data", "samples", "national-list.csv") },
        ],
      },
    );
    for (const user of ["booth", "reviewer", "analyst", "chief", "manager"])
      api[user] = await apiAs(e2e.server.url, user);
    // Every tab is watched from its first request, sign-in included.
    e2e.browser.on("page", (page) => watches.push(watchPrivacy(page)));
    for (const [kind, code] of [
      ["air", "E2E-AIR"],
      ["land", "E2E-LAND"],
    ] as const) {
      const cp = await api.chief!.ok<{ id: string }>("POST", "/crossing-points", {
        code,
        name: `Fictional ${kind} crossing point`,
        kind,
        country: "DE",
      });
      points[kind] = cp.id;
    }
  }, 180_000);

  afterAll(async () => {
    for (const p of pages) await p.close().catch(() => undefined);
    await e2e?.close();
  });

  it("a watchlist manager sees the lists, uploads two versions of a list with progress; the second, past the safety limits, waits until a second manager approves it; an entity is found", async () => {
    const page = await open("manager");
    expect(new URL(page.url()).pathname).toBe("/watchlists");
    const { watchlists } = await api.manager!.ok<{
      watchlists: { id: string; latest: { version: number; counts: { entities: number } } }[];
    }>("GET", "/watchlists");
    expect(watchlists.map((w) => w.id).sort()).toEqual(["national", "ofac-sdn", "un-sc"]);
    const cells = async (list: string) =>
      (
        await page
          .getByRole("row", { name: new RegExp(`\\(${list}\\)`) })
          .locator("td")
          .allInnerTexts()
      ).map((s) => s.trim());
    await page.getByRole("rowheader", { name: /un-sc/ }).waitFor();
    for (const w of watchlists) {
      const [format, version, versions, , entities, diff] = await cells(w.id);
      expect(format).not.toBe("");
      expect(version).toBe(String(w.latest.version));
      expect(versions).toBe("1");
      expect(Number(entities?.replace(/\D/g, ""))).toBe(w.latest.counts.entities);
      expect(diff).toBe("first version");
    }

    const upload = page.locator("form", { has: page.getByRole("heading", { name: "Upload a new version" }) });
    const progress = upload.locator("progress");
    const send = async (version: number, text: string, outcome = "is now live") => {
      await upload.getByLabel("List id").fill("e2e-fictional");
      await upload.getByLabel("Format").selectOption("csv");
      await upload.getByLabel("File").setInputFiles({
        name: `e2e-fictional-v${version}.csv`,
        mimeType: "text/csv",
        buffer: Buffer.from(text),
      });
      await upload.getByRole("button", { name: "Upload" }).click();
      // The bar is there while the file goes up and the server imports it, and stays full when done.
      await progress.waitFor({ state: "visible" });
      const done = upload.getByTestId("upload-done");
      await expect.poll(() => textOf(done)).toContain(`e2e-fictional version ${version} ${outcome}`);
      expect(await textOf(upload.locator("label.progress"))).toBe("Import complete");
      expect(await progress.getAttribute("value")).toBe(await progress.getAttribute("max"));
      return textOf(done);
    };

    expect(await send(1, LIST_V1)).toBe("e2e-fictional version 1 is now live (first version).");
    await expect
      .poll(() => cells("e2e-fictional"))
      .toEqual(["csv", "1", "1", expect.any(String), "3", "first version"]);

    // Version 2 removes one of three entities (33%, the limit is under 5%): it is staged, and the
    // table keeps showing the live version 1 that screening still uses.
    const diff = "+1 added, −1 removed, 1 changed, 1 unchanged";
    expect(await send(2, LIST_V2, "breaks a safety limit")).toBe(
      "e2e-fictional version 2 breaks a safety limit: it waits for a second watchlist manager's approval.",
    );
    const staged = page.getByTestId("staged-e2e-fictional");
    await staged.waitFor();
    expect(await textOf(staged)).toContain(diff);
    expect(await textOf(staged)).toContain("It removes 1 of 3 entities (33.3%); the limit is under 5%.");
    expect(await textOf(staged)).toContain("Ilse Marnotte");
    expect(await textOf(staged)).toContain("You uploaded this version");
    expect(await staged.getByRole("button", { name: "Approve and make live" }).count()).toBe(0);
    await expect
      .poll(() => cells("e2e-fictional"))
      .toEqual(["csv", "1", "2", expect.any(String), "3", "first version"]);

    const second = await open("manager2");
    const waiting = second.getByTestId("staged-e2e-fictional");
    await waiting
      .getByLabel("Reason for your decision")
      .fill("Delisting confirmed by the list owner's notice.");
    await shot(second, "watchlist-staged");
    await waiting.getByRole("button", { name: "Approve and make live" }).click();
    await waiting.waitFor({ state: "detached" });
    const row = second.getByRole("row", { name: /\(e2e-fictional\)/ });
    await expect
      .poll(async () => (await row.locator("td").allInnerTexts()).map((x) => x.trim()))
      .toEqual(["csv", "2", "2", expect.any(String), "3", diff]);
    await page.reload();
    await expect.poll(() => cells("e2e-fictional")).toEqual(["csv", "2", "2", expect.any(String), "3", diff]);
    await shot(page, "watchlist-upload");

    const search = page.getByRole("region", { name: "Entity search" });
    await search.getByLabel("List").selectOption("e2e-fictional");
    await search.getByLabel("Name").fill("castellanos");
    await search.getByRole("button", { name: "Search" }).click();
    const found = search.getByRole("row", { name: /E2E-4/ });
    await found.waitFor();
    expect(await textOf(found.locator(".name"))).toBe("Ruairi Castellanos-Baird");
    // The removed person is gone from the live version.
    await search.getByLabel("Name").fill("Marnotte");
    await search.getByRole("button", { name: "Search" }).click();
    await search.getByText("No entity matches this name.").waitFor();
    await shot(page, "watchlist-search");
  });

  it("an auditor reads a rule's versions, statistics and fairness chart, with the warning on a proxy", async () => {
    const rule = await api.analyst!.ok<{ id: string }>("POST", "/rules", { rule: RULE });
    await api.analyst!.ok("PUT", `/rules/${rule.id}`, { rule: { ...RULE, priority: "standard" } });
    // Over two manifests, 21 NG travellers of whom 11 boarded at NGLOS on near-expiry passports; three
    // groups of 20 or 21 never hit; three IT travellers, too few to show.
    const big = await api.booth!.ok<{ results: { decision: string; reference: string }[] }>(
      "POST",
      "/manifests?purpose=arrival%20check",
      fal6("MS FAIRNESS ONE", [
        ...passengers("NGA", 20, 10),
        ...passengers("SWE", 20, 0),
        ...passengers("DEU", 20, 0),
        ...passengers("FRA", 20, 0),
        ...passengers("ITA", 3, 0),
      ]),
      "text/plain",
    );
    expect(big.results.filter((r) => r.decision === "refer")).toHaveLength(10);
    await api.booth!.ok(
      "POST",
      "/manifests?purpose=arrival%20check",
      fal6("MS FAIRNESS TWO", [
        ...passengers("NGA", 21, 21).slice(20),
        ...passengers("SWE", 21, 0).slice(20),
      ]),
      "text/plain",
    );
    // A reviewer finds one of the hits to be nothing: a false positive on the rule's record.
    const first = await alertByReference(big.results[0]!.reference);
    await api.reviewer!.ok("POST", `/alerts/${first.id}/review`, {
      purpose: "second-line review of an alert",
    });
    await api.reviewer!.ok("POST", `/alerts/${first.id}/decisions`, {
      outcome: "cleared_false_positive",
      reason: "The passport was renewed the day before; the traveller is known to the carrier.",
      legalBasis: "Identity not confirmed: false positive",
      purpose: "second-line review of an alert",
    });
    const stats = await api.analyst!.ok<{
      population: number;
      hits: number;
      byNationality: { group: string; suppressed?: true }[];
      warnings: string[];
    }>("GET", `/rules/${rule.id}/stats`);
    expect(stats).toMatchObject({ hits: 11, alerts: 11, falsePositives: 1, confirmed: 0 });
    // NG's 11 hits shown beside the totals would reveal that the three IT travellers had none: NG is
    // withheld with IT and the smallest group, and the warning still names it, without figures.
    expect(stats.warnings).toEqual([expect.stringMatching(/^nationality NG: hit far more often/)]);

    const page = await open("auditor");
    await page.getByRole("link", { name: "Rules" }).click();
    await page.getByRole("button", { name: `Show ${RULE.name}` }).click();
    // The condition in words, the JSON one click away.
    expect(await textOf(page.getByTestId("rule-words"))).toBe(
      "origin is NGLOS and the document expires in under 30 days",
    );
    const json = page.locator("pre.condition");
    expect(await json.isVisible()).toBe(false);
    await page.getByText("Condition as JSON").click();
    expect(JSON.parse(await textOf(json))).toEqual(RULE.condition);
    const versions = page.getByTestId("rule-versions").locator("li");
    await expect.poll(() => versions.count()).toBe(2);
    expect((await versions.allInnerTexts()).map((v) => v.split(" · ")[0])).toEqual([
      "Version 2",
      "Version 1",
    ]);

    const facts = page.getByTestId("rule-stats");
    await facts.waitFor();
    const fact = async (label: string) =>
      textOf(facts.locator("div", { has: page.locator("dt", { hasText: label }) }).locator("dd"));
    expect(await fact("Screened since the first version")).toBe(String(stats.population));
    expect(await fact("Hits")).toBe("11");
    expect(await fact("Alerts")).toBe("11");
    expect(await fact("Confirmed")).toBe("0");
    expect(await fact("False positives")).toBe("1");

    const chart = page.locator("figure", { hasText: "Fairness: hit rate by nationality" });
    const svg = chart.getByRole("img", { name: "Fairness: hit rate by nationality" });
    await svg.waitFor();
    const shown = stats.byNationality.filter((g) => !g.suppressed).map((g) => g.group);
    expect(shown).toEqual(["SE", "FR"]);
    expect(await svg.locator("rect.bar").count()).toBe(2);
    expect(await svg.locator("text.chart-label").allTextContents()).toEqual(shown);
    // The labels are the page's text size as drawn (font size times the SVG's scale on screen), not
    // scaled up with the chart's width.
    type Drawn = { getComputedStyle(el: unknown): { fontSize: string }; document: { body: unknown } };
    const drawnPx = await svg
      .locator("text.chart-label")
      .first()
      .evaluate((el) => {
        const g = globalThis as unknown as Drawn;
        const scale = (el as { getScreenCTM(): { a: number } }).getScreenCTM().a;
        return {
          label: Number.parseFloat(g.getComputedStyle(el).fontSize) * scale,
          body: Number.parseFloat(g.getComputedStyle(g.document.body).fontSize),
        };
      });
    expect(Math.abs(drawnPx.label - drawnPx.body)).toBeLessThanOrEqual(2);
    expect(await svg.locator("rect.bar-warn").count()).toBe(0);
    await page.getByText(/Groups too small to show, .*: 44 persons, withheld for privacy/).waitFor();
    await page.getByRole("img", { name: "Fairness: hit rate by sex" }).waitFor();
    const warnings = page.getByTestId("fairness-warnings");
    expect(await warnings.locator("li").allTextContents()).toEqual(stats.warnings);
    expect(await textOf(warnings)).toContain("nationality NG: hit far more often");
    await shot(page, "rule-stats");
  });

  it("the overview shows crossings, refers and alerts per day and crossing point, and open and overdue alerts", async () => {
    for (const [surname, givenNames, number] of [
      ["Wiśniewska", "Katarzyna", "KW5550001"],
      ["Lindgren", "Maja", "ML5550002"],
      ["Haverkamp", "Jonas", "JH5550003"],
    ]) {
      const r = await cross({
        entry: {
          person: { surname, givenNames, birthDate: "1990-05-05", nationality: "PL" },
          document: { type: "P", number, issuingCountry: "PL", expiry: "2032-01-01" },
          direction: "entry",
          crossingPointId: points.air,
        },
      });
      expect(r.result.decision).toBe("clear");
    }
    const listed = await cross({ mrz: LISTED_MRZ, crossingPointId: points.land });
    expect(listed.result.decision).toBe("refer");
    // Time passes: the alert's deadline is behind it.
    const alert = await alertByReference(listed.result.reference);
    await e2e.server.db.kysely
      .updateTable("alerts")
      .set({ due_at: new Date(Date.now() - 3_600_000).toISOString() })
      .where("id", "=", alert.id)
      .execute();

    type Day = { date: string; crossings: number; refers: number; alertsOpened: number };
    const stats = await api.reviewer!.ok<{ daily: Day[]; openAlerts: number; overdueAlerts: number }>(
      "GET",
      "/stats/overview?days=14",
    );
    expect(stats.overdueAlerts).toBe(1);
    const today = stats.daily.at(-1)!;
    expect(today.crossings).toBe(4);

    const page = await open("reviewer");
    await page.getByRole("link", { name: "Overview" }).click();
    await page.getByRole("heading", { name: "Overview", level: 1 }).waitFor();
    expect(await textOf(page.getByTestId("open-alerts"))).toBe(String(stats.openAlerts));
    expect(await textOf(page.getByTestId("overdue-alerts"))).toBe("1");
    expect(await page.getByTestId("overdue-alerts").locator("..").getAttribute("class")).toBe("overdue");

    const chart = (title: string) => page.getByRole("img", { name: title, exact: true });
    const barValue = async (title: string, label: string) => {
      const labels = await chart(title).locator("text.chart-label").allTextContents();
      const i = labels.indexOf(label);
      expect(i, `${title} has a bar ${label}`).toBeGreaterThanOrEqual(0);
      return textOf(chart(title).locator("text.chart-value").nth(i));
    };
    // The per-day charts are time series: one point per day, today's last (test/e2e/exports.test.ts
    // checks their axis and downloads).
    for (const [title, counter] of [
      ["Crossings per day", "crossings"],
      ["Refers per day", "refers"],
      ["Alerts opened per day", "alertsOpened"],
    ] as const) {
      await chart(title).waitFor();
      const points = chart(title).locator("circle.point");
      expect(await points.count()).toBe(14);
      expect(await points.last().getAttribute("data-date")).toBe(today.date);
      expect(await points.last().getAttribute("data-value")).toBe(String(today[counter]));
    }
    expect(await barValue("Crossings per crossing point", "E2E-AIR")).toBe("3");
    expect(await barValue("Crossings per crossing point", "E2E-LAND")).toBe("1");
    expect(await barValue("Refers per crossing point", "E2E-AIR")).toBe("0");
    expect(await barValue("Refers per crossing point", "E2E-LAND")).toBe("1");
    expect(await barValue("Alerts opened per crossing point", "E2E-LAND")).toBe("1");
    await shot(page, "overview");

    await page.getByLabel("Period").selectOption({ label: "Last 7 days" });
    await expect.poll(() => chart("Crossings per day").locator("circle.point").count()).toBe(7);
  });

  it("Arabic names read right to left and Cyrillic names stay intact on the alert", async () => {
    const arabic = await cross({
      entry: {
        person: { ...ARABIC, birthDate: "1980", nationality: "SY", gender: "male" },
        direction: "entry",
        crossingPointId: points.land,
      },
    });
    const cyrillic = await cross({
      entry: {
        person: { ...CYRILLIC, birthDate: "1981-01-09", nationality: "RU", gender: "male" },
        direction: "entry",
        crossingPointId: points.land,
      },
    });
    expect([arabic.result.decision, cyrillic.result.decision]).toEqual(["refer", "refer"]);

    const page = await open("reviewer");
    await page.getByRole("link", { name: "Alert queue" }).click();
    // The test's tsconfig has no DOM types: the browser's getComputedStyle is reached through globalThis.
    type Styles = { getComputedStyle(el: unknown): { direction: string } };
    const direction = (l: Locator) =>
      l.evaluate((el) => (globalThis as unknown as Styles).getComputedStyle(el).direction);
    await page.getByRole("link", { name: arabic.result.reference }).click();
    await page.getByRole("heading", { name: `Alert ${arabic.result.reference}` }).waitFor();
    const traveller = page.getByTestId("traveller-name");
    const entity = page.getByTestId("entity-name");
    expect(await textOf(traveller)).toBe(`${ARABIC.surname}, ${ARABIC.givenNames}`);
    expect(await textOf(entity)).toBe("محمد يوسف الحداد");
    expect(await traveller.getAttribute("dir")).toBe("auto");
    expect(await direction(traveller)).toBe("rtl");
    expect(await direction(entity)).toBe("rtl");
    // The page around the names stays left to right.
    expect(await direction(page.locator("main"))).toBe("ltr");
    // One row per written word: الحداد (article and name, two tokens to the engine) is listed once.
    const pairs = (await page.locator("ul.pairs li").allTextContents()).map((p) => p.split(" ↔ ")[0]!.trim());
    expect(pairs.filter((p) => p === "الحداد")).toHaveLength(1);
    expect(new Set(pairs).size).toBe(pairs.length);
    await shot(page, "alert-arabic");

    await page.getByRole("link", { name: "Alert queue" }).click();
    await page.getByRole("link", { name: cyrillic.result.reference }).click();
    await page.getByRole("heading", { name: `Alert ${cyrillic.result.reference}` }).waitFor();
    expect(await textOf(traveller)).toBe("ВОЛКОВ, Дмитрий Сергеевич");
    expect(await textOf(entity)).toBe("Дмитрий Сергеевич Волков");
    expect(await direction(traveller)).toBe("ltr");
    expect((await textOf(page.getByTestId("query-name"))).toUpperCase()).toContain("ВОЛКОВ");
    await shot(page, "alert-cyrillic");
  });

  it("every screen has labelled fields, named buttons, one h1 and no sideways scroll at 1280×800 and 800×1280", async () => {
    const problems: string[] = [];
    const audit = async (page: Page, screen: string) => {
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await expect.poll(() => page.locator(".state.loading").count()).toBe(0);
      for (const [width, height] of [
        [1280, 800],
        [800, 1280],
      ] as const) {
        await page.setViewportSize({ width, height });
        const r = await checkA11y(page);
        const at = `${screen} at ${width}×${height}`;
        for (const f of r.unlabelled) problems.push(`${at}: field without a label: ${f}`);
        for (const b of r.unnamedButtons) problems.push(`${at}: button without a name: ${b}`);
        for (const a of r.unnamedLinks) problems.push(`${at}: link without a name: ${a}`);
        if (r.h1 !== 1) problems.push(`${at}: ${r.h1} h1 headings`);
        if (r.scrollWidth > r.viewportWidth)
          problems.push(`${at}: scrolls sideways (${r.scrollWidth} > ${r.viewportWidth})`);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
    };
    const visit = async (page: Page, link: string) => {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link }).click();
      await audit(page, link);
    };

    const signIn = await e2e.browser.newPage();
    pages.push(signIn);
    // The check itself sees what it looks for.
    await signIn.setContent(
      '<h1>One</h1><h1>Two</h1><input><button></button><a href="#"></a><div style="width:3000px">wide</div>',
    );
    expect(await checkA11y(signIn)).toMatchObject({
      unlabelled: ["<input>"],
      unnamedButtons: ["<button></button>"],
      unnamedLinks: ['<a href="#"></a>'],
      h1: 2,
      scrollWidth: expect.any(Number),
    });
    expect((await checkA11y(signIn)).scrollWidth).toBeGreaterThan(1280);
    await signIn.goto("/");
    await audit(signIn, "Sign in");

    const booth = await open("booth");
    await visit(booth, "First-line check");
    await booth.getByLabel("MRZ (paste or type both lines)").fill(LISTED_MRZ);
    await booth.keyboard.press("Enter");
    await booth.getByTestId("verdict").waitFor();
    await audit(booth, "First-line check with a verdict");
    await visit(booth, "Manifests");

    const reviewer = await open("reviewer");
    await visit(reviewer, "Alert queue");
    await reviewer.locator("table.data tbody a").first().click();
    await reviewer.getByRole("heading", { name: /^Alert / }).waitFor();
    await audit(reviewer, "Alert detail");
    await visit(reviewer, "Watchlists");
    await visit(reviewer, "Overview");

    const analyst = await open("analyst");
    await visit(analyst, "Rules");
    await analyst.getByRole("button", { name: `Show ${RULE.name}` }).click();
    await analyst.getByTestId("rule-stats").waitFor();
    await audit(analyst, "Rules with a rule's statistics");

    const auditor = await open("auditor");
    await visit(auditor, "Audit");
    await auditor.getByRole("button", { name: "Search" }).click();
    await auditor.getByRole("cell", { name: "crossing.create" }).first().waitFor();
    await audit(auditor, "Audit with results");

    await visit(await open("protection"), "Referrals");
    await visit(await open("chief"), "Users");
    expect(problems).toEqual([]);
  });

  it("no traveller's name or document number reached a URL, and nothing was kept but the session token", async () => {
    // The watch saw every tab, and what the tabs did: opened alerts and sent their requests.
    expect(watches.length).toBeGreaterThanOrEqual(pages.length);
    expect(
      watches.flatMap((w) => w.urls).filter((u) => u.includes("/api/v1/alerts/")).length,
    ).toBeGreaterThan(0);
    const leaks = watches.flatMap((w) => urlsLeaking(w, SECRETS));
    expect(leaks).toEqual([]);
    for (const page of pages.filter((p) => !p.isClosed())) {
      const stored = await storageOf(page);
      expect(stored.local).toEqual([]);
      expect(stored.session.filter((k) => k !== "limes.token")).toEqual([]);
    }
  });
});
