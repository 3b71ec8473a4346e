// Cargo manifests through the API (issue 17): a manifest is screened consignment by consignment, a
// referred consignment opens an alert a person reviews, everything is audited, and a malformed file
// gets a 4xx naming the place of the fault and changes nothing.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBothDialects } from "../support/db.js";
import { fixture } from "../support/paths.js";
import { startTestApi, type TestApi } from "./harness.js";

const CSV = `# vessel: ADRIATIC TRADER
# imo: 9074729
consignment,consignor,consignee,consignee_country,transshipment,hs_code,description,containers
BL1,Piraeus Marble Works SA,Bar Port Logistics,ME,,251511,Marble blocks,CSQU3054383
BL2,Danube Steel Tubes Kft,Adriatic Fictional Trading d.o.o.,ME,,730630,Welded steel tubes,CSQU3054383
BL3,Piraeus Marble Works SA,Bar Port Logistics,ME,,930200,Pistols,CSQU3054384
`;

describeBothDialects("cargo manifests", (getDb) => {
  let api: TestApi;
  const text = { "content-type": "text/plain" };
  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addUser("booth", ["first_line"]);
    await api.addUser("reviewer", ["second_line"]);
    await api.addUser("analyst", ["analyst"]);
  }, 60_000);
  afterAll(async () => {
    await api?.app.close();
  });

  const count = async (table: "cargo_manifests" | "cargo_consignments" | "alerts" | "audit_log") =>
    Number(
      (
        await getDb()
          .kysely.selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("screens a CSV manifest: refers first, one alert per referred consignment, audited", async () => {
    const before = { alerts: await count("alerts"), audit: await count("audit_log") };
    const res = await api.call("reviewer", "POST", "/api/v1/cargo/manifests?purpose=arrival", CSV, text);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.counts).toEqual({ consignments: 3, refer: 2 });
    expect(body.consignments.map((c: { reference: string }) => c.reference)).toEqual(["BL2", "BL3", "BL1"]);
    expect(body.consignments[0]).toMatchObject({ decision: "refer", flags: ["listed-party-or-vessel"] });
    expect(body.consignments[0].details.partyHits[0]).toMatchObject({
      listedName: "Adriatic Fictional Trading d.o.o.",
    });
    expect(body.consignments[1].flags).toEqual(["goods-arms-explosives", "container-invalid"]);
    expect(body.consignments[2]).toMatchObject({ decision: "clear", flags: [] });
    expect(await count("alerts")).toBe(before.alerts + 2);
    expect(await count("audit_log")).toBe(before.audit + 1);

    const alert = await api.call(
      "reviewer",
      "GET",
      `/api/v1/alerts/${body.consignments[1].alertId}?purpose=review`,
    );
    expect(alert.statusCode).toBe(200);
    expect(alert.json()).toMatchObject({
      subjectKind: "consignment",
      traveller: { label: "Consignment BL3" },
    });
    // The reviewer sees each container with its check-digit verdict, and the HS code beside its text.
    expect(alert.json().traveller.containers).toEqual([
      { valid: false, number: "CSQU3054384", reason: "check digit 4 should be 3" },
    ]);
    expect(alert.json().traveller.goods[0]).toMatchObject({ hsCode: "930200", hs: "exact" });
    expect(alert.json().subjectHits.map((h: { kind: string }) => h.kind)).toEqual([
      "rule:goods-arms-explosives",
      "rule:container-invalid",
    ]);

    const read = await api.call("reviewer", "GET", `/api/v1/cargo/manifests/${body.id}?purpose=review`);
    expect(read.statusCode).toBe(200);
    expect(read.json().consignments).toEqual(body.consignments);
    // The alert's detail and the manifest's read are each audited too.
    expect(await count("audit_log")).toBe(before.audit + 3);
  });

  it("shows the booth decisions and flags, not which listed entity matched", async () => {
    const res = await api.call("booth", "POST", "/api/v1/cargo/manifests?purpose=arrival", CSV, text);
    expect(res.statusCode).toBe(201);
    for (const c of res.json().consignments) expect(c.details).toBeUndefined();
    expect(res.json().consignments[0]).toMatchObject({ reference: "BL2", decision: "refer" });
  });

  it("reads the 50-consignment CUSCAR fixture, and the same message sent twice is screened twice", async () => {
    const send = () =>
      api.call(
        "reviewer",
        "POST",
        "/api/v1/cargo/manifests?purpose=arrival",
        readFileSync(fixture("cargo", "cuscar-50.edi")),
        text,
      );
    const res = await send();
    expect(res.statusCode).toBe(201);
    const again = await send();
    expect(again.statusCode).toBe(201);
    expect(again.json().id).not.toBe(res.json().id);
    expect(res.json()).toMatchObject({
      format: "cuscar",
      reference: "MNF-2026-1130",
      counts: { consignments: 50 },
    });
    expect(res.json().vessel).toMatchObject({ declared: { imo: "9074729" }, decision: "clear", hits: [] });
  });

  it("refuses malformed files with the place of the fault, and changes nothing", async () => {
    const before = await Promise.all(
      (["cargo_manifests", "cargo_consignments", "alerts", "audit_log"] as const).map(count),
    );
    const cuscar = readFileSync(fixture("cargo", "cuscar-50.edi"), "utf8").replace(
      "GID+1+31:CT'",
      "GID+1+31:CT",
    );
    const bad: [string, RegExp][] = [
      [cuscar, /segment \d+ \(line \d+, \w+\)/],
      [CSV.replace("251511", "25X"), /line 4: hs_code "25X"/],
      ['{"consignments": [{"reference": "B"}]}', /\/consignments\/0\/parties/],
      ["", /request body/],
    ];
    for (const [payload, where] of bad) {
      const res = await api.call(
        "reviewer",
        "POST",
        "/api/v1/cargo/manifests?purpose=arrival",
        payload,
        text,
      );
      expect(res.statusCode, payload.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json().error.message).toMatch(where);
    }
    const after = await Promise.all(
      (["cargo_manifests", "cargo_consignments", "alerts", "audit_log"] as const).map(count),
    );
    expect(after).toEqual(before);
  });

  it("is refused to a role without the screen permission, and needs a purpose", async () => {
    expect(
      (await api.call("analyst", "POST", "/api/v1/cargo/manifests?purpose=x", CSV, text)).statusCode,
    ).toBe(403);
    expect((await api.call("reviewer", "POST", "/api/v1/cargo/manifests", CSV, text)).statusCode).toBe(400);
    expect(
      (await api.call(undefined, "POST", "/api/v1/cargo/manifests?purpose=x", CSV, text)).statusCode,
    ).toBe(401);
  });
});
