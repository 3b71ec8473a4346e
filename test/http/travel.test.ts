// Traveller data end to end on both dialects: a real PAXLST sample with one passenger replaced by a person
// on the real UN list, a crossing from a raw MRZ, and a document on the stolen/lost list.

import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp } from "../../src/http/app.js";
import { composeServices } from "../../src/services.js";
import { createSltdIndex } from "../../src/travel/index.js";
import { importUnXml, loadLatestEntities, saveWatchlistVersion } from "../../src/watchlists/index.js";
import { describeBothDialects } from "../support/db.js";
import { realData } from "../support/paths.js";

const PASSWORD = "a long enough password";
// The real sample; the first passenger becomes THARWAT SALAH SHIHATA (UN QDi.017, born 1960-06-29).
const PAXLST = readFileSync(realData("paxlst/two-leg-passengers.edi"), "utf8")
  .replace("NAD+FL+++BARRETT:TODD'", "NAD+FL+++SHIHATA:THARWAT SALAH'")
  .replace("DTM+329:680223'", "DTM+329:600629'");
// ICAO 9303 specimen TD3 (Utopia): not on any list.
const SPECIMEN_MRZ =
  "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

describeBothDialects("traveller data over the API", (getDb) => {
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const db = getDb();
    await saveWatchlistVersion(db, await importUnXml(realData("watchlists/un-sc-consolidated.xml")), {
      actor: "system",
    });
    // Hand-written SLTD entry: a Spanish passport reported stolen (written with a dash, as reported).
    const sltd = createSltdIndex([
      {
        number: "XS-1234567",
        type: "P",
        issuingCountry: "ES",
        status: "stolen",
        reportedDate: "2026-01-02",
      },
    ]);
    const services = composeServices(db, { entities: await loadLatestEntities(db), sltd });
    const { access } = services;
    app = await buildApp({ ...services, ready: () => true });
    for (const role of ["first_line", "second_line"] as const) {
      await access.createUser("system", {
        username: `${role}.x`,
        password: PASSWORD,
        roles: [role],
        agency: "agency-x",
      });
      tokens[role] = (await access.login(`${role}.x`, PASSWORD, { ip: "127.0.0.1" })).token;
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  const postManifest = (role: string, body: string) =>
    app.inject({
      method: "POST",
      url: "/api/v1/manifests?purpose=API%20check",
      headers: { authorization: `Bearer ${tokens[role]}`, "content-type": "text/plain" },
      payload: body,
    });

  it("refers exactly the listed passenger of a PAXLST, with the explanation for the second line", async () => {
    const r = await postManifest("second_line", PAXLST);
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body.manifest).toMatchObject({ kind: "flight", listType: "passengers", declaredCount: 2 });
    expect(body.summary).toEqual({ persons: 2, refer: 1 });
    // Refers on top.
    expect(body.results.map((x: { index: number; decision: string }) => [x.index, x.decision])).toEqual([
      [0, "refer"],
      [1, "clear"],
    ]);
    expect(body.results[0].matches[0]).toMatchObject({ sourceRef: "QDi.017", decision: "refer" });
    expect(body.results[0].matches[0].explanation.alignment.length).toBeGreaterThanOrEqual(3);
    const again = await app.inject({
      url: `/api/v1/manifests/${body.id}?purpose=review`,
      headers: { authorization: `Bearer ${tokens.second_line}` },
    });
    expect(again.json().results.map((x: { decision: string }) => x.decision)).toEqual(["refer", "clear"]);
  });

  it("refers a passenger whose passport is on the stolen/lost list, whatever the name says", async () => {
    const stolen = PAXLST.replace("DOC+P:110:111+TRQWE99800'", "DOC+P:110:111+XS 1234567'");
    const body = (await postManifest("second_line", stolen)).json();
    expect(body.summary).toEqual({ persons: 2, refer: 2 });
    const lang = body.results.find((x: { index: number }) => x.index === 1);
    expect(lang.matches.filter((m: { decision: string }) => m.decision === "refer")).toEqual([]);
    expect(lang.documentHits).toEqual([
      {
        number: "XS 1234567",
        issuingCountry: "ES",
        status: "stolen",
        action: "seize the document and refer to second line",
      },
    ]);
  });

  it("shows the booth only refer/clear and a reference", async () => {
    const r = await postManifest("first_line", PAXLST);
    const results = r.json().results;
    expect(results.map((x: object) => Object.keys(x).sort())).toEqual([
      ["decision", "index", "reference"],
      ["decision", "index", "reference"],
    ]);
    expect(JSON.stringify(results)).not.toMatch(/QDi|score|matches|documentHits/);
  });

  it("records a crossing from a raw MRZ, and rejects a bad check digit or a malformed PAXLST", async () => {
    const ok = await app.inject({
      method: "POST",
      url: "/api/v1/crossings",
      headers: { authorization: `Bearer ${tokens.first_line}` },
      payload: { mrz: SPECIMEN_MRZ, direction: "entry", purpose: "entry check" },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().result).toMatchObject({ decision: "clear" });
    const bad = await app.inject({
      method: "POST",
      url: "/api/v1/crossings",
      headers: { authorization: `Bearer ${tokens.first_line}` },
      payload: { mrz: SPECIMEN_MRZ.replace("7408122", "7408123"), purpose: "entry check" },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain("birthDate");
    const truncated = await postManifest("first_line", PAXLST.slice(0, PAXLST.indexOf("DOC+P")));
    expect(truncated.statusCode).toBe(422);
  });
});
