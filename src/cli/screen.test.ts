// `limes screen` runs the screening use case of POST /api/v1/screenings on LIMES_DB as the officer of
// LIMES_TOKEN: against list files or the live lists, recorded and audited, or nothing saved with --dry-run;
// a first-line officer sees the outcome only, as in the API.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test/http/harness.js";
import { limes } from "../../test/support/cli.js";
import { type FreshDatabase, forEachDialect, freshDatabase } from "../../test/support/db.js";
import { realData } from "../../test/support/paths.js";
import { importUnXml, saveWatchlistVersion } from "../watchlists/index.js";
import { rowToQuery } from "./persons.js";

const UN_FILE = realData("watchlists/un-sc-consolidated.xml");
const UN = `un-xml:${UN_FILE}`;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "limes-screen-"));
});

forEachDialect("limes screen", (dialect) => {
  let fresh: FreshDatabase;
  let api: TestApi;
  let cli: (...args: string[]) => ReturnType<typeof limes>;
  beforeAll(async () => {
    fresh = await freshDatabase(dialect);
    await saveWatchlistVersion(fresh.db, await importUnXml(UN_FILE), { actor: "system" });
    api = await startTestApi(fresh.db);
    await api.addUser("officer", ["second_line"]);
    await api.addUser("booth", ["first_line"]);
    cli = limes.withEnv({ LIMES_DB: fresh.url, LIMES_TOKEN: api.token("officer") });
  });
  afterAll(async () => {
    await api?.app.close();
    await fresh?.drop();
  });

  const screenings = async () =>
    Number(
      (
        await fresh.db.kysely
          .selectFrom("screening_requests")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("prints one JSON line per person in input order, with the listed person referred", async () => {
    // Rows 1-3 of the real treated positives (typos, reshuffled parts), plus one synthetic negative.
    const input = join(dir, "persons.csv");
    await writeFile(
      input,
      [
        "full_name,first_name,middle_name,last_name,gender,date_of_birth,place_of_birth,nationality",
        '"SALEK, ABDULHAI",,,,,1965,"Awlyatak Village, Gardan Masjid Area, Chaki Wardak District, Afghanistan",af',
        'JANAN AGHA,,,,,1958,"Tirin Kot city, Afghanistan",af',
        ",Ingeborg,,Abrahamsen,female,1972-11-21,Birmingham,France",
      ].join("\n"),
    );
    const before = await screenings();
    const r = cli("screen", "--watchlist", UN, "--input", input, "--dry-run");
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.input)).toEqual([1, 2, 3]);
    expect(lines[0].matches[0]).toMatchObject({
      entityId: "un-sc:TAi.108",
      sourceRef: "TAi.108",
      decision: "refer",
    });
    expect(lines[1].matches[0]).toMatchObject({
      sourceRef: "TAi.091",
      name: "JANAN AGHA",
      decision: "refer",
    });
    expect(lines[2]).toEqual({ input: 3, name: "Ingeborg Abrahamsen", matches: [] });
    expect(r.stderr).toContain("3 persons screened, 2 refer; dry run: nothing saved, nothing audited");
    expect(await screenings()).toBe(before);
  });

  it("reads JSONL, honours --threshold and prints a table", async () => {
    const input = join(dir, "persons.jsonl");
    await writeFile(input, `${JSON.stringify({ full_name: "Janan Aga" })}\n`);
    const table = cli("screen", "-w", UN, "-i", input, "--format", "table", "--dry-run");
    expect(table.stdout).toMatch(/1\s+Janan Aga\s+refer\s+0\.9\d+\s+TAi\.091 JANAN AGHA/);
    const strict = cli("screen", "-w", UN, "-i", input, "--threshold", "0.99", "--dry-run");
    expect(JSON.parse(strict.stdout).matches[0].decision).toBe("clear");
  });

  it("screens against the live lists on LIMES_DB, records the screening and audits it", async () => {
    const input = join(dir, "live.jsonl");
    await writeFile(input, `${JSON.stringify({ full_name: "Janan Aga" })}\n`);
    const before = await screenings();
    const r = cli("screen", "-i", input, "--purpose", "screening of a coach's passengers");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).matches[0]).toMatchObject({ sourceRef: "TAi.091", decision: "refer" });
    const id = /screening ([0-9a-f-]{36})/.exec(r.stderr)?.[1];
    expect(id).toBeDefined();
    expect(await screenings()).toBe(before + 1);
    const audited = await fresh.db.kysely
      .selectFrom("audit_log")
      .select(["action", "actor_username", "purpose"])
      .where("object_id", "=", id!)
      .execute();
    expect(audited).toEqual([
      { action: "screening.create", actor_username: "officer", purpose: "screening of a coach's passengers" },
    ]);
    // A first-line officer gets the outcome and a reference, never the list details, as from the API.
    const booth = limes.withEnv({ LIMES_DB: fresh.url, LIMES_TOKEN: api.token("booth") });
    const line = JSON.parse(booth("screen", "-i", input, "--dry-run").stdout);
    expect(line).toEqual({ input: 1, name: "Janan Aga", decision: "refer", reference: expect.any(String) });
  });

  it("rejects bad input with one clear line, and runs only as an officer", async () => {
    const bad = join(dir, "bad.csv");
    await writeFile(bad, "full_name,date_of_birth\nSomeone,31/12/1970\n");
    const r = cli("screen", "-w", UN, "-i", bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.csv:2: date_of_birth "31/12/1970" is not YYYY, YYYY-MM or YYYY-MM-DD');
    expect(cli("screen", "-w", "nope:x.xml", "-i", join(dir, "persons.csv")).stderr).toContain(
      'unknown watchlist format "nope"',
    );
    expect(cli("screen", "-w", UN, "-i", bad, "--threshold", "2").stderr).toContain(
      "--threshold must be a number between 0 and 1",
    );
    const anonymous = limes.withEnv({ LIMES_DB: fresh.url })("screen", "-i", join(dir, "persons.csv"));
    expect(anonymous.code).toBe(1);
    expect(anonymous.stderr).toContain("set LIMES_TOKEN");
  });
});

describe("rowToQuery", () => {
  it("maps the benchmark columns and optional document columns", () => {
    expect(
      rowToQuery({
        first_name: "Ana",
        last_name: "Kovač",
        gender: "F",
        date_of_birth: "1980-02",
        nationality: "HR;BA",
        document_number: "012345678",
        document_country: "HR",
      }),
    ).toEqual({
      firstName: "Ana",
      lastName: "Kovač",
      gender: "female",
      birthDate: "1980-02",
      nationalities: ["HR", "BA"],
      documents: [{ number: "012345678", country: "HR" }],
    });
    expect(() => rowToQuery({ gender: "male" })).toThrow(/no name/);
    expect(() => rowToQuery({ full_name: "X", gender: "unknown" })).toThrow(/unknown gender/);
  });
});
