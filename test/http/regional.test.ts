// The regional risk-analysis exchange (issue 16, item 6) over the API, on both dialects: crossing points
// placed in border sections by an admin (audited); this node's monthly bundle built from real crossings
// and alerts, signed with its node key, carrying no personal data and no cell under 10; and its import,
// which takes a bundle signed by this node or by a partner an agreement pins, and refuses a tampered
// bundle, an unknown signer and small cells with a clear 4xx, changing nothing.
import { generateKeyPairSync } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { queryAudit } from "../../src/audit/index.js";
import { keyIdOf, type NodeIdentity } from "../../src/partners/index.js";
import { cellsOf, type SignedBundle, signBundle } from "../../src/regional/index.js";
import { describeBothDialects } from "../support/db.js";
import { startTestApi, type TestApi } from "./harness.js";

const DAY = 86_400_000;
const MONTH = new Date().toISOString().slice(0, 7);

function key() {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKey,
    keyId: keyIdOf(privateKey),
    pem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

/** NL-0001 of the fictional national list: every crossing of his opens an alert. */
const LISTED = {
  person: { surname: "Petrovic", givenNames: "Djordje", birthDate: "1979-03-14", nationality: "RS" },
  document: { type: "P", number: "P01234567", issuingCountry: "RS" },
};
const traveller = (i: number) => ({
  person: { surname: `Kovacevska${i}`, givenNames: "Ana", birthDate: "1990-02-03", nationality: "MK" },
  document: { type: "P", number: `MK${String(700000 + i)}`, issuingCountry: "MK" },
});

describeBothDialects("the regional exchange", (getDb) => {
  let api: TestApi;
  const own = key();
  const partner = key();
  const stranger = key();
  const node: NodeIdentity = {
    nodeId: "MK-BORDER",
    privateKey: own.privateKey,
    publicKeyPem: own.pem,
    keyId: own.keyId,
    url: "http://127.0.0.1:9",
  };
  let signed: SignedBundle;

  const cross = (point: string, entry: object) =>
    api.call("booth", "POST", "/api/v1/crossings", {
      entry: { ...entry, direction: "entry", crossingPointId: point },
      purpose: "entry check",
    });
  const bundlesStored = async () =>
    (await getDb().kysely.selectFrom("regional_bundles").select("id").execute()).length;

  beforeAll(async () => {
    api = await startTestApi(getDb(), { partners: { node } });
    await api.addUser("admin1", ["admin"]);
    await api.addUser("admin2", ["admin"]);
    await api.addUser("booth", ["first_line"]);
    await api.addUser("analyst", ["analyst"]);
    await api.addUser("lists", ["watchlist_manager"]);
    for (const cp of ["cp-tabanovce", "cp-pelince", "cp-lojane"]) await api.addCrossingPoint(cp);
    // Tabanovce: 12 crossings of the listed man (12 alerts) and 14 others; Pelince 12; Lojane 3.
    for (let i = 0; i < 12; i++) expect((await cross("cp-tabanovce", LISTED)).statusCode).toBe(201);
    for (let i = 0; i < 14; i++) await cross("cp-tabanovce", traveller(i));
    for (let i = 14; i < 26; i++) await cross("cp-pelince", traveller(i));
    for (let i = 26; i < 29; i++) await cross("cp-lojane", traveller(i));
  }, 240_000);

  it("lets an admin place crossing points in a border section, audited with the reason", async () => {
    for (const cp of ["cp-tabanovce", "cp-pelince", "cp-lojane"]) {
      const r = await api.call("admin1", "PUT", `/api/v1/crossing-points/${cp}/border-section`, {
        borderSection: "MK-RS land border",
        reason: "regional risk analysis network",
      });
      expect(r.json(), r.body).toEqual({ id: cp, borderSection: "MK-RS land border" });
    }
    const denied = await api.call("booth", "PUT", "/api/v1/crossing-points/cp-lojane/border-section", {
      borderSection: "elsewhere",
      reason: "mine",
    });
    expect(denied.statusCode).toBe(403);
    const listed = (await api.call("admin1", "GET", "/api/v1/crossing-points")).json().crossingPoints;
    expect(listed.map((c: { borderSection: string }) => c.borderSection)).toEqual(
      Array(3).fill("MK-RS land border"),
    );
    const [entry] = await queryAudit(getDb(), {
      action: "crossing_point.border_section",
      objectId: "cp-lojane",
    });
    expect(entry?.details).toMatchObject({ from: null, to: "MK-RS land border" });
  });

  it("builds a signed monthly bundle with no personal data and no cell under 10", async () => {
    const r = await api.call("admin1", "GET", `/api/v1/regional/bundle?month=${MONTH}`);
    expect(r.statusCode, r.body).toBe(200);
    signed = r.json();
    expect(signed.signature.keyId).toBe(own.keyId);
    const [section] = signed.bundle.sections;
    expect(section?.section).toBe("MK-RS land border");
    expect(section?.indicators.crossings.total).toBe(41);
    expect(section?.indicators.crossings.byPoint["CP-LOJANE"]).toBeNull();
    // Lojane's 3 would follow from the total and the two others: one of them is withheld too.
    expect(Object.values(section!.indicators.crossings.byPoint).filter((v) => v === null)).toHaveLength(2);
    expect(section?.indicators.detections).toMatchObject({ total: 12, byCategory: { listed_person: 12 } });
    expect(section?.indicators.detections.byCategory.stolen_document).toBe(0);
    expect(cellsOf(signed.bundle).every((n) => n === 0 || n >= 10)).toBe(true);
    const raw = r.body.toLowerCase();
    const personal = [
      "Petrovic",
      "Djordje",
      "1979-03-14",
      "P01234567",
      "Kovacevska",
      "MK700000",
      "NL-0001",
      "national",
      "booth",
      "admin1",
    ];
    for (const value of personal) expect(raw).not.toContain(value.toLowerCase());
    expect((await api.call("analyst", "GET", `/api/v1/regional/bundle?month=${MONTH}`)).statusCode).toBe(403);
  });

  it("imports its own bundle and a partner's signed with the key an agreement pins, kept with their origin", async () => {
    const mine = await api.call("admin1", "POST", "/api/v1/regional/bundles", signed);
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({ origin: "MK-BORDER", month: MONTH });
    await api.call("lists", "PUT", "/api/v1/watchlists/national/sharing", {
      sharing: "partners",
      reason: "network",
    });
    const proposed = await api.call("admin1", "POST", "/api/v1/partners/agreements", {
      partnerNodeId: "RS-BORDER",
      partnerKey: partner.pem,
      partnerUrl: "http://127.0.0.1:9",
      validFrom: new Date(Date.now() - DAY).toISOString(),
      validTo: new Date(Date.now() + 365 * DAY).toISOString(),
      purposes: ["serious-organised-crime"],
      queryKinds: ["document"],
      lists: ["national"],
      categories: ["identity"],
      retentionDays: 30,
      ratePerMinute: 10,
      contact: "SPOC",
      reason: "regional network",
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const theirs = signBundle({ ...signed.bundle, nodeId: "RS-BORDER" }, partner.privateKey);
    const early = await api.call("admin1", "POST", "/api/v1/regional/bundles", theirs);
    // Not yet approved by the second admin: the key is not pinned by an agreement in force.
    expect([early.statusCode, early.json().error.code]).toEqual([403, "bundle_unknown_signer"]);
    const approved = await api.call(
      "admin2",
      "POST",
      `/api/v1/approvals/${proposed.json().approvalId}/approve`,
      {
        reason: "protocol text checked",
      },
    );
    expect(approved.statusCode, approved.body).toBe(200);
    const imported = await api.call("admin1", "POST", "/api/v1/regional/bundles", theirs);
    expect(imported.statusCode, imported.body).toBe(201);
    const view = (await api.call("analyst", "GET", `/api/v1/regional/bundles?month=${MONTH}`)).json().bundles;
    expect(view.map((b: { origin: string }) => b.origin)).toEqual(["MK-BORDER", "RS-BORDER"]);
    expect(view[1].bundle.sections[0].indicators.crossings.total).toBe(41);
    const [entry] = await queryAudit(getDb(), {
      action: "regional.bundle.import",
      objectId: imported.json().id,
    });
    expect(entry?.details).toMatchObject({ origin: "RS-BORDER", keyId: partner.keyId });
  });

  it("refuses a tampered bundle, an unknown signer, small cells and a second copy, storing nothing", async () => {
    const before = await bundlesStored();
    const post = (body: SignedBundle) => api.call("admin1", "POST", "/api/v1/regional/bundles", body);
    const codeOf = async (body: SignedBundle) => {
      const r = await post(body);
      return [r.statusCode, r.json().error?.code];
    };
    const next = { ...signed.bundle, nodeId: "RS-BORDER", month: "2026-01" };
    const good = signBundle(next, partner.privateKey);
    const tampered = structuredClone(good);
    tampered.bundle.sections[0]!.indicators.crossings.total = 410;
    expect(await codeOf(tampered)).toEqual([422, "bundle_signature"]);
    expect(await codeOf(signBundle(next, stranger.privateKey))).toEqual([403, "bundle_unknown_signer"]);
    // A partner's key cannot vouch for another node's bundle.
    expect(await codeOf(signBundle({ ...next, nodeId: "AL-BORDER" }, partner.privateKey))).toEqual([
      403,
      "bundle_unknown_signer",
    ]);
    const small = structuredClone(next);
    small.sections[0]!.indicators.crossings.byPoint["CP-LOJANE"] = 3;
    expect(await codeOf(signBundle(small, partner.privateKey))).toEqual([422, "bundle_small_cells"]);
    expect(await codeOf(signed)).toEqual([409, "bundle_exists"]);
    expect(await bundlesStored()).toBe(before);
  });
});
