// The partner exchange end to end between two real Limes server processes (issue 16): MK-BORDER asks
// AL-BORDER about a traveller on one of its alerts. First under an agreement that does not share the
// list the person is on (no hit), then under a new version that does (hit); a follow-up approved with
// some categories arrives with an expiry the retention job enforces; another is refused. Protection
// data on the answering node never crosses, whatever category is asked for. Both sides audit each step
// under the same request id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryAudit } from "../../src/audit/index.js";
import { openDatabase } from "../../src/db/index.js";
import { CATEGORIES, NEVER_SHARED } from "../../src/partners/index.js";
import { readRetentionPolicy, runRetention } from "../../src/retention/index.js";
import { call, type Node, signInAll, startNode } from "./support.js";

const DAY = 86_400_000;
/**
 * UN sample entry CDi.041 (data/samples): on the UN list, which AL-BORDER shares only from version 2, and
 * not on the OFAC sample, which it shares from the start.
 */
const TRAVELLER = { surname: "RUKUNDA", givenNames: "MICHEL", birthDate: "1974-09-12", nationality: "CD" };
/** What AL-BORDER's protection officer records about him: it must never reach MK-BORDER. */
const PROTECTION_NOTE = "Asylum interview scheduled, case AL-ASY-77121";

const port = 19_000 + Math.floor(Math.random() * 800);
let a: Node;
let b: Node;

async function agreement(node: Node, partner: Node, lists: string[], id?: string) {
  const described = (await call(partner, "admin", "GET", "/.well-known/limes-node")).body;
  const proposed = await call(node, "admin", "POST", "/api/v1/partners/agreements", {
    ...(id ? { id } : {}),
    partnerNodeId: described.nodeId,
    partnerKey: described.publicKey,
    partnerUrl: partner.url,
    validFrom: new Date(Date.now() - DAY).toISOString(),
    validTo: new Date(Date.now() + 365 * DAY).toISOString(),
    purposes: ["counter-terrorism", "serious-organised-crime"],
    queryKinds: ["person", "document"],
    lists,
    categories: [...CATEGORIES],
    retentionDays: 30,
    ratePerMinute: 100,
    contact: `${node.nodeId} SPOC desk`,
    reason: "bilateral protocol on border security",
  });
  expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
  const approved = await call(
    node,
    "admin2",
    "POST",
    `/api/v1/approvals/${proposed.body.approvalId}/approve`,
    {
      reason: "protocol text checked",
    },
  );
  expect(approved.status).toBe(200);
  return proposed.body.agreement.id as string;
}

const share = (node: Node, list: string) =>
  call(node, "lists", "PUT", `/api/v1/watchlists/${list}/sharing`, {
    sharing: "partners",
    reason: "agreement",
  });

