// One transaction per crossing, per manifest and per vehicle with its occupants (issue 12, item 5; issue
// 17, vehicles), deterministically, on both dialects:
// the write of the crossing's (or manifest's) own audit entry is made to fail, after the screening's audit
// entry was written in the same transaction. Nothing of it may remain: no screening, no results, no
// alert, no crossing or manifest, no audit entry. (Written in two transactions, the screening would stay.)
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/audit/index.js";
import { startTestApi, type TestApi } from "../http/harness.js";
import { blockNextAuditAppend, describeBothDialects } from "../support/db.js";

const FAL6 = [
  "# direction: arrival",
  "# vessel: MS ONE TRANSACTION",
  "Family Name,Given Names,Nationality,Date of Birth,Place of Birth,Document Type,Document Number,Issuing State,Document Expiry,Port of Embarkation,Port of Disembarkation,Transit",
  "LINDQVIST,Astrid,SWE,1958-09-30,Uppsala,P,91234567,SWE,2028-04-12,SEGOT,DEHAM,no",
  "HORVAT,Marko,HRV,1987-09-03,Zagreb,I,112233445,HRV,2029-01-01,HRSPU,DEHAM,no",
  "",
].join("\n");

describeBothDialects("one transaction per crossing and per manifest", (getDb) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addCrossingPoint("cp-bajakovo");
    await api.addUser("booth", ["first_line"]);
  });
  afterAll(async () => {
    await api?.app.close();
  });

  const counts = async () => {
    const k = getDb().kysely;
    const n = async (
      t:
        | "screening_requests"
        | "screening_results"
        | "alerts"
        | "crossings"
        | "manifests"
        | "vehicle_checks"
        | "audit_log",
    ) =>
      Number(
        (
          await k
            .selectFrom(t)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      screenings: await n("screening_requests"),
      results: await n("screening_results"),
      alerts: await n("alerts"),
      crossings: await n("crossings"),
      manifests: await n("manifests"),
      vehicles: await n("vehicle_checks"),
      audit: await n("audit_log"),
    };
  };

  it("writes nothing of a crossing whose audit entry fails", async () => {
    const before = await counts();
    const undo = await blockNextAuditAppend(getDb(), 2);
    const r = await api.call("booth", "POST", "/api/v1/crossings", {
      entry: {
        person: { surname: "Horvat", givenNames: "Marko", birthDate: "1987-09-03", nationality: "HR" },
        document: { type: "I", number: "112233445", issuingCountry: "HR" },
        direction: "entry",
        crossingPointId: "cp-bajakovo",
      },
      purpose: "entry check at the booth",
    });
    await undo();
    expect(r.statusCode).toBe(500);
    // The blocker row was removed again, so the audit count compares like for like.
    expect(await counts()).toEqual(before);
    expect((await verifyAuditChain(getDb())).ok).toBe(true);
  });

  it("writes nothing of a manifest whose audit entry fails", async () => {
    const before = await counts();
    const undo = await blockNextAuditAppend(getDb(), 2);
    const r = await api.call("booth", "POST", "/api/v1/manifests?purpose=arrival%20check", FAL6, {
      "content-type": "text/plain",
    });
    await undo();
    expect(r.statusCode).toBe(500);
    expect(await counts()).toEqual(before);
  });

  it("writes all of it when nothing fails", async () => {
    const before = await counts();
    const r = await api.call("booth", "POST", "/api/v1/manifests?purpose=arrival%20check", FAL6, {
      "content-type": "text/plain",
    });
    expect(r.statusCode).toBe(201);
    const after = await counts();
    expect(after).toEqual({
      screenings: before.screenings + 1,
      results: before.results + 2,
      alerts: before.alerts + 1,
      crossings: before.crossings,
      manifests: before.manifests + 1,
      vehicles: before.vehicles,
      audit: before.audit + 2,
    });
  });

  const vehicle = {
    plate: { country: "HR", number: "ZG 1234-AB" },
    direction: "entry",
    crossingPointId: "cp-bajakovo",
    occupants: [
      {
        entry: {
          person: { surname: "Horvat", givenNames: "Marko", birthDate: "1987-09-03", nationality: "HR" },
        },
      },
      {
        entry: {
          person: { surname: "Kovač", givenNames: "Ana", birthDate: "1990-04-02", nationality: "HR" },
        },
      },
    ],
    purpose: "entry check at the booth",
  };

  it("writes nothing of a vehicle check whose second occupant's crossing fails", async () => {
    const before = await counts();
    // Each occupant writes two audit entries (screening, crossing): the fourth is the second occupant's.
    const undo = await blockNextAuditAppend(getDb(), 4);
    const r = await api.call("booth", "POST", "/api/v1/vehicle-checks", vehicle);
    await undo();
    expect(r.statusCode).toBe(500);
    expect(await counts()).toEqual(before);
    expect((await verifyAuditChain(getDb())).ok).toBe(true);
  });

  it("writes the vehicle and every occupant when nothing fails", async () => {
    const before = await counts();
    const r = await api.call("booth", "POST", "/api/v1/vehicle-checks", vehicle);
    expect(r.statusCode, r.body).toBe(201);
    expect(await counts()).toEqual({
      ...before,
      // Horvat is referred by the harness's list, as in the manifest above: his alert is in it too.
      alerts: before.alerts + 1,
      screenings: before.screenings + 2,
      results: before.results + 2,
      crossings: before.crossings + 2,
      vehicles: before.vehicles + 1,
      audit: before.audit + 5,
    });
  });
});
