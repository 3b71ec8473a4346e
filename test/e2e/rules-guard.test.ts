// The guard's suites through the web UI's rule form: an analyst types each rule's condition as JSON, the
// guard's verdict appears beside the form, and Save either stores the rule or shows why it was refused.
// Every attack and every legitimate rule goes through the form's check; a subset is also saved.
import type { Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ATTACKS, LEGITIMATE } from "../fixtures/rules/suites.js";
import { type E2eApp, startE2e } from "./support/app.js";

let e2e: E2eApp;
let page: Page;

beforeAll(async () => {
  e2e = await startE2e({ analyst: ["analyst"] });
  page = await e2e.signIn("analyst");
  await page.getByRole("link", { name: "Rules" }).click();
  await page
    .getByLabel("Justification")
    .fill("Pattern from the 2026 regional risk analysis of document fraud.");
  await page.getByLabel("Evidence").fill("RA-2026-014 (fictional)");
  await page.getByLabel("Write the condition as JSON (all / any / not)").check();
}, 120_000);

afterAll(async () => {
  await e2e?.close();
});

/** Types a rule into the form and returns the guard's verdict as the form shows it. */
async function typeRule(name: string, condition: unknown): Promise<{ ok: boolean; shown: string[] }> {
  const text = JSON.stringify(condition);
  const answered = page.waitForResponse((r: Response) => {
    if (!r.url().endsWith("/api/v1/rules/check")) return false;
    const body = JSON.parse(r.request().postData() ?? "{}");
    return body.rule?.name === name && JSON.stringify(body.rule?.condition) === text;
  });
  await page.getByLabel("Condition (JSON)").fill(text);
  await page.getByLabel("Name", { exact: true }).fill(name);
  const response = await answered;
  const body = await response.json();
  // A verdict (200), or 422 when the condition is too deep or too large to judge.
  const ok = response.status() === 200 && body.ok === true;
  const first: string = ok ? "" : (body.reasons?.[0] ?? body.error.details.reasons[0]);
  const guard = page.locator("section.guard");
  if (ok) await guard.getByText("The guard accepts this rule.").waitFor();
  else
    await guard
      .getByTestId("guard-reasons")
      .locator("li", { hasText: first.slice(0, 60) })
      .first()
      .waitFor();
  return { ok, shown: await guard.locator("li").allTextContents() };
}

describe("the guard's suites through the rule form", () => {
  it("shows a refusal with its reasons for every attack", async () => {
    let refused = 0;
    for (const [i, [name, condition]] of ATTACKS.entries()) {
      const verdict = await typeRule(`attack ${i}`, condition);
      expect({ name, ok: verdict.ok }).toEqual({ name, ok: false });
      expect(verdict.shown.length).toBeGreaterThan(0);
      refused++;
    }
    expect(refused).toBe(ATTACKS.length);
  }, 240_000);

  it("accepts every legitimate rule", async () => {
    let accepted = 0;
    for (const [i, [name, condition]] of LEGITIMATE.entries()) {
      const verdict = await typeRule(`legitimate ${i}`, condition);
      expect({ name, ok: verdict.ok }).toEqual({ name, ok: true });
      accepted++;
    }
    expect(accepted).toBe(LEGITIMATE.length);
  }, 240_000);

  it("saves a legitimate rule and refuses to save an attack, naming the alternative", async () => {
    for (const [name, condition] of LEGITIMATE.slice(0, 3)) {
      await typeRule(name.slice(0, 60), condition);
      await page.getByRole("button", { name: "Save" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: `Saved ${name.slice(0, 60)}, version 1.` })
        .waitFor();
    }
    for (const [name, condition] of ATTACKS.slice(0, 3)) {
      const verdict = await typeRule(name.slice(0, 60), condition);
      await page.getByRole("button", { name: "Save" }).click();
      const failure = page.getByRole("alert").filter({ hasText: "The rule was not saved" });
      await failure.waitFor();
      expect(await failure.textContent()).toContain(verdict.shown[0]!.slice(0, 40));
    }
  }, 120_000);
});
