import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { limes } from "../../test/support/cli.js";
import { realData } from "../../test/support/paths.js";
import { rowToQuery } from "./persons.js";

const UN = `un-xml:${realData("watchlists/un-sc-consolidated.xml")}`;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "limes-screen-"));
});

describe("limes screen", () => {
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
    const r = limes("screen", "--watchlist", UN, "--input", input);
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
    expect(r.stderr).toContain("3 persons screened, 2 refer");
  });

  it("reads JSONL, honours --threshold and prints a table", async () => {
    const input = join(dir, "persons.jsonl");
    await writeFile(input, `${JSON.stringify({ full_name: "Janan Aga" })}\n`);
    const table = limes("screen", "-w", UN, "-i", input, "--format", "table");
    expect(table.stdout).toMatch(/1\s+Janan Aga\s+refer\s+0\.9\d+\s+TAi\.091 JANAN AGHA/);
    const strict = limes("screen", "-w", UN, "-i", input, "--threshold", "0.99");
    expect(JSON.parse(strict.stdout).matches[0].decision).toBe("clear");
  });

  it("rejects bad input with one clear line", async () => {
    const bad = join(dir, "bad.csv");
    await writeFile(bad, "full_name,date_of_birth\nSomeone,31/12/1970\n");
    const r = limes("screen", "-w", UN, "-i", bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.csv:2: date_of_birth "31/12/1970" is not YYYY, YYYY-MM or YYYY-MM-DD');
    expect(limes("screen", "-w", "nope:x.xml", "-i", bad).stderr).toContain(
      'unknown watchlist format "nope"',
    );
    expect(limes("screen", "-w", UN, "-i", bad, "--threshold", "2").stderr).toContain(
      "--threshold must be a number between 0 and 1",
    );
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
