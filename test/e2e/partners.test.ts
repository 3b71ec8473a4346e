// The partner exchange in a real browser between two real Limes nodes (issue 16): a second-line officer
// on MK-BORDER asks AL-BORDER from the alert detail and gets a hit, sends a follow-up; an officer on
// AL-BORDER approves it in the partner requests queue; MK-BORDER's officer sees the data received.
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { agreeWith, call, type Node, signIn, signInAll, startNode } from "../partners/support.js";
import { describeWithService, service } from "../support/services.js";
import { shot } from "./support/app.js";

/** UN sample entry CDi.041 (data/samples), on the UN list AL-BORDER shares. */
const TRAVELLER = { surname: "RUKUNDA", givenNames: "MICHEL", birthDate: "1974-09-12", nationality: "CD" };
const port = 19_600 + Math.floor(Math.random() * 150);

describeWithService("browser", "partner exchange in the browser, two nodes", () => {
  let a: Node;
  let b: Node;
  let browser: Browser;
  let alertId: string;

  /** A tab on `node` holding `username`'s session, as after a sign-in. */
  const open = async (node: Node, username: string, path: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const token = JSON.stringify(node.tokens.get(username));
    await page.addInitScript(
      `if (!sessionStorage.getItem("limes.token")) sessionStorage.setItem("limes.token", ${token});`,
    );
    await page.goto(`${node.url}${path}`);
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    return page;
  };

  beforeAll(async () => {
    const found = service("browser");
    [a, b, browser] = await Promise.all([
      startNode("MK-BORDER", port),
      startNode("AL-BORDER", port + 1),
      chromium.launch({ executablePath: found.url, args: found.args ?? [] }),
    ]);
    for (const node of [a, b]) await signInAll(node);
    await agreeWith(b, a, ["un-sc"]);
    await agreeWith(a, b, ["un-sc"]);
    const point = await call(a, "admin", "POST", "/api/v1/crossing-points", {
      code: "MK-TABANOVCE",
      name: "Tabanovce",
      kind: "land",
      country: "MK",
    });
    await call(a, "booth", "POST", "/api/v1/crossings", {
      entry: { person: TRAVELLER, direction: "entry", crossingPointId: point.body.id },
      purpose: "entry check",
    });
    alertId = (await call(a, "reviewer", "GET", "/api/v1/alerts")).body.alerts[0].id;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    for (const node of [a, b]) node?.child.kill("SIGKILL");
  });

  it("asks from the alert, is approved on the other node, and shows the data received", async () => {
    const onA = await open(a, "reviewer", `/alerts/${alertId}`);
    const ask = onA.getByRole("form", { name: "Partner check" });
    await ask.getByLabel("Partner node").fill("AL-BORDER");
    await ask.getByRole("button", { name: "Ask the partner" }).click();
    const hit = onA.locator(".partner-checks li[data-answer=hit]");
    await hit.waitFor();
    const followUp = onA.getByRole("form", { name: "Follow-up request" });
    await followUp.getByLabel("Reason").fill("hit at second line; identity to be confirmed");
    await followUp.getByLabel("Legal basis").fill("Bilateral protocol art. 7");
    await followUp.getByRole("button", { name: "Send the follow-up" }).click();
    await onA.getByText("Waiting for the partner").waitFor();

    const onB = await open(b, "reviewer", "/partner-requests");
    const request = onB.locator(".partner-requests li").first();
    await request.getByText("From MK-BORDER").waitFor();
    await request.getByLabel("Nationality").uncheck();
    await request.getByLabel("Reason").fill("legal basis checked; nationality withheld");
    await request.getByRole("button", { name: "Approve" }).click();
    await onB.getByRole("status").filter({ hasText: "Approved" }).waitFor();
    await shot(onB, "partner-requests");

    await onA.reload();
    await onA.locator(".follow-ups li[data-status=approved]").waitFor();
    const received = (await onA.locator(".received-data").textContent()) ?? "";
    expect(received).toContain("MICHEL RUKUNDA");
    expect(received).not.toContain("nationality");
    await shot(onA, "partner-check");
  }, 120_000);

  it("shows both nodes' imported regional bundles side by side, small figures withheld", async () => {
    const month = new Date().toISOString().slice(0, 7);
    for (const node of [a, b]) {
      const bundle = await call(node, "admin", "GET", `/api/v1/regional/bundle?month=${month}`);
      expect(bundle.status).toBe(200);
      const imported = await call(a, "admin", "POST", "/api/v1/regional/bundles", bundle.body);
      expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    }
    await signIn(a, "analyst");
    const page = await open(a, "analyst", "/regional");
    await page.locator(".regional-origin[data-origin=MK-BORDER]").first().waitFor();
    await page.locator(".regional-origin[data-origin=AL-BORDER]").first().waitFor();
    // One crossing at Tabanovce this month: under 10, so the section's figure is withheld, not 0 or 1.
    await page.getByText("withheld").first().waitFor();
    await shot(page, "regional");
  }, 60_000);
});
