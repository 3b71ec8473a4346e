// The monthly regional bundle between two real Limes server processes (SQLite, to keep the run light).
// MK-BORDER's agreement with AL-BORDER has the regionalBundle term, AL-BORDER's with MK-BORDER has not.
// MK-BORDER's monthly run, on a controlled clock, queues last month's signed bundle; its outbox delivers
// it to AL-BORDER's signed partner route, which checks the bundle's signature and imports it, so that it
// shows in AL-BORDER's regional view. A second run sends nothing, and AL-BORDER's run sends MK-BORDER
// nothing at all. Both sides audit.
import { afterAll, beforeAll, expect, it } from "vitest";
import { queryAudit } from "../../src/audit/index.js";
import { type Db, openDatabase } from "../../src/db/index.js";
import { loadNodeIdentity } from "../../src/partners/index.js";
import { publishMonth } from "../../src/regional/index.js";
import { agreeWith, call, type Node, signInAll, startNode } from "./support.js";

async function onDb<T>(node: Node, work: (db: Db) => Promise<T>) {
  const db = await openDatabase(node.dbUrl);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** The node's monthly run as its timer would call it, at `clock`. */
const monthlyRun = (node: Node, clock: Date) =>
  onDb(node, (db) =>
    publishMonth(db, loadNodeIdentity({ nodeId: node.nodeId, keyFile: node.keyFile, url: node.url }), clock),
  );

const bundlesAt = async (node: Node) =>
  (await call(node, "admin", "GET", "/api/v1/regional/bundles")).body.bundles as {
    origin: string;
    month: string;
    importedBy: string;
  }[];

/** A month the servers' own runs (last month of the real clock) never publish. */
const CLOCK = new Date("2026-02-01T03:00:00Z");

let a: Node;
let b: Node;

beforeAll(async () => {
  const port = 22_000 + Math.floor(Math.random() * 800);
  [a, b] = await Promise.all([
    startNode("MK-BORDER", port, { LIMES_PARTNER_RETRY_SECONDS: "1" }),
    startNode("AL-BORDER", port + 1),
  ]);
  for (const node of [a, b]) await signInAll(node);
  await agreeWith(b, a, ["un-sc"]);
  await agreeWith(a, b, ["un-sc"], { regionalBundle: true });
}, 180_000);

afterAll(() => {
  for (const node of [a, b]) node?.child.kill("SIGKILL");
});

it("delivers MK-BORDER's monthly bundle to the partner with the term, once", async () => {
  expect(await monthlyRun(a, CLOCK)).toEqual({ month: "2026-01", partners: ["AL-BORDER"] });
  let received: Awaited<ReturnType<typeof bundlesAt>> = [];
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    received = (await bundlesAt(b)).filter((x) => x.origin === "MK-BORDER");
    if (received.length) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  expect(received).toMatchObject([
    { origin: "MK-BORDER", month: "2026-01", importedBy: "partner:MK-BORDER" },
  ]);
  const [sent] = await onDb(a, (db) => queryAudit(db, { action: "regional.bundle.send" }));
  expect(sent).toMatchObject({ outcome: "success", details: { partner: "AL-BORDER", status: 200 } });
  const [got] = await onDb(b, (db) => queryAudit(db, { action: "regional.bundle.receive" }));
  expect(got?.details).toMatchObject({ origin: "MK-BORDER", month: "2026-01" });
  expect(await monthlyRun(a, new Date("2026-02-20T00:00:00Z"))).toEqual({ month: "2026-01", partners: [] });
}, 120_000);

it("sends nothing to a partner whose agreement lacks the term", async () => {
  expect(await monthlyRun(b, CLOCK)).toEqual({ month: "2026-01", partners: [] });
  await new Promise((r) => setTimeout(r, 2_000));
  expect((await bundlesAt(a)).filter((x) => x.origin === "AL-BORDER")).toEqual([]);
  const queued = await onDb(b, (db) => db.kysely.selectFrom("partner_outbox").select("route").execute());
  expect(queued.filter((m) => m.route === "/regional-bundles")).toEqual([]);
}, 60_000);
