// `limes manifest screen` runs the manifest use case of POST /api/v1/manifests on LIMES_DB, as the officer
// of LIMES_TOKEN: on both dialects, the CLI's decisions on the real PAXLST samples equal the API's person by
// person on the same database; a dry run saves and audits nothing, a real run records the manifest.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test/http/harness.js";
import { limes } from "../../test/support/cli.js";
import { type FreshDatabase, forEachDialect, freshDatabase } from "../../test/support/db.js";
import { realData } from "../../test/support/paths.js";
import { importUnXml, saveWatchlistVersion } from "../watchlists/index.js";

const UN = realData("watchlists/un-sc-consolidated.xml");
const dir = mkdtempSync(join(tmpdir(), "limes-manifest-"));
/** The real sample with one passenger replaced by a UN-listed person (QDi.017, born 1960-06-29). */
const FLIGHT = join(dir, "flight.edi");
writeFileSync(
  FLIGHT,
  readFileSync(realData("paxlst/two-leg-passengers.edi"), "utf8")
    .replace("NAD+FL+++LANG:KRISTIN'", "NAD+FL+++SHIHATA:THARWAT SALAH'")
    .replace("DTM+329:600606'", "DTM+329:600629'"),
);

interface Line {
  person: number;
  decision: string;
  matches: { sourceRef: string; decision: string }[];
}

forEachDialect("limes manifest screen", (dialect) => {
  let fresh: FreshDatabase;
  let api: TestApi;
  let cli: (...args: string[]) => ReturnType<typeof limes>;
  beforeAll(async () => {
    fresh = await freshDatabase(dialect);
    await saveWatchlistVersion(fresh.db, await importUnXml(UN), { actor: "system" });
    api = await startTestApi(fresh.db);
    await api.addUser("officer", ["second_line"]);
    cli = limes.withEnv({ LIMES_DB: fresh.url, LIMES_TOKEN: api.token("officer") });
  });
  afterAll(async () => {
    await api?.app.close();
    await fresh?.drop();
  });

  const counts = async () => {
    const k = fresh.db.kysely;
    const n = async (t: "manifests" | "screening_requests" | "alerts" | "audit_log") =>
      Number(
        (
          await k
            .selectFrom(t)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      manifests: await n("manifests"),
      screenings: await n("screening_requests"),
      alerts: await n("alerts"),
      audit: await n("audit_log"),
    };
  };

  it("screens a real PAXLST sample with one passenger replaced by a UN-listed person, refers first", () => {
    const un = `un-xml:${UN}`;
    const table = cli("manifest", "screen", FLIGHT, "--watchlist", un, "--dry-run");
    expect(table.code).toBe(0);
    expect(table.stderr).toContain("flight QQ827 passengers: 2 persons (declared 2), 1 refer");
    const lines = table.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^\s*2\s+refer\s+SHIHATA, THARWAT SALAH\s+QDi\.017 THARWAT SALAH SHIHATA/);
    expect(lines[1]).toMatch(/^\s+1\s+clear\s+BARRETT, TODD/);
    const jsonl = cli("manifest", "screen", FLIGHT, "-w", un, "--format", "jsonl", "--dry-run")
      .stdout.trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(jsonl.map((r) => [r.person, r.decision])).toEqual([
      [2, "refer"],
      [1, "clear"],
    ]);
    expect(cli("manifest", "screen", join(dir, "missing.edi"), "-w", un, "--dry-run").code).toBe(1);
  });

  for (const [name, file] of [
    ["the PAXLST flight with a listed passenger", FLIGHT],
    ["the real PAXLST crew list", realData("paxlst/crew-list.edi")],
  ] as const) {
    it(`decides ${name} as the API does, person by person, and a dry run leaves no trace`, async () => {
      const before = await counts();
      const dry = cli("manifest", "screen", file, "--format", "jsonl", "--dry-run");
      expect(dry.code).toBe(0);
      expect(dry.stderr).toContain("dry run: nothing saved, nothing audited");
      expect(await counts()).toEqual(before);
      const fromCli = dry.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as Line);

      const r = await api.call(
        "officer",
        "POST",
        "/api/v1/manifests?purpose=comparison",
        readFileSync(file),
        {
          "content-type": "text/plain",
        },
      );
      expect(r.statusCode).toBe(201);
      const fromApi = r.json().results as { index: number; decision: string; matches: Line["matches"] }[];
      expect(fromCli.length).toBeGreaterThan(1);
      expect(fromCli.map((l) => [l.person - 1, l.decision])).toEqual(
        fromApi.map((o) => [o.index, o.decision]),
      );
      const refs = (ms: Line["matches"]) => ms.map((m) => [m.sourceRef, m.decision]);
      expect(fromCli.map((l) => refs(l.matches))).toEqual(fromApi.map((o) => refs(o.matches)));
    });
  }

  it("records the manifest, its screening and its audit entry without --dry-run", async () => {
    const before = await counts();
    const run = cli("manifest", "screen", FLIGHT, "--purpose", "manifest of flight QQ827");
    expect(run.code).toBe(0);
    const id = /manifest ([0-9a-f-]{36})/.exec(run.stderr)?.[1];
    expect(id).toBeDefined();
    const after = await counts();
    expect(after).toMatchObject({ manifests: before.manifests + 1, screenings: before.screenings + 1 });
    const audited = await fresh.db.kysely
      .selectFrom("audit_log")
      .select(["action", "actor_username", "purpose"])
      .where("object_id", "=", id!)
      .execute();
    expect(audited).toEqual([
      { action: "manifest.create", actor_username: "officer", purpose: "manifest of flight QQ827" },
    ]);
  });
});
