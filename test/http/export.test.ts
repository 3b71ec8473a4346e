// Exports on both dialects: the alert queue, a screening's matches and a manifest's outcomes as CSV and
// FtM JSON lines; each export audited with its purpose; a cell that a spreadsheet would run as a formula
// is written as text; the booth exports no list details.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { beforeAll, expect, it } from "vitest";
import { queryAudit } from "../../src/audit/index.js";
import { toCsv } from "../../src/export/index.js";
import { describeBothDialects } from "../support/db.js";
import { realData } from "../support/paths.js";
import { startTestApi, type TestApi } from "./harness.js";

const PURPOSE = "weekly report of the analysis unit";
const q = `purpose=${encodeURIComponent(PURPOSE)}`;
/** NL-0012 (fictional): Marko Horvat, 1987-09-03, on the national list. */
const HORVAT = {
  entry: {
    person: {
      surname: "Horvat",
      givenNames: "Marko",
      birthDate: "1987-09-03",
      nationality: "HR",
      gender: "male",
    },
    document: { type: "I", number: "112233445", issuingCountry: "HR" },
    direction: "entry",
    crossingPointId: "cp-bajakovo",
  },
  purpose: "entry check at the booth",
};
// The real PAXLST sample, its first passenger replaced by the fictional Marko Horvat.
const PAXLST = readFileSync(realData("paxlst/two-leg-passengers.edi"), "utf8")
  .replace("NAD+FL+++BARRETT:TODD'", "NAD+FL+++HORVAT:MARKO'")
  .replace("DTM+329:680223'", "DTM+329:870903'");

const lines = (body: string) =>
  body
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));

describeBothDialects("exports", (getDb) => {
  let api: TestApi;
  let screeningId = "";
  let manifestId = "";
  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addCrossingPoint("cp-bajakovo");
    await api.addUser("booth", ["first_line"]);
    await api.addUser("reviewer", ["second_line"]);
    expect((await api.call("booth", "POST", "/api/v1/crossings", HORVAT)).statusCode).toBe(201);
    const screening = await api.call("reviewer", "POST", "/api/v1/screenings", {
      persons: [{ name: "Marko Horvat", birthDate: "1987-09-03" }, { name: "Ingeborg Abrahamsen" }],
      purpose: "desk check",
    });
    screeningId = screening.json().id;
    const manifest = await api.app.inject({
      method: "POST",
      url: "/api/v1/manifests?purpose=pre-arrival%20check",
      headers: { authorization: `Bearer ${api.token("reviewer")}`, "content-type": "text/plain" },
      payload: PAXLST,
    });
    expect(manifest.statusCode).toBe(201);
    manifestId = manifest.json().id;
  });

  it("exports the alert queue as CSV and as FtM, audited", async () => {
    const csv = await api.call("reviewer", "GET", `/api/v1/alerts/export?format=csv&${q}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toBe('attachment; filename="alerts.csv"');
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.surname, r.givenNames, r.birthDate, r.status])).toContainEqual([
      "Horvat",
      "Marko",
      "1987-09-03",
      "open",
    ]);
    const ftm = await api.call("reviewer", "GET", `/api/v1/alerts/export?format=ftm&${q}`);
    expect(ftm.headers["content-type"]).toBe("application/x-ndjson; charset=utf-8");
    expect(lines(ftm.body)).toContainEqual(
      expect.objectContaining({
        schema: "Person",
        properties: expect.objectContaining({ name: ["Marko Horvat"], nationality: ["hr"] }),
      }),
    );
    const audit = await queryAudit(getDb(), { action: "alert.export" });
    expect(
      audit
        .map((e) => [e.purpose, e.details])
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toEqual([
      [PURPOSE, { rows: rows.length, format: "csv" }],
      [PURPOSE, { rows: rows.length, format: "ftm" }],
    ]);
  });

  it("exports a screening's matches, the FtM lines being the listed entities with score and match", async () => {
    const csv = await api.call("reviewer", "GET", `/api/v1/screenings/${screeningId}/export?format=csv&${q}`);
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({
      person: "1",
      decision: "refer",
      entityId: "national:NL-0012",
      refer: "true",
    });
    expect(rows.every((r) => r.person === "1")).toBe(true);
    const ftm = lines(
      (await api.call("reviewer", "GET", `/api/v1/screenings/${screeningId}/export?format=ftm&${q}`)).body,
    );
    expect(ftm[0]).toMatchObject({ id: "national:NL-0012", schema: "Person", match: true });
    expect(
      (await api.call("booth", "GET", `/api/v1/screenings/${screeningId}/export?format=csv&${q}`)).statusCode,
    ).toBe(403);
  });

  it("exports a manifest's outcomes, the referred passenger first", async () => {
    const csv = await api.call("reviewer", "GET", `/api/v1/manifests/${manifestId}/export?format=csv&${q}`);
    expect(csv.statusCode).toBe(200);
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.index, r.surname, r.decision, r.topEntityId])).toEqual([
      ["1", "HORVAT", "refer", "national:NL-0012"],
      ["2", expect.any(String), "clear", ""],
    ]);
    const bad = await api.call("reviewer", "GET", `/api/v1/manifests/${manifestId}/export?format=xlsx&${q}`);
    expect(bad.statusCode).toBe(400);
  });

  it("writes a cell a spreadsheet would run as a formula as text", () => {
    const csv = toCsv(
      ["name", "n"],
      [
        { name: '=HYPERLINK("http://x","y")', n: -1 },
        { name: "+381 11", n: 2 },
      ],
    );
    expect(parse(csv, { columns: true })).toEqual([
      { name: `'=HYPERLINK("http://x","y")`, n: "-1" },
      { name: "'+381 11", n: "2" },
    ]);
  });
});