const ask = async (alertId: string) => {
  const r = await call(a, "reviewer", "POST", `/api/v1/alerts/${alertId}/partner-checks`, {
    partnerNodeId: "AL-BORDER",
    purpose: "counter-terrorism",
    kind: "person",
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
};

const followUp = (checkId: string, categories: string[]) =>
  call(a, "reviewer", "POST", `/api/v1/partner-checks/${checkId}/follow-ups`, {
    categories,
    reason: "hit at second line; identity to be confirmed",
    legalBasis: "Bilateral protocol art. 7; Prüm decision art. 5",
  });

async function auditOf(node: Node, action: string, objectId: string) {
  const db = await openDatabase(node.dbUrl);
  try {
    return await queryAudit(db, { action, objectId });
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  [a, b] = await Promise.all([startNode("MK-BORDER", port), startNode("AL-BORDER", port + 1)]);
  for (const node of [a, b]) await signInAll(node);
}, 300_000);

afterAll(() => {
  for (const node of [a, b]) node?.child.kill("SIGKILL");
});

describe("two Limes nodes", () => {
  let alertId: string;
  let agreementOfB: string;
  let hit: { requestId: string; reference: string; answer: string };

  it("publishes each node's id and key, and nothing else", async () => {
    const d = (await call(a, "admin", "GET", "/.well-known/limes-node")).body;
    expect(Object.keys(d).sort()).toEqual(["algorithm", "apiBase", "keyId", "nodeId", "publicKey"]);
    expect(d).toMatchObject({ nodeId: "MK-BORDER", apiBase: `${a.url}/partner/v1`, algorithm: "ed25519" });
  });

  it("answers no hit when the agreement does not share the list the person is on", async () => {
    await share(b, "ofac-sdn");
    await share(a, "ofac-sdn");
    agreementOfB = await agreement(b, a, ["ofac-sdn"]);
    await agreement(a, b, ["ofac-sdn"]);
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
    const alerts = (await call(a, "reviewer", "GET", "/api/v1/alerts")).body.alerts;
    alertId = alerts[0].id;
    const check = await ask(alertId);
    expect(check).toMatchObject({
      answer: "no_hit",
      partnerNodeId: "AL-BORDER",
      contact: "AL-BORDER SPOC desk",
    });
  });

  it("answers hit under a new version that shares it, audited on both sides under one request id", async () => {
    await share(b, "un-sc");
    await agreement(b, a, ["ofac-sdn", "un-sc"], agreementOfB);
    hit = await ask(alertId);
    expect(hit.answer).toBe("hit");
    const checks = (await call(a, "reviewer", "GET", `/api/v1/alerts/${alertId}/partner-checks`)).body.checks;
    expect(checks.map((c: { answer: string }) => c.answer)).toEqual(["no_hit", "hit"]);
    const [sent] = await auditOf(a, "partner.query.send", hit.requestId);
    const [answered] = await auditOf(b, "partner.query.answer", hit.requestId);
    expect(sent?.details).toMatchObject({ answer: "hit", reference: hit.reference });
    expect(answered?.details).toMatchObject({ answer: "hit", reference: hit.reference });
  });

  it("sends an approved follow-up's categories, never protection data, with an expiry retention enforces", async () => {
    const recorded = await call(b, "protection", "POST", "/api/v1/protection/records", {
      person: TRAVELLER,
      kinds: ["asylum_request"],
      note: PROTECTION_NOTE,
      purpose: "asylum request at the border",
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    for (const never of NEVER_SHARED) expect((await followUp(hit.requestId, [never])).status).toBe(422);
    const asked = await followUp(hit.requestId, [...CATEGORIES]);
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const queue = (await call(b, "reviewer", "GET", "/api/v1/partner-requests?status=pending")).body.requests;
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({
      id: asked.body.id,
      partnerNodeId: "MK-BORDER",
      categories: [...CATEGORIES],
    });
    const decided = await call(b, "reviewer", "POST", `/api/v1/partner-requests/${asked.body.id}/approve`, {
      categories: ["identity", "birth", "documents", "listing"],
      reason: "legal basis checked; nationality withheld",
    });
    expect(decided.body).toMatchObject({ status: "approved", delivered: true });
    const [received] = (
      await call(a, "reviewer", "GET", `/api/v1/partner-checks/${hit.requestId}/follow-ups`)
    ).body.followUps;
    expect(received).toMatchObject({
      status: "approved",
      returnedCategories: ["identity", "birth", "documents", "listing"],
    });
    expect(received.data[0].identity.name).toBe("MICHEL RUKUNDA");
    expect(Object.keys(received.data[0]).sort()).toEqual(["birth", "documents", "identity", "listing"]);
    const raw = JSON.stringify(received.data);
    for (const secret of [PROTECTION_NOTE, "asylum", "AL-ASY-77121", "protection", "referral"])
      expect(raw.toLowerCase()).not.toContain(secret.toLowerCase());
    const expires = Date.parse(received.expiresAt);
    expect(Math.abs(expires - (Date.now() + 30 * DAY))).toBeLessThan(60_000);

    const db = await openDatabase(a.dbUrl);
    try {
      const early = await runRetention(db, readRetentionPolicy({}), { now: new Date(expires - DAY) });
      expect(early.partners.followUps).toBe(0);
      const late = await runRetention(db, readRetentionPolicy({}), { now: new Date(expires + 1000) });
      expect(late.partners.followUps).toBe(1);
    } finally {
      await db.close();
    }
    const after = (await call(a, "reviewer", "GET", `/api/v1/partner-checks/${hit.requestId}/follow-ups`))
      .body.followUps[0];
    expect(after).toMatchObject({ status: "expired", data: null });
  });

  it("tells the asking node of a refused follow-up, with the reason", async () => {
    const asked = await followUp(hit.requestId, ["identity"]);
    const refused = await call(b, "reviewer", "POST", `/api/v1/partner-requests/${asked.body.id}/refuse`, {
      reason: "the legal basis named does not cover this purpose",
    });
    expect(refused.body).toMatchObject({ status: "refused", delivered: true });
    const followUps = (await call(a, "reviewer", "GET", `/api/v1/partner-checks/${hit.requestId}/follow-ups`))
      .body.followUps;
    const mine = followUps.find((f: { id: string }) => f.id === asked.body.id);
    expect(mine).toMatchObject({
      status: "refused",
      data: null,
      decisionReason: expect.stringMatching(/legal basis/),
    });
    const [onB] = await auditOf(b, "partner.follow-up.refuse", asked.body.id);
    const [onA] = await auditOf(a, "partner.follow-up.answer", asked.body.id);
    expect(onB?.outcome).toBe("success");
    expect(onA?.details).toMatchObject({ status: "refused" });
  });
});
