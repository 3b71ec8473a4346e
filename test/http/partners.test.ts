// Step 1 of the partner exchange (issue 16) on the answering node, on both dialects, over the API: a list
// shared by a watchlist manager, an agreement proposed by one admin and approved by a second, signed
// hit/no-hit queries, and every way a request is refused, each with its status, code and audit entry.
// The signing node is played by the test with a real Ed25519 key generated per run.
import { generateKeyPairSync, type KeyObject, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { queryAudit } from "../../src/audit/index.js";
import { keyIdOf, signRequest } from "../../src/partners/index.js";
import { describeBothDialects } from "../support/db.js";
import { startTestApi, type TestApi } from "./harness.js";

const PATH = "/partner/v1/queries";
const DAY = 86_400_000;

/** Djordje Petrovic, NL-0001 of the fictional national list in data/samples. */
const LISTED = { name: "Djordje Petrovic", birthDate: "1979-03-14" };

function nodeKey() {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKey,
    keyId: keyIdOf(privateKey),
    pem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

describeBothDialects("partner queries, step 1", (getDb) => {
  let api: TestApi;
  const partner = nodeKey();
  let agreementId: string;

  const query = (over: Record<string, unknown> = {}) => ({
    requestId: randomUUID(),
    purpose: "counter-terrorism",
    kind: "person",
    person: LISTED,
    ...over,
  });
  /** A signed POST; `tamper` changes the body after signing, `signWith` signs with another key. */
  const send = (
    body: unknown,
    opts: {
      now?: Date;
      signWith?: { privateKey: KeyObject; keyId: string };
      tamper?: (b: string) => string;
    } = {},
  ) => {
    const raw = JSON.stringify(body);
    const headers = signRequest(
      { method: "POST", path: PATH, body: raw },
      opts.signWith ?? partner,
      opts.now,
    );
    return api.app.inject({
      method: "POST",
      url: PATH,
      payload: opts.tamper ? opts.tamper(raw) : raw,
      headers: { "content-type": "application/json", ...headers },
    });
  };
  const propose = (over: Record<string, unknown> = {}) =>
    api.call("admin1", "POST", "/api/v1/partners/agreements", {
      partnerNodeId: "MK-BORDER",
      partnerKey: partner.pem,
      partnerUrl: "http://127.0.0.1:9",
      validFrom: new Date(Date.now() - DAY).toISOString(),
      validTo: new Date(Date.now() + 365 * DAY).toISOString(),
      purposes: ["counter-terrorism"],
      queryKinds: ["person", "document"],
      lists: ["national"],
      categories: ["identity", "documents"],
      retentionDays: 30,
      ratePerMinute: 20,
      contact: "SPOC desk +389 2 000 000",
      reason: "bilateral protocol of 2026",
      ...over,
    });
  const approve = (approvalId: string) =>
    api.call("admin2", "POST", `/api/v1/approvals/${approvalId}/approve`, { reason: "protocol checked" });
  const rejections = async () =>
    (await queryAudit(getDb(), { action: "partner.rejected", limit: 1000 })).map((e) => e.details?.code);

  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addUser("admin1", ["admin"]);
    await api.addUser("admin2", ["admin"]);
    await api.addUser("manager", ["watchlist_manager"]);
  });

  it("names only lists a watchlist manager shared with partners, and audits the sharing", async () => {
    expect((await propose()).json().error.message).toMatch(/national is national-only/);
    expect(
      (
        await api.call("admin1", "PUT", "/api/v1/watchlists/national/sharing", {
          sharing: "partners",
          reason: "ok",
        })
      ).statusCode,
    ).toBe(403);
    const r = await api.call("manager", "PUT", "/api/v1/watchlists/national/sharing", {
      sharing: "partners",
      reason: "agreed with the ministry",
    });
    expect(r.json()).toEqual({ list: "national", sharing: "partners" });
    const [entry] = await queryAudit(getDb(), { action: "watchlist.sharing" });
    expect(entry).toMatchObject({ objectId: "national", details: { from: "national-only", to: "partners" } });
    expect((await propose({ categories: ["identity", "protection"] })).json().error.message).toMatch(
      /protection never cross/,
    );
  });

  it("takes effect only when a second admin approves it", async () => {
    const r = await propose();
    expect(r.statusCode).toBe(201);
    agreementId = r.json().agreement.id;
    expect(r.json().agreement).toMatchObject({ version: 1, status: "pending", partnerKeyId: partner.keyId });
    expect((await send(query())).json().error.code).toBe("unknown_key");
    const self = await api.call("admin1", "POST", `/api/v1/approvals/${r.json().approvalId}/approve`, {
      reason: "my own",
    });
    expect(self.statusCode).toBe(403);
    expect((await approve(r.json().approvalId)).statusCode).toBe(200);
    const [entry] = await queryAudit(getDb(), { action: "partner.agreement.activate" });
    expect(entry?.objectId).toBe(`${agreementId}@1`);
  });

  it("answers hit or no-hit with a random reference, and audits the answer under the request id", async () => {
    const hit = await send(query());
    expect(hit.statusCode).toBe(200);
    expect(hit.json()).toMatchObject({ answer: "hit", contact: "SPOC desk +389 2 000 000" });
    const again = await send(query());
    expect(again.json().answer).toBe("hit");
    expect(again.json().reference).not.toBe(hit.json().reference);
    const none = await send(query({ person: { name: "Marta Kowalczyk", birthDate: "1990-01-01" } }));
    expect(none.json().answer).toBe("no_hit");
    const doc = await send(query({ kind: "document", person: undefined, document: { number: "P01234567" } }));
    expect(doc.json().answer).toBe("hit");
    const [entry] = await queryAudit(getDb(), {
      action: "partner.query.answer",
      objectId: hit.json().requestId,
    });
    expect(entry).toMatchObject({ purpose: "counter-terrorism", details: { answer: "hit" } });
  });

  it("puts no name, document number, list, entity or score in a step-1 answer", async () => {
    const sensitive = [
      "Petrovic",
      "Petrović",
      "Djordje",
      "1979",
      "P01234567",
      "national",
      "NL-0001",
      "score",
      "entity",
      "match",
    ];
    for (const body of [
      query(),
      query({ kind: "document", person: undefined, document: { number: "P01234567" } }),
    ]) {
      const r = await send(body);
      expect(r.json().answer).toBe("hit");
      expect(Object.keys(r.json()).sort()).toEqual(["answer", "contact", "reference", "requestId"]);
      const raw = r.body.replace(body.requestId, "");
      for (const value of sensitive) expect(raw.toLowerCase()).not.toContain(value.toLowerCase());
    }
  });

  describe("refusals, each with a status, a code and an audit entry", () => {
    it("refuses a replayed request", async () => {
      const raw = JSON.stringify(query());
      const headers = signRequest({ method: "POST", path: PATH, body: raw }, partner);
      const once = () =>
        api.app.inject({
          method: "POST",
          url: PATH,
          payload: raw,
          headers: { "content-type": "application/json", ...headers },
        });
      expect((await once()).statusCode).toBe(200);
      const replay = await once();
      expect([replay.statusCode, replay.json().error.code]).toEqual([401, "replay"]);
    });

    it("refuses a stale timestamp, an unknown key, a wrong key and a tampered body", async () => {
      const stale = await send(query(), { now: new Date(Date.now() - 10 * 60_000) });
      expect([stale.statusCode, stale.json().error.code]).toEqual([401, "stale_timestamp"]);
      const stranger = nodeKey();
      const unknown = await send(query(), { signWith: stranger });
      expect([unknown.statusCode, unknown.json().error.code]).toEqual([401, "unknown_key"]);
      const wrong = await send(query(), {
        signWith: { privateKey: stranger.privateKey, keyId: partner.keyId },
      });
      expect([wrong.statusCode, wrong.json().error.code]).toEqual([401, "bad_signature"]);
      const tampered = await send(query(), { tamper: (b) => b.replace("Djordje", "Marko") });
      expect([tampered.statusCode, tampered.json().error.code]).toEqual([401, "digest_mismatch"]);
      const unsigned = await api.app.inject({ method: "POST", url: PATH, payload: query() });
      expect([unsigned.statusCode, unsigned.json().error.code]).toEqual([401, "signature_missing"]);
      expect(await rejections()).toEqual(
        expect.arrayContaining([
          "stale_timestamp",
          "unknown_key",
          "bad_signature",
          "digest_mismatch",
          "replay",
        ]),
      );
    });

    it("refuses a purpose the agreement does not list", async () => {
      const r = await send(query({ purpose: "serious-organised-crime" }));
      expect([r.statusCode, r.json().error.code]).toEqual([403, "purpose_not_allowed"]);
      expect(await rejections()).toContain("purpose_not_allowed");
    });

    it("stops answering a list set back to national-only at once", async () => {
      await api.call("manager", "PUT", "/api/v1/watchlists/national/sharing", {
        sharing: "national-only",
        reason: "paused",
      });
      expect((await send(query())).json().answer).toBe("no_hit");
      await api.call("manager", "PUT", "/api/v1/watchlists/national/sharing", {
        sharing: "partners",
        reason: "resumed",
      });
      expect((await send(query())).json().answer).toBe("hit");
    });

    it("refuses past the agreement's rate per minute", async () => {
      const codes: number[] = [];
      for (let i = 0; i < 25; i++) codes.push((await send(query())).statusCode);
      expect(codes).toContain(429);
      // Every request since the agreement took effect counts; none past the 20th got an answer.
      expect(codes.filter((c) => c === 200).length).toBeLessThan(20);
      expect(await rejections()).toContain("rate_limited");
    });

    it("refuses everything under an expired or suspended agreement", async () => {
      const expired = await propose({
        id: agreementId,
        validFrom: new Date(Date.now() - 30 * DAY).toISOString(),
        validTo: new Date(Date.now() - DAY).toISOString(),
      });
      expect(expired.json().agreement.version).toBe(2);
      await approve(expired.json().approvalId);
      const r = await send(query());
      expect([r.statusCode, r.json().error.code]).toEqual([403, "agreement_expired"]);
      const renewed = await propose({ id: agreementId });
      await approve(renewed.json().approvalId);
      const s = await api.call("admin1", "POST", `/api/v1/partners/agreements/${agreementId}/suspend`, {
        reason: "breach notified",
      });
      expect(s.json()).toMatchObject({ version: 3, status: "suspended" });
      const refused = await send(query());
      expect([refused.statusCode, refused.json().error.code]).toEqual([403, "agreement_inactive"]);
      const versions = (await api.call("admin1", "GET", "/api/v1/partners/agreements")).json().agreements;
      expect(versions.map((a: { status: string }) => a.status)).toEqual([
        "superseded",
        "superseded",
        "suspended",
      ]);
    });
  });
});
