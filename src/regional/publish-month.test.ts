// The monthly run on a controlled clock, on each dialect: it publishes last month's bundle once per node
// and month, whoever runs it, and queues it only for partners whose active agreement has the term.
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type FreshDatabase, forEachDialect, freshDatabase } from "../../test/support/db.js";
import { type Db, openDatabase } from "../db/index.js";
import { keyIdOf, type NodeIdentity } from "../partners/index.js";
import { publishMonth } from "./publish-month.js";

function identity(nodeId: string): NodeIdentity {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    nodeId,
    privateKey,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    keyId: keyIdOf(privateKey),
    url: `http://${nodeId.toLowerCase()}.invalid`,
  };
}

/** An active agreement with `partner`, its terms with or without the regional bundle. */
async function agree(db: Db, partner: NodeIdentity, regionalBundle: boolean) {
  const now = "2026-01-01T00:00:00.000Z";
  await db.kysely
    .insertInto("partner_agreements")
    .values({
      id: randomUUID(),
      version: 1,
      status: "active",
      partner_node_id: partner.nodeId,
      partner_key: partner.publicKeyPem,
      partner_key_id: partner.keyId,
      partner_url: partner.url,
      valid_from: now,
      valid_to: "2030-01-01T00:00:00.000Z",
      terms: JSON.stringify({ purposes: ["document-fraud"], ...(regionalBundle ? { regionalBundle } : {}) }),
      approval_id: null,
      created_by: "admin",
      created_at: now,
      updated_at: now,
    })
    .execute();
}

const queued = (db: Db) =>
  db.kysely.selectFrom("partner_outbox").select(["partner_node_id", "route"]).execute();

forEachDialect("the monthly regional bundle", (dialect) => {
  const node = identity("MK-BORDER");
  let fresh: FreshDatabase;
  let other: Db;
  const getDb = () => fresh.db;

  beforeAll(async () => {
    fresh = await freshDatabase(dialect);
    // A second handle on the same database, as a second server process of the same node would have; a
    // SQLite database belongs to one process, so there the two runs share its handle.
    other = dialect === "sqlite" ? fresh.db : await openDatabase(fresh.url);
  });
  afterAll(async () => {
    if (other !== fresh?.db) await other?.close();
    await fresh?.drop();
  });

  it("publishes nothing while no agreement asks for it", async () => {
    await agree(getDb(), identity("RS-BORDER"), false);
    expect(await publishMonth(getDb(), node, new Date("2026-12-01T00:05:00Z"))).toEqual({
      month: "2026-11",
      partners: [],
    });
    expect(await queued(getDb())).toEqual([]);
  });

  it("queues last month's bundle for the partners with the term, once whoever runs it", async () => {
    await agree(getDb(), identity("AL-BORDER"), true);
    const clock = new Date("2026-12-01T00:10:00Z");
    const [first, second] = await Promise.all([
      publishMonth(getDb(), node, clock),
      publishMonth(other, node, clock),
    ]);
    expect([first, second].map((r) => r.partners).sort()).toEqual([[], ["AL-BORDER"]]);
    const later = await publishMonth(other, node, new Date("2026-12-17T09:00:00Z"));
    expect(later).toEqual({ month: "2026-11", partners: [] });
    expect(await queued(getDb())).toEqual([{ partner_node_id: "AL-BORDER", route: "/regional-bundles" }]);
    const kept = await getDb()
      .kysely.selectFrom("regional_bundles")
      .select(["origin_node_id", "month", "imported_by"])
      .execute();
    expect(kept).toEqual([{ origin_node_id: "MK-BORDER", month: "2026-11", imported_by: "system" }]);
  });

  it("publishes the next month when the clock reaches it", async () => {
    const r = await publishMonth(getDb(), node, new Date("2027-01-01T00:00:00Z"));
    expect(r).toEqual({ month: "2026-12", partners: ["AL-BORDER"] });
    expect((await queued(getDb())).length).toBe(2);
  });
});
