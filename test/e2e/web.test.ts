// The officers' flows in a real browser (Debian's Chromium driven by playwright-core) against a real
// server on an embedded database seeded with the sample lists. Each flow leaves screenshots in test-results/.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { REPO_ROOT } from "../support/paths.js";
import { describeWithService } from "../support/services.js";
import { type E2eApp, shot, startE2e } from "./support/app.js";
import { td3 } from "./support/mrz.js";

// Gaston IYAMUREMYE is on the UN list (DRC regime, CDi.003), born 1948, Rwandan.
const LISTED_MRZ = td3({
  issuer: "RWA",
  surname: "IYAMUREMYE",
  givenNames: "GASTON",
  number: "PA1234567",
  nationality: "RWA",
  birth: "480315",
  sex: "M",
  expiry: "300101",
});

describeWithService("browser", "web UI, end to end", () => {
  let e2e: E2eApp;
  let reference = "";
  let manifestReference = "";
  const pages: Page[] = [];
  const open = async (username: string) => {
    const page = await e2e.signIn(username);
    pages.push(page);
    return page;
  };

  beforeAll(async () => {
    e2e = await startE2e({
      booth: ["first_line"],
      reviewer: ["second_line"],
      reviewer2: ["second_line"],
      auditor: ["auditor"],
      analyst: ["analyst"],
    });
  }, 180_000);

  afterAll(async () => {
    for (const p of pages) await p.close().catch(() => undefined);
    await e2e?.close();
  });

  it("a first-line officer checks the MRZ of a listed person and sees only REFER and a reference", async () => {
    const page = await open("booth");
    expect(new URL(page.url()).pathname).toBe("/check");
    const answer = page.waitForResponse((r) => r.url().endsWith("/api/v1/crossings"));
    const mrz = page.getByLabel("MRZ (paste or type both lines)");
    await mrz.fill(LISTED_MRZ);
    const started = Date.now();
    await mrz.press("Enter");
    const verdict = page.getByTestId("verdict");
    await verdict.waitFor();
    expect(Date.now() - started).toBeLessThan(2000);
    const text = (await verdict.textContent()) ?? "";
    expect(text).toContain("REFER TO SECOND LINE");
    reference = /Reference:\s*(\S+)/.exec(text)?.[1] ?? "";
    expect(reference).not.toBe("");

    // Nothing about why: no list, entity, programme or score reaches the booth, on screen or on the wire.
    const body = ((await page.locator("body").textContent()) ?? "").toLowerCase();
    for (const secret of ["un-sc", "cdi.003", "drc", "score", "programme", "match", "watchlist"]) {
      expect(body).not.toContain(secret);
    }
    const result = ((await (await answer).json()) as { result: Record<string, unknown> }).result;
    expect(Object.keys(result).sort()).toEqual(["decision", "index", "reference"]);
    // The token is the only thing the browser keeps.
    const stored = await page.evaluate(
      "({ session: Object.keys(sessionStorage), local: Object.keys(localStorage) })",
    );
    expect(stored).toEqual({ session: ["limes.token"], local: [] });
    await shot(page, "first-line");

    // A 10-inch booth tablet in portrait: everything fits the width, nothing scrolls sideways.
    await page.setViewportSize({ width: 800, height: 1280 });
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(800);
    await shot(page, "first-line-tablet");
    await page.setViewportSize({ width: 1280, height: 800 });

    // Esc clears the booth for the next traveller.
    await page.keyboard.press("Escape");
    await expect.poll(() => verdict.count()).toBe(0);
    expect(await mrz.inputValue()).toBe("");
  });

  it("a first-line officer screens a FAL manifest and sees the refers on top", async () => {
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
    const rows = page.locator("table.data tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(
      fixture
        .trim()
        .split("\n")
        .filter((l) => /^[^#]/.test(l)).length,
    );
    expect(await rows.first().textContent()).toMatch(/^Refer.*IYAMUREMYE/);
    manifestReference = (await rows.first().locator("td").last().textContent()) ?? "";
    await shot(page, "manifest");
  });

  it("a second-line officer sees the alignment, is told a refusal needs a second officer, then clears it", async () => {
    expect(reference, "flow (a) gives the alert reference").not.toBe("");
    const page = await open("reviewer");
    expect(new URL(page.url()).pathname).toBe("/alerts");
    await page.getByRole("link", { name: reference }).click();
    await page.getByRole("heading", { name: `Alert ${reference}` }).waitFor();
    // No personal data in the address: the alert is named by its opaque id.
    expect(page.url()).not.toMatch(/IYAMUREMYE|GASTON/i);

    // The aligned tokens are highlighted on both sides, the same pair in the same colour.
    const query = page.getByTestId("query-name").locator("mark");
    const listed = page.getByTestId("matched-name").locator("mark");
    expect((await query.allInnerTexts()).map((s) => s.toUpperCase()).sort()).toEqual([
      "GASTON",
      "IYAMUREMYE",
    ]);
    expect((await listed.allInnerTexts()).map((s) => s.toUpperCase()).sort()).toEqual([
      "GASTON",
      "IYAMUREMYE",
    ]);
    const classOf = async (loc: ReturnType<Page["locator"]>, text: string) =>
      loc
        .filter({ hasText: new RegExp(`^${text}$`, "i") })
        .first()
        .getAttribute("class");
    expect(await classOf(query, "GASTON")).toBe(await classOf(listed, "GASTON"));
    expect(await classOf(query, "GASTON")).not.toBe(await classOf(query, "IYAMUREMYE"));
    await page.locator(".light-green").first().waitFor();
    await shot(page, "alert-detail");

    // Refusal of entry by one officer alone: proposed, not recorded.
    await page.getByLabel("Confirm the match").check();
    await page.getByLabel("Action against the traveller").selectOption({ label: "Refusal of entry" });
    await page
      .getByLabel("Reason", { exact: true })
      .fill("Name, birth year and nationality agree with the UN listing.");
    await page.getByLabel("Legal basis").selectOption({
      label: "Schengen Borders Code Art. 14: refusal of entry with a substantiated decision",
    });
    await page.getByRole("button", { name: "Record decision" }).click();
    const notice = page.getByTestId("decision-notice");
    await expect.poll(() => notice.textContent()).toMatch(/second officer's approval/);
    await page.getByText("Waiting for a second officer").first().waitFor();
    await shot(page, "four-eyes");

    // Then, on a closer look, a false positive, with the reason on record.
    await page.getByLabel("Clear: false positive").check();
    await page
      .getByLabel("Reason", { exact: true })
      .fill("Passport photo and place of birth differ; a different person of the same name.");
    await page.getByLabel("Legal basis").selectOption({ label: "Identity not confirmed: false positive" });
    await page.getByRole("button", { name: "Record decision" }).click();
    await expect.poll(() => page.getByTestId("alert-status").textContent()).toBe("Cleared (false positive)");
    await expect.poll(() => notice.textContent()).toBe("Decision recorded.");
    await shot(page, "second-line");

    // The lists behind the match, and a search in one of them.
    await page.getByRole("link", { name: "Watchlists" }).click();
    await page.getByRole("rowheader", { name: /un-sc/ }).waitFor();
    const search = page.getByRole("region", { name: "Entity search" });
    await search.getByLabel("List").selectOption("un-sc");
    await search.getByLabel("Name").fill("Iyamuremye");
    await search.getByRole("button", { name: "Search" }).click();
    await search.getByRole("cell", { name: "CDi.003" }).waitFor();
    await shot(page, "watchlists");
  });

  it("a refusal is blocked while an asylum request is open, and the screen says why", async () => {
    expect(manifestReference, "the manifest flow gives a second alert").not.toBe("");
    const page = await open("reviewer2");
    await page.getByRole("link", { name: manifestReference }).click();
    await page.getByRole("heading", { name: `Alert ${manifestReference}` }).waitFor();
    await page.getByLabel("Asylum request (intent is enough)").check();
    await page.getByRole("button", { name: "Record protection need" }).click();
    await page.getByText("Protection need recorded").waitFor();
    await page.getByLabel("Confirm the match").check();
    await page.getByLabel("Action against the traveller").selectOption({ label: "Refusal of entry" });
    const blocked = page.locator(".decision .blocked");
    await expect.poll(() => blocked.textContent()).toMatch(/blocked.*non-refoulement/);
    expect(await page.getByRole("button", { name: "Record decision" }).isDisabled()).toBe(true);
    await shot(page, "protection-bar");
  });

  it("an auditor verifies the chain and is shown the first broken link after tampering", async () => {
    const page = await open("auditor");
    expect(new URL(page.url()).pathname).toBe("/audit");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("cell", { name: "crossing.create" }).first().waitFor();
    await page.getByRole("button", { name: "Verify the chain" }).click();
    const result = page.getByTestId("verify-result");
    // The server's own verdict, the sentence `limes audit verify` prints with the key and checkpoint file.
    await expect.poll(() => result.textContent()).toMatch(/^The (audit trail is|hash chains are) intact/);
    await shot(page, "audit");

    // Someone edits an entry behind the application's back: the verifier names it.
    const row = await e2e.server.db.kysely
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "crossing.create")
      .executeTakeFirstOrThrow();
    await e2e.server.db.kysely
      .updateTable("audit_log")
      .set({ purpose: "nothing to see here" })
      .where("id", "=", row.id)
      .execute();
    await page.getByRole("button", { name: "Verify the chain" }).click();
    await expect
      .poll(() => result.textContent())
      .toContain(`The audit trail was tampered with: first failing entry ${Number(row.id)}:`);
    await shot(page, "audit-broken");
  });

  it("an analyst's rule on nationality alone is rejected by the guard, with the reason shown", async () => {
    const page = await open("analyst");
    expect(new URL(page.url()).pathname).toBe("/rules");
    await page.getByLabel("Name", { exact: true }).fill("Travellers of one nationality");
    await page.getByLabel(/Justification/).fill("An analyst tries to select people by where they come from.");
    await page.getByLabel(/Evidence/).fill("none");
    await page.locator('select[name="field-0"]').selectOption("traveller.nationality");
    await page.locator('select[name="op-0"]').selectOption("eq");
    await page.locator('input[name="value-0"]').fill("XX");
    const reasons = page.getByTestId("guard-reasons");
    await expect
      .poll(() => reasons.textContent(), { timeout: 10_000 })
      .toContain("nationality alone is not a risk indicator");
    await page.getByRole("button", { name: "Save rule" }).click();
    await page.getByText("The rule was not saved").waitFor();
    expect(await page.locator(".state.error").textContent()).toContain(
      "nationality alone is not a risk indicator",
    );
    await shot(page, "rule-rejected");
  });
});
