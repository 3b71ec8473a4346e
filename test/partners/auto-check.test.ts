// Automatic partner document checks at crossings (issue 16, step 1), between two real Limes server
// processes on each dialect. MK-BORDER's agreement with AL-BORDER names a purpose under which it asks
// about the travel document of every crossing: the query leaves through the outbox after the crossing
// committed, never holding it up; AL-BORDER's hit lands on an alert at MK-BORDER for a person to review,
// with AL-BORDER's reference and contact desk, audited on both sides under one request id. A document
// AL-BORDER does not know opens nothing, and with the setting off nothing is sent at all.
import { afterAll, beforeAll, expect, it } from "vitest";
import { queryAudit } from "../../src/audit/index.js";
import { type Dialect, openDatabase } from "../../src/db/index.js";
import { type FreshDatabase, forEachDialect, freshDatabase } from "../support/db.js";
import { agreeWith, call, type Node, signInAll, startNode } from "./support.js";

/** A passport of a UN-listed person (data/samples), presented by someone of another name. */
const LISTED_DOCUMENT = { type: "P", number: "AB850901", issuingCountry: "TZ" };
const BEARER = { surname: "JOVANOVIC", givenNames: "MARKO", birthDate: "1985-02-11", nationality: "RS" };

async function onDb<T>(node: Node, work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>) {
  const db = await openDatabase(node.dbUrl);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** The outbox messages a crossing queued, once none waits any more (or the time is up). */
async function settledMessages(node: Node, crossingId: string) {
  const rows = () =>
    onDb(node, (db) =>
      db.kysely.selectFrom("partner_outbox").selectAll().where("object_id", "=", crossingId).execute(),
    );
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const r = await rows();
    if (r.length > 0 && r.every((m) => m.delivered_at)) return r;
    await new Promise((res) => setTimeout(res, 300));
  }
  return rows();
}

const alertsOfCrossing = (node: Node, crossingId: string) =>
  onDb(node, (db) =>
    db.kysely.selectFrom("alerts").select(["id", "status"]).where("source_id", "=", crossingId).execute(),
  );

forEachDialect("automatic partner document checks", (dialect: Dialect) => {
  const port = 20_000 + Math.floor(Math.random() * 800) + (dialect === "postgres" ? 900 : 0);
  const databases: FreshDatabase[] = [];
  let a: Node;
  let b: Node;
  let pointId: string;
  let agreementOfA: string;

  const cross = async (document: Record<string, string>) => {
    const r = await call(a, "booth", "POST", "/api/v1/crossings", {
      entry: { person: BEARER, document, direction: "entry", crossingPointId: pointId },
      purpose: "entry check",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { id: string; result: { decision: string } };
  };

  beforeAll(async () => {
    const urls: (string | undefined)[] = [undefined, undefined];
    if (dialect === "postgres")
      for (const i of [0, 1]) {
        const fresh = await freshDatabase("postgres", { migrate: false });
        databases.push(fresh);
        urls[i] = fresh.url;
      }
    [a, b] = await Promise.all([
      startNode("MK-BORDER", port, {}, urls[0]),
      startNode("AL-BORDER", port + 1, {}, urls[1]),
    ]);
    for (const node of [a, b]) await signInAll(node);
    await agreeWith(b, a, ["un-sc"]);
    agreementOfA = await agreeWith(a, b, ["un-sc"]);
    const point = await call(a, "admin", "POST", "/api/v1/crossing-points", {
      code: "MK-TABANOVCE",
      name: "Tabanovce",
      kind: "land",
      country: "MK",
    });
    pointId = point.body.id;
  }, 300_000);

  afterAll(async () => {
    for (const node of [a, b]) node?.child.kill("SIGKILL");
    for (const d of databases) await d.drop();
  });

  it("sends nothing while the agreement does not ask automatically", async () => {
    const crossing = await cross(LISTED_DOCUMENT);
    await new Promise((r) => setTimeout(r, 1500));
    const queued = await onDb(a, (db) =>
      db.kysely.selectFrom("partner_outbox").selectAll().where("object_id", "=", crossing.id).execute(),
    );
    expect(queued).toEqual([]);
    const received = await onDb(b, (db) => db.kysely.selectFrom("partner_queries").selectAll().execute());
    expect(received).toEqual([]);
  });

  it("puts the partner's hit on an alert for review, audited on both sides under one request id", async () => {
    await agreeWith(a, b, ["un-sc"], { id: agreementOfA, autoDocumentCheck: "document-fraud" });
    const crossing = await cross(LISTED_DOCUMENT);
    const [sent] = await settledMessages(a, crossing.id);
    expect(sent).toMatchObject({ route: "/queries", last_error: null });
    const [alert] = await alertsOfCrossing(a, crossing.id);
    expect(alert?.status).toBe("open");
    const detail = (await call(a, "reviewer", "GET", `/api/v1/alerts/${alert!.id}?purpose=review`)).body;
    const requestId = JSON.parse(sent!.payload).requestId as string;
    expect(detail.partnerHits).toEqual([
      {
        requestId,
        partnerNodeId: "AL-BORDER",
        purpose: "document-fraud",
        kind: "document",
        reference: expect.stringMatching(/^R-/),
        contact: "AL-BORDER single point of contact",
        at: expect.any(String),
      },
    ]);
    expect(detail.requestedActions.join(" ")).toMatch(/Partner hit \(AL-BORDER\)/);
    // The same answer is among the alert's partner checks, where a follow-up can be sent from.
    const checks = (await call(a, "reviewer", "GET", `/api/v1/alerts/${alert!.id}/partner-checks`)).body
      .checks;
    expect(checks).toMatchObject([{ requestId, answer: "hit", reference: detail.partnerHits[0].reference }]);
    const [asked] = await onDb(a, (db) =>
      queryAudit(db, { action: "partner.query.send", objectId: requestId }),
    );
    const [answered] = await onDb(b, (db) =>
      queryAudit(db, { action: "partner.query.answer", objectId: requestId }),
    );
    expect(asked?.details).toMatchObject({ automatic: true, answer: "hit", crossing: crossing.id });
    expect(answered?.details).toMatchObject({ answer: "hit", kind: "document" });
  });

  it("records a document the partner does not know and opens nothing", async () => {
    const crossing = await cross({ type: "P", number: "P77665544", issuingCountry: "RS" });
    expect(crossing.result.decision).toBe("clear");
    const [sent] = await settledMessages(a, crossing.id);
    expect(sent).toMatchObject({ last_error: null, delivered_at: expect.any(String) });
    const requestId = JSON.parse(sent!.payload).requestId as string;
    const [query] = await onDb(a, (db) =>
      db.kysely.selectFrom("partner_queries").selectAll().where("request_id", "=", requestId).execute(),
    );
    expect(query).toMatchObject({ direction: "sent", answer: "no_hit", alert_id: null, user_id: null });
    expect(await alertsOfCrossing(a, crossing.id)).toEqual([]);
  });
});
