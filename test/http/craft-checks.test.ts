// Aircraft checks and ships' FAL Form 1 through the API (issue 17), on both dialects, against real OFAC
// rows: a listed aircraft, operator or vessel opens an alert for a person to review, the booth sees only
// refer or clear, everything is audited, and malformed input is a 422 naming the place of the fault that
// changes nothing.
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Entity, importOfacCsv } from "../../src/watchlists/index.js";
import { describeBothDialects } from "../support/db.js";
import { realData } from "../support/paths.js";
import { startTestApi, type TestApi } from "./harness.js";

// ARK (IMO 9187655, MMSI 256842000), the aircraft EP-GOM (MSN 1023409321) and its operator's namesake
// MAHAN AIR: three rows of the OFAC SDN list in the repository.
const LISTED = new Set(["ofac-sdn:15037", "ofac-sdn:15431", "ofac-sdn:12927"]);

const fal1 = (imo: string, extra = "") => `field,value
direction,arrival
ship_name,ARK II
imo,${imo}
mmsi,256842000
port,HRRJK
flag_state,Panama
master,Ivo Marić
port_of_call,TRMER
${extra}`;

describeBothDialects("aircraft checks and FAL Form 1", (getDb) => {
  let api: TestApi;
  let ofac: Entity[];
  const csv = { "content-type": "text/csv" };
  const counts = async () => {
    const n = async (t: "craft_checks" | "alerts") =>
      Number(
        (await getDb().kysely.selectFrom(t).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow())
          .n,
      );
    // The reviewer's readings of an alert are audited too; only the checks' own entries are counted.
    const own = await getDb()
      .kysely.selectFrom("audit_log")
      .select(sql<number>`count(*)`.as("n"))
      .where("action", "not like", "alert.%")
      .executeTakeFirstOrThrow();
    return { checks: await n("craft_checks"), alerts: await n("alerts"), audit: Number(own.n) };
  };
  const audited = async (action: string) =>
    (await getDb().kysely.selectFrom("audit_log").select("id").where("action", "=", action).execute()).length;

  beforeAll(async () => {
    ofac = (await importOfacCsv(realData("watchlists", "ofac-sdn", "sdn.csv"))).entities;
    api = await startTestApi(getDb());
    api.services.cargo.swap(ofac.filter((e) => LISTED.has(e.id)));
    await api.addCrossingPoint("cp-rijeka");
    await api.addUser("booth", ["first_line"]);
    await api.addUser("reviewer", ["second_line"]);
  }, 120_000);
  afterAll(async () => {
    await api?.app.close();
  });

  const aircraft = (who: string, body: object) =>
    api.call(who, "POST", "/api/v1/aircraft-checks", {
      crossingPointId: "cp-rijeka",
      purpose: "arrival",
      ...body,
    });

  it("refers a listed aircraft by its mark and hides the list from the booth; the reviewer sees why", async () => {
    const before = await counts();
    const booth = await aircraft("booth", { registration: "EP GOM" });
    expect(booth.statusCode, booth.body).toBe(201);
    expect(booth.json()).toEqual({
      id: expect.any(String),
      reference: expect.stringMatching(/^K-/),
      decision: "refer",
    });
    const r = (await aircraft("reviewer", { serial: "1023409321", operator: "Mahan Air" })).json();
    expect(r.decision).toBe("refer");
    expect(
      r.hits.map((h: { kind: string; entityId: string; evidence: { basis: string } }) => [
        h.kind,
        h.entityId,
        h.evidence.basis,
      ]),
    ).toEqual([
      ["listed_aircraft", "ofac-sdn:15431", "serial"],
      ["listed_operator", "ofac-sdn:12927", "operator"],
    ]);
    const alert = (await api.call("reviewer", "GET", `/api/v1/alerts/${r.alertId}?purpose=review`)).json();
    expect(alert).toMatchObject({ source: "aircraft", subjectKind: "aircraft", priority: "high" });
    const clear = (
      await aircraft("reviewer", { registration: "9A-CTG", operator: "Croatia Airlines" })
    ).json();
    expect(clear).toMatchObject({ decision: "clear", hits: [] });
    expect(await counts()).toEqual({
      checks: before.checks + 3,
      alerts: before.alerts + 2,
      audit: before.audit + 3,
    });
    expect(await audited("aircraft.check")).toBe(3);
  });

  it("refuses a malformed mark or an empty check with the field at fault, and records nothing", async () => {
    const before = await counts();
    const bad = await aircraft("booth", { registration: "EP_GOM!", serial: "1023409321" });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toBe(
      'registration: "EP_GOM!" is not letters, digits and dashes (at most 20)',
    );
    const none = await aircraft("booth", { registration: "   " });
    expect(none.statusCode).toBe(422);
    const extra = await aircraft("booth", { registration: "EP-GOM", tail: "x" });
    expect(extra.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it("records a FAL Form 1 and refers its listed vessel by IMO number", async () => {
    const before = await counts();
    const r = await api.call(
      "reviewer",
      "POST",
      "/api/v1/vessels/fal1?purpose=arrival&crossingPointId=cp-rijeka",
      fal1("IMO 9187655", "tug_count,2\n"),
      csv,
    );
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json();
    expect(body).toMatchObject({
      decision: "refer",
      direction: "arrival",
      port: "HRRJK",
      vessel: { name: "ARK II", imo: "9187655", mmsi: "256842000", flag: "PA" },
      warnings: ['line 10: unknown field "tug_count" ignored'],
    });
    expect(body.hits[0]).toMatchObject({
      kind: "listed_vessel",
      entityId: "ofac-sdn:15037",
      evidence: { basis: "imo", strength: "conclusive" },
    });
    const alert = (await api.call("reviewer", "GET", `/api/v1/alerts/${body.alertId}?purpose=review`)).json();
    expect(alert).toMatchObject({ source: "vessel", subjectKind: "vessel" });
    expect(await counts()).toEqual({
      checks: before.checks + 1,
      alerts: before.alerts + 1,
      audit: before.audit + 1,
    });
    expect(await audited("vessel.fal1")).toBe(1);
  });

  it("refuses a malformed FAL Form 1 with every faulty line, and records nothing", async () => {
    const before = await counts();
    const r = await api.call(
      "booth",
      "POST",
      "/api/v1/vessels/fal1?purpose=arrival&crossingPointId=cp-rijeka",
      fal1("9187654", "crew_count,fourteen\n"),
      csv,
    );
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details.problems).toEqual([
      'line 4: IMO number "9187654" is not 7 digits with a valid check digit',
      'line 10: crew_count "fourteen" is not a whole number',
    ]);
    const empty = await api.call("booth", "POST", "/api/v1/vessels/fal1?purpose=arrival", "", csv);
    expect(empty.statusCode).toBe(422);
    expect(await counts()).toEqual(before);
  });
});
