// Vehicle and firearm query kinds of the partner hit/no-hit (issue 16 with issue 17's lists), on both
// dialects, over the signed partner API: the stolen-vehicle and firearms lists answer only a partner whose
// agreement names the kind; a hit is an exact identifier (VIN, whole plate, exact serial), never a
// partial plate; and the answer carries no record id, plate, VIN, serial or make. A follow-up on a hit,
// asking for every category there is, returns only the vehicle's or firearm's agreed categories.
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { beforeAll, expect, it } from "vitest";
import { queryAudit } from "../../src/audit/index.js";
import { createFirearmIndex, parseFirearmListCsv } from "../../src/firearms/index.js";
import { CATEGORIES, keyIdOf, NEVER_SHARED, signRequest } from "../../src/partners/index.js";
import { createStolenVehicleIndex, parseStolenVehicleCsv } from "../../src/vehicles/index.js";
import { describeBothDialects } from "../support/db.js";
import { REPO_ROOT } from "../support/paths.js";
import { startTestApi, type TestApi } from "./harness.js";

const PATH = "/partner/v1/queries";
const DAY = 86_400_000;
const sample = (file: string) => readFileSync(`${REPO_ROOT}/data/samples/${file}`, "utf8");

function nodeKey() {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKey,
    keyId: keyIdOf(privateKey),
    pem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

describeBothDialects("partner queries about vehicles and firearms", (getDb) => {
  let api: TestApi;
  const goodsPartner = nodeKey();
  const personPartner = nodeKey();

  const send = (key: typeof goodsPartner, body: Record<string, unknown>, path = PATH) => {
    const raw = JSON.stringify(
      path === PATH ? { requestId: randomUUID(), purpose: "serious-organised-crime", ...body } : body,
    );
    return api.app.inject({
      method: "POST",
      url: path,
      payload: raw,
      headers: {
        "content-type": "application/json",
        ...signRequest({ method: "POST", path, body: raw }, key),
      },
    });
  };
  const agree = async (
    nodeId: string,
    key: typeof goodsPartner,
    queryKinds: string[],
    categories: readonly string[],
  ) => {
    const r = await api.call("admin1", "POST", "/api/v1/partners/agreements", {
      partnerNodeId: nodeId,
      partnerKey: key.pem,
      partnerUrl: "http://127.0.0.1:9",
      validFrom: new Date(Date.now() - DAY).toISOString(),
      validTo: new Date(Date.now() + 365 * DAY).toISOString(),
      purposes: ["serious-organised-crime"],
      queryKinds,
      lists: ["national"],
      categories,
      retentionDays: 30,
      ratePerMinute: 100,
      contact: "SPOC desk",
      reason: "protocol on stolen goods",
    });
    expect(r.statusCode, r.body).toBe(201);
    const approved = await api.call("admin2", "POST", `/api/v1/approvals/${r.json().approvalId}/approve`, {
      reason: "protocol checked",
    });
    expect(approved.statusCode).toBe(200);
  };

  beforeAll(async () => {
    // This node has an identity of its own: it answers follow-ups, signed.
    const own = nodeKey();
    api = await startTestApi(getDb(), {
      partners: {
        node: {
          nodeId: "RS-BORDER",
          privateKey: own.privateKey,
          publicKeyPem: own.pem,
          keyId: own.keyId,
          url: "http://127.0.0.1:9",
        },
      },
    });
    await api.addUser("admin1", ["admin"]);
    await api.addUser("admin2", ["admin"]);
    await api.addUser("manager", ["watchlist_manager"]);
    await api.call("manager", "PUT", "/api/v1/watchlists/national/sharing", {
      sharing: "partners",
      reason: "agreement",
    });
    api.services.vehicles.swapList(
      createStolenVehicleIndex(parseStolenVehicleCsv(sample("vehicles/stolen-vehicles.csv"))),
    );
    api.services.firearms.swapList(
      createFirearmIndex(parseFirearmListCsv(sample("firearms/firearms-list.csv"))),
    );
    await api.addUser("officer", ["second_line"]);
    await agree("HR-BORDER", goodsPartner, ["vehicle", "firearm"], CATEGORIES);
    await agree("SI-BORDER", personPartner, ["person"], ["identity"]);
  });

  it("answers hit for a listed VIN, a whole listed plate and an exactly read serial", async () => {
    const asked = [
      { kind: "vehicle", vehicle: { vin: "WVWZZZ1KZAW123456" } },
      { kind: "vehicle", vehicle: { plateCountry: "HR", plateNumber: "zg 1234-ab" } },
      { kind: "firearm", firearm: { serial: "B0512837", make: "Zastava" } },
      { kind: "firearm", firearm: { serial: "HK7730918" } },
    ];
    for (const body of asked) {
      const r = await send(goodsPartner, body);
      expect([r.statusCode, r.json().answer], JSON.stringify(body)).toEqual([200, "hit"]);
      expect(Object.keys(r.json()).sort()).toEqual(["answer", "contact", "reference", "requestId"]);
      const raw = r.body.replace(r.json().requestId, "").toLowerCase();
      for (const value of [
        "SMV-0001",
        "FA-0001",
        "FA-0006",
        "WVWZZZ",
        "ZG1234",
        "B0512837",
        "zastava",
        "golf",
      ])
        expect(raw).not.toContain(value.toLowerCase());
    }
    const [entry] = await queryAudit(getDb(), { action: "partner.query.answer", limit: 1 });
    expect(entry?.details).toMatchObject({ kind: "firearm", answer: "hit" });
  });

  it("answers no hit for what is not listed, a plate of another country and a plate one character off", async () => {
    const asked = [
      { kind: "vehicle", vehicle: { vin: "WVWZZZ1KZAW999999" } },
      { kind: "vehicle", vehicle: { plateCountry: "SI", plateNumber: "ZG 1234-AB" } },
      { kind: "vehicle", vehicle: { plateCountry: "HR", plateNumber: "ZG 1234-AD" } },
      { kind: "firearm", firearm: { serial: "QQ0000001" } },
    ];
    for (const body of asked) {
      const r = await send(goodsPartner, body);
      expect([r.statusCode, r.json().answer], JSON.stringify(body)).toEqual([200, "no_hit"]);
    }
  });

  it("refuses a kind the agreement does not name, and a query without its fields", async () => {
    const vehicle = await send(personPartner, { kind: "vehicle", vehicle: { vin: "WVWZZZ1KZAW123456" } });
    expect([vehicle.statusCode, vehicle.json().error.code]).toEqual([403, "kind_not_allowed"]);
    const firearm = await send(personPartner, { kind: "firearm", firearm: { serial: "B0512837" } });
    expect([firearm.statusCode, firearm.json().error.code]).toEqual([403, "kind_not_allowed"]);
    const empty = await send(goodsPartner, { kind: "vehicle", vehicle: {} });
    expect([empty.statusCode, empty.json().error.code]).toEqual([400, "query_incomplete"]);
    const rejected = (await queryAudit(getDb(), { action: "partner.rejected", limit: 100 })).map(
      (e) => e.details?.code,
    );
    expect(rejected).toEqual(expect.arrayContaining(["kind_not_allowed", "query_incomplete"]));
  });

  /** HR-BORDER's follow-up on a hit, asking for every category; what the approval puts in the answer. */
  const followUpData = async (query: Record<string, unknown>) => {
    const hit = await send(goodsPartner, query);
    expect(hit.json().answer).toBe("hit");
    const requestId = randomUUID();
    const asked = await send(
      goodsPartner,
      {
        requestId,
        queryRequestId: hit.json().requestId,
        reference: hit.json().reference,
        reason: "hit at the border; the report is needed for the seizure",
        legalBasis: "Bilateral protocol art. 7",
        categories: [...CATEGORIES, ...NEVER_SHARED],
      },
      "/partner/v1/follow-ups",
    );
    expect(asked.statusCode, asked.body).toBe(202);
    const approved = await api.call("officer", "POST", `/api/v1/partner-requests/${requestId}/approve`, {
      reason: "legal basis checked",
    });
    expect(approved.statusCode, approved.body).toBe(200);
    // HR-BORDER is not reachable here: the answer waits in the outbox, exactly as it would be sent.
    const message = await getDb()
      .kysely.selectFrom("partner_outbox")
      .select("payload")
      .where("object_id", "=", requestId)
      .executeTakeFirstOrThrow();
    return JSON.parse(message.payload).data as Record<string, unknown>[];
  };

  it("returns a listed vehicle's and firearm's agreed categories on a follow-up, nothing else", async () => {
    const vehicle = await followUpData({ kind: "vehicle", vehicle: { vin: "WVWZZZ1KZAW123456" } });
    expect(vehicle).toEqual([
      {
        vehicle: { make: "Volkswagen", model: "Golf", colour: "grey", status: "stolen" },
        report: { reportingCountry: "HR", reportedDate: "2026-03-14" },
      },
    ]);
    const firearm = await followUpData({ kind: "firearm", firearm: { serial: "B0512837" } });
    expect(firearm).toEqual([
      {
        firearm: {
          make: "Zavodi Crvena Zastava",
          model: "M70AB2",
          calibre: "7.62x39mm",
          type: "assault rifle",
          status: "trafficked",
        },
        report: { reportingCountry: "RS", reportedDate: "2025-10-12" },
      },
    ]);
    // No record id, and nothing a person category or the protection data would carry.
    const raw = JSON.stringify([vehicle, firearm]);
    for (const never of ["SMV-0001", "FA-0001", "identity", "protection", "first-line", "asylum"])
      expect(raw).not.toContain(never);
  });
});
