// A bundle delivered on the signed partner route: kept once, answered as received again on re-delivery,
// and refused when the sender delivers a bundle of another node, or one changed after signing.
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type FreshDatabase, freshDatabase } from "../../test/support/db.js";
import { type Agreement, keyIdOf, type NodeIdentity } from "../partners/index.js";
import { buildBundle } from "./model.js";
import { receiveBundle } from "./receive-bundle.js";
import { signBundle } from "./sign.js";

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

const here = identity("AL-BORDER");
const sender = identity("MK-BORDER");
const bystander = identity("RS-BORDER");
let fresh: FreshDatabase;
const agreements: Record<string, Agreement> = {};

beforeAll(async () => {
  fresh = await freshDatabase("sqlite");
  for (const partner of [sender, bystander]) {
    const a = {
      id: `agreement-${partner.nodeId}`,
      version: 1,
      status: "active" as const,
      partnerNodeId: partner.nodeId,
      partnerKey: partner.publicKeyPem,
      partnerKeyId: partner.keyId,
      partnerUrl: partner.url,
      validFrom: "2026-01-01T00:00:00.000Z",
      validTo: "2030-01-01T00:00:00.000Z",
    };
    await fresh.db.kysely
      .insertInto("partner_agreements")
      .values({
        id: a.id,
        version: 1,
        status: "active",
        partner_node_id: a.partnerNodeId,
        partner_key: a.partnerKey,
        partner_key_id: a.partnerKeyId,
        partner_url: a.partnerUrl,
        valid_from: a.validFrom,
        valid_to: a.validTo,
        terms: "{}",
        approval_id: null,
        created_by: "admin",
        created_at: a.validFrom,
        updated_at: a.validFrom,
      })
      .execute();
    agreements[partner.nodeId] = a as unknown as Agreement;
  }
});
afterAll(async () => {
  await fresh?.drop();
});

const now = new Date("2026-12-01T01:00:00Z");
const bundleOf = (node: NodeIdentity) =>
  signBundle(buildBundle(node.nodeId, "2026-11", [], [], now), node.privateKey);

it("keeps a partner's own bundle once and answers a re-delivery as received again", async () => {
  const s = bundleOf(sender);
  const from = agreements["MK-BORDER"]!;
  expect(await receiveBundle(fresh.db, here, from, s, now)).toEqual({
    origin: "MK-BORDER",
    month: "2026-11",
    received: "new",
  });
  expect((await receiveBundle(fresh.db, here, from, s, now)).received).toBe("again");
  const kept = await fresh.db.kysely.selectFrom("regional_bundles").select("imported_by").execute();
  expect(kept).toEqual([{ imported_by: "partner:MK-BORDER" }]);
});

it("refuses a bundle of another node, and one changed after signing", async () => {
  await expect(
    receiveBundle(fresh.db, here, agreements["RS-BORDER"]!, bundleOf(sender), now),
  ).rejects.toMatchObject({ code: "bundle_not_sender" });
  const changed = bundleOf(bystander);
  changed.bundle.month = "2026-10";
  await expect(receiveBundle(fresh.db, here, agreements["RS-BORDER"]!, changed, now)).rejects.toMatchObject({
    code: "bundle_signature",
  });
});
