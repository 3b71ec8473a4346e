// Validation and scoping over the API on both dialects: a crossing point must be the agency's and the
// officer's post; the booth reads back only its own manifests; lower-case MRZ is read with a flag; a JSON
// body that is not UTF-8 and an EDIFACT byte outside its declared set are refused. Every refusal changes
// nothing: no crossing, manifest or screening stored, no audit entry.
import { readFileSync } from "node:fs";
import type { LightMyRequestResponse } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/audit/index.js";
import { describeBothDialects } from "../support/db.js";
import { realData } from "../support/paths.js";
import { PASSWORD, startTestApi, type TestApi } from "./harness.js";

const SPECIMEN_MRZ =
  "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
/** The real PAXLST sample, its first passenger renamed MÜLLER in the set the UNB names. */
function paxlst(syntax: string, surname: Buffer): Buffer {
  const text = readFileSync(realData("paxlst", "two-leg-passengers.edi"), "latin1");
  const [a, b] = text.replace("UNB+UNOA:4", `UNB+${syntax}:4`).split("BARRETT") as [string, string];
  return Buffer.concat([Buffer.from(a, "latin1"), surname, Buffer.from(b, "latin1")]);
}

describeBothDialects("validation and scoping", (getDb) => {
  let api: TestApi;
  let posted: string;
  const state = async () => {
    const k = getDb().kysely;
    const count = async (t: "crossings" | "manifests" | "screening_requests") =>
      (await k.selectFrom(t).select("id").execute()).length;
    return {
      audit: (await verifyAuditChain(getDb())).checked,
      crossings: await count("crossings"),
      manifests: await count("manifests"),
      screenings: await count("screening_requests"),
    };
  };
  const expectRefused = async (r: LightMyRequestResponse, status: number, code: string) => {
    expect(r.statusCode, r.body).toBe(status);
    expect(r.json().error.code).toBe(code);
  };
  const cross = (user: string, body: Record<string, unknown>) =>
    api.call(user, "POST", "/api/v1/crossings", { purpose: "entry check", ...body });
  const manifest = (user: string, body: Buffer | string, query = "") =>
    api.call(user, "POST", `/api/v1/manifests?purpose=arrival%20check${query}`, body, {
      "content-type": "text/plain",
    });

  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addCrossingPoint("cp-north");
    await api.addCrossingPoint("cp-south");
    await api.addCrossingPoint("cp-foreign", "agency-b");
    await api.addUser("booth", ["first_line"]);
    await api.addUser("booth2", ["first_line"]);
    await api.addUser("reviewer", ["second_line"]);
    // An officer posted at cp-north (given by code, stored as the id).
    await api.services.access.createUser("system", {
      username: "posted",
      password: PASSWORD,
      roles: ["first_line"],
      agency: "agency-a",
      crossingPointId: "CP-NORTH",
    });
    posted = (await api.services.access.login("posted", PASSWORD, { ip: "127.0.0.1" })).token;
  });
  const asPosted = (url: string, payload: Record<string, unknown>) =>
    api.app.inject({ method: "POST", url, payload, headers: { authorization: `Bearer ${posted}` } });

  it("refuses an unknown crossing point and another agency's with 422, recording nothing", async () => {
    const before = await state();
    for (const crossingPointId of ["x", "cp-foreign", "CP-FOREIGN"]) {
      await expectRefused(
        await cross("booth", { mrz: SPECIMEN_MRZ, crossingPointId }),
        422,
        "unknown_crossing_point",
      );
      await expectRefused(
        await api.call("booth", "POST", "/api/v1/screenings", {
          person: { name: "Anna Eriksson" },
          purpose: "entry check",
          crossingPointId,
        }),
        422,
        "unknown_crossing_point",
      );
      await expectRefused(
        await manifest(
          "booth",
          paxlst("UNOA", Buffer.from("BARRETT")),
          `&crossingPointId=${crossingPointId}`,
        ),
        422,
        "unknown_crossing_point",
      );
    }
    const entry = {
      person: { surname: "Eriksson", givenNames: "Anna", birthDate: "1974-08-12" },
      direction: "entry",
      crossingPointId: "x",
    };
    await expectRefused(await cross("booth", { entry }), 422, "unknown_crossing_point");
    expect(await state()).toEqual(before);
  });

  it("records at the agency's point, given by id or code, and stores its id", async () => {
    for (const crossingPointId of ["cp-south", "CP-SOUTH"]) {
      const r = await cross("booth", { mrz: SPECIMEN_MRZ, crossingPointId });
      expect(r.statusCode, r.body).toBe(201);
      const row = await getDb()
        .kysely.selectFrom("crossings")
        .select("crossing_point_id")
        .where("id", "=", r.json().id)
        .executeTakeFirstOrThrow();
      expect(row.crossing_point_id).toBe("cp-south");
    }
  });

  it("lets an officer posted at one point record only there, by default at their post", async () => {
    const before = await state();
    await expectRefused(
      await asPosted("/api/v1/crossings", {
        mrz: SPECIMEN_MRZ,
        purpose: "entry check",
        crossingPointId: "cp-south",
      }),
      403,
      "crossing_point_not_allowed",
    );
    const elsewhere = await api.app.inject({
      method: "POST",
      url: "/api/v1/manifests?purpose=arrival%20check&crossingPointId=cp-south",
      payload: paxlst("UNOA", Buffer.from("BARRETT")),
      headers: { authorization: `Bearer ${posted}`, "content-type": "text/plain" },
    });
    await expectRefused(elsewhere, 403, "crossing_point_not_allowed");
    expect(await state()).toEqual(before);

    const here = await asPosted("/api/v1/crossings", { mrz: SPECIMEN_MRZ, purpose: "entry check" });
    expect(here.statusCode, here.body).toBe(201);
    const atPost = await api.app.inject({
      method: "POST",
      url: "/api/v1/manifests?purpose=arrival%20check",
      payload: paxlst("UNOA", Buffer.from("BARRETT")),
      headers: { authorization: `Bearer ${posted}`, "content-type": "text/plain" },
    });
    expect(atPost.statusCode, atPost.body).toBe(201);
    const k = getDb().kysely;
    const crossing = await k
      .selectFrom("crossings")
      .select("crossing_point_id")
      .where("id", "=", here.json().id)
      .executeTakeFirstOrThrow();
    const screening = await k
      .selectFrom("screening_requests")
      .select("crossing_point_id")
      .where("id", "=", atPost.json().screeningId)
      .executeTakeFirstOrThrow();
    expect([crossing.crossing_point_id, screening.crossing_point_id]).toEqual(["cp-north", "cp-north"]);
  });

  it("lets the booth read back only the manifests it submitted", async () => {
    const r = await manifest("booth", paxlst("UNOA", Buffer.from("BARRETT")));
    expect(r.statusCode, r.body).toBe(201);
    const url = `/api/v1/manifests/${r.json().id}?purpose=read%20back`;
    expect((await api.call("booth", "GET", url)).statusCode).toBe(200);
    await expectRefused(await api.call("booth2", "GET", url), 404, "manifest_not_found");
    expect((await api.call("reviewer", "GET", url)).statusCode).toBe(200);
  });

  it("reads a lower-case MRZ as upper case and flags it; refuses letters outside A-Z", async () => {
    const r = await cross("booth", { mrz: SPECIMEN_MRZ.toLowerCase() });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().mrzCaseNormalised).toBe(true);
    expect(r.json().warnings[0]).toBe("MRZ was not upper case: read as upper case");
    const upper = await cross("booth", { mrz: SPECIMEN_MRZ });
    expect(upper.json().mrzCaseNormalised).toBeUndefined();
    // "ß" upper-cases to "SS": it must not slip in as two valid letters.
    const before = await state();
    const sharp = await cross("booth", { mrz: SPECIMEN_MRZ.replace("ERIKSSON<<", "ERIKßON<<<") });
    await expectRefused(sharp, 422, "mrz_character");
    expect(sharp.json().error.message).toBe(
      'MRZ line 1 column 10: character "ß" is not allowed (A-Z, 0-9 and < only)',
    );
    expect(await state()).toEqual(before);
  });

  it("answers a JSON body that is not UTF-8 with 400 and stores nothing", async () => {
    const before = await state();
    const body = Buffer.concat([
      Buffer.from('{"person":{"name":"M'),
      Buffer.from([0xdc]),
      Buffer.from('LLER"},"purpose":"entry check"}'),
    ]);
    const r = await api.call("booth", "POST", "/api/v1/screenings", body, {
      "content-type": "application/json",
    });
    await expectRefused(r, 400, "bad_request");
    expect(r.json().error.message).toBe("the request body is not valid UTF-8");
    // The same name in UTF-8 is fine.
    const ok = await api.call("booth", "POST", "/api/v1/screenings", {
      person: { name: "MÜLLER" },
      purpose: "entry check",
    });
    expect(ok.statusCode).toBe(201);
    expect((await state()).screenings).toBe(before.screenings + 1);
  });

  it("decodes a PAXLST by its UNB character set and refuses a byte outside it with its position", async () => {
    const latin1 = await manifest("reviewer", paxlst("UNOC", Buffer.from("MÜLLER", "latin1")));
    expect(latin1.statusCode, latin1.body).toBe(201);
    expect(latin1.json().manifest.persons.map((p: { surname: string }) => p.surname)).toContain("MÜLLER");
    const before = await state();
    const bytes = paxlst("UNOA", Buffer.from("MÜLLER", "latin1"));
    const r = await manifest("reviewer", bytes);
    await expectRefused(r, 422, "edifact_bad_byte");
    const segment = bytes.subarray(0, bytes.indexOf(0xdc)).toString("latin1").split("'").length;
    expect(segment).toBeGreaterThan(10);
    expect(r.json().error.details).toEqual({
      segment,
      offset: bytes.indexOf(0xdc),
      byte: 0xdc,
      syntax: "UNOA",
    });
    expect(await state()).toEqual(before);
  });
});
