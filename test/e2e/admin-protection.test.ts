// The administrator's and the protection officer's screens in a real browser: an admin adds an officer
// who signs in, must first replace the one-time password, and can then work until the admin disables
// them; a protection officer closes a referral with a written outcome.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createProtectionService } from "../../src/protection/index.js";
import { describeWithService } from "../support/services.js";
import { type E2eApp, PASSWORD, shot, startE2e } from "./support/app.js";

describeWithService("browser", "web UI, administration and protection", () => {
  let e2e: E2eApp;
  const pages: Page[] = [];
  const open = async (username: string) => {
    const page = await e2e.signIn(username);
    pages.push(page);
    return page;
  };

  beforeAll(async () => {
    e2e = await startE2e({ chief: ["admin"], protection: ["protection_officer"] });
  }, 180_000);
  afterAll(async () => {
    for (const p of pages) await p.close().catch(() => undefined);
    await e2e?.close();
  });

  it("an administrator adds a first-line officer, who changes the one-time password and works until disabled", async () => {
    const page = await open("chief");
    expect(new URL(page.url()).pathname).toBe("/users");
    await page.getByLabel("Username").fill("officer.new");
    await page.getByLabel("Initial password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create user" }).click();
    await page.getByRole("status").filter({ hasText: "User officer.new created." }).waitFor();
    await page.getByRole("cell", { name: "officer.new", exact: true }).waitFor();
    // The demo admin of the first start, the two users of this suite and the new officer.
    await page.getByText("1–4 of 4").waitFor();
    await shot(page, "users");

    // The first sign-in leads to the account screen and nowhere else.
    const booth = await open("officer.new");
    expect(new URL(booth.url()).pathname).toBe("/account");
    await booth.getByText("Your password is a one-time password.", { exact: false }).waitFor();
    expect(await booth.getByRole("navigation").getByRole("link").count()).toBe(0);
    const mine = "a booth password of my own";
    await booth.getByLabel("Current password").fill(PASSWORD);
    await booth.getByLabel("New password", { exact: true }).fill("qwerty123456");
    await booth.getByLabel("New password again").fill("qwerty123456");
    await booth.getByRole("button", { name: "Change password" }).click();
    await booth.getByRole("alert").filter({ hasText: "too common" }).waitFor();
    await booth.getByLabel("New password", { exact: true }).fill(mine);
    await booth.getByLabel("New password again").fill(mine);
    await booth.getByRole("button", { name: "Change password" }).click();
    await booth.getByRole("status").filter({ hasText: "Password changed." }).waitFor();
    await shot(booth, "change-password");
    await booth.goto("/check");
    await booth.getByRole("heading", { name: "First-line check" }).waitFor();

    // Disabled by the admin, the officer's open session ends at its next request.
    await page.getByRole("button", { name: "Disable officer.new" }).click();
    await page.getByRole("cell", { name: "disabled", exact: true }).waitFor();
    await booth.reload();
    await booth.getByRole("button", { name: "Sign in" }).waitFor();
  });

  it("a protection officer closes a referral with its outcome", async () => {
    // A fictional child recorded at the booth, as the first-line officer would through the API.
    const protection = createProtectionService(e2e.server.db);
    const booth = {
      userId: "b",
      username: "booth",
      roles: ["first_line" as const],
      agency: "demo",
      tokenId: "t",
    };
    const { referrals } = await protection.record(booth, {
      person: { surname: "Haddad", givenNames: "Lina", birthDate: "2012-05-01" },
      kinds: ["unaccompanied_child"],
      purpose: "child alone at the border",
    });
    const page = await open("protection");
    expect(new URL(page.url()).pathname).toBe("/referrals");
    const row = page.getByRole("row", { name: /Child protection/ });
    await row.waitFor();
    expect(page.url()).not.toContain("Haddad");
    await row
      .getByLabel("How it ended (at least 10 characters)")
      .fill("Placed with the child protection service.");
    await shot(page, "referrals");
    await row.getByRole("button", { name: "Close referral" }).click();
    await page.getByText("No referrals here.").waitFor();
    const { referrals: closed } = await protection.listReferrals(
      { ...booth, roles: ["protection_officer"] },
      { status: "closed" },
    );
    expect(closed.map((r) => [r.id, r.outcome])).toEqual([
      [referrals[0]!.id, "Placed with the child protection service."],
    ]);
  });
});
