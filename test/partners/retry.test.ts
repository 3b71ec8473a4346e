// A follow-up decided on AL-BORDER while the asking node MK-BORDER is down (killed) still reaches it:
// the decision waits in AL-BORDER's outbox and is sent again, with backoff, until MK-BORDER is back and
// takes it. Two real Limes server processes; every attempt is audited on the answering side.
import { afterAll, beforeAll, expect, it } from "vitest";
import { queryAudit } from "../../src/audit/index.js";
import { openDatabase } from "../../src/db/index.js";
import { agreeWith, call, type Node, restartNode, signInAll, startNode } from "./support.js";

/** UN sample entry CDi.041 (data/samples), on the UN list AL-BORDER shares. */
const TRAVELLER = { surname: "RUKUNDA", givenNames: "MICHEL", birthDate: "1974-09-12", nationality: "CD" };
const port = 19_800 + Math.floor(Math.random() * 150);
let a: Node;
let b: Node;

async function auditOf(node: Node, action: string, objectId: string) {
  const db = await openDatabase(node.dbUrl);
  try {
    return await queryAudit(db, { action, objectId, limit: 100 });
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  [a, b] = await Promise.all([
    startNode("MK-BORDER", port),
    startNode("AL-BORDER", port + 1, { LIMES_PARTNER_RETRY_SECONDS: "1" }),
  ]);
  for (const node of [a, b]) await signInAll(node);
  await agreeWith(b, a, ["un-sc"]);
  await agreeWith(a, b, ["un-sc"]);
}, 300_000);

afterAll(() => {
  for (const node of [a, b]) node?.child.kill("SIGKILL");
});

it("delivers a follow-up decided while the asking node was down once it is back", async () => {
  const point = await call(a, "admin", "POST", "/api/v1/crossing-points", {
    code: "MK-TABANOVCE",
    name: "Tabanovce",
    kind: "land",
    country: "MK",
  });
  const crossing = await call(a, "booth", "POST", "/api/v1/crossings", {
    entry: { person: TRAVELLER, direction: "entry", crossingPointId: point.body.id },
    purpose: "entry check",
  });
  expect(crossing.status, JSON.stringify(crossing.body)).toBe(201);
  const [alert] = (await call(a, "reviewer", "GET", "/api/v1/alerts")).body.alerts;
  const check = await call(a, "reviewer", "POST", `/api/v1/alerts/${alert.id}/partner-checks`, {
    partnerNodeId: "AL-BORDER",
    purpose: "counter-terrorism",
    kind: "person",
  });
  expect(check.body.answer).toBe("hit");
  const asked = await call(
    a,
    "reviewer",
    "POST",
    `/api/v1/partner-checks/${check.body.requestId}/follow-ups`,
    {
      categories: ["identity", "birth"],
      reason: "hit at second line; identity to be confirmed",
      legalBasis: "Bilateral protocol art. 7",
    },
  );
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);

  a.child.kill("SIGKILL");
  await new Promise((r) => a.child.once("exit", r));
  const decided = await call(b, "reviewer", "POST", `/api/v1/partner-requests/${asked.body.id}/approve`, {
    reason: "legal basis checked",
  });
  expect(decided.body).toMatchObject({ status: "approved", delivered: false });
  // Two more attempts fail while MK-BORDER is down (1 s, then 2 s later).
  await new Promise((r) => setTimeout(r, 3500));
  await restartNode(a);

  const followUp = async () =>
    (await call(a, "reviewer", "GET", `/api/v1/partner-checks/${check.body.requestId}/follow-ups`)).body
      .followUps[0];
  const deadline = Date.now() + 60_000;
  while ((await followUp()).status !== "approved" && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 500));
  const received = await followUp();
  expect(received).toMatchObject({ status: "approved", returnedCategories: ["identity", "birth"] });
  expect(received.data[0].identity.name).toBe("MICHEL RUKUNDA");

  // AL-BORDER commits its record of the attempt just after MK-BORDER took the answer: wait for it.
  const attemptsOnB = async () =>
    (await auditOf(b, "partner.follow-up.deliver", asked.body.id))
      .map((e) => ({ outcome: e.outcome, attempt: e.details?.attempt as number }))
      .sort((x, y) => x.attempt - y.attempt);
  let attempts = await attemptsOnB();
  while (attempts.at(-1)?.outcome !== "success" && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    attempts = await attemptsOnB();
  }
  expect(attempts.length).toBeGreaterThanOrEqual(3);
  expect(attempts.slice(0, -1).every((e) => e.outcome === "error")).toBe(true);
  expect(attempts.at(-1)?.outcome).toBe("success");
  const [answered] = await auditOf(a, "partner.follow-up.answer", asked.body.id);
  expect(answered?.details).toMatchObject({ status: "approved" });
}, 180_000);
