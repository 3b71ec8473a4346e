import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture } from "../../test/support/paths.js";
import { ImportError } from "../shared/errors.js";
import { importFtmJsonl } from "./ftm-jsonl.js";

// test/fixtures/ftm/sample.jsonl is hand-written; its README lists what each line tests.
const SAMPLE = fixture("ftm", "sample.jsonl");

describe("importFtmJsonl", () => {
  it("rejects the file in strict mode, naming the first bad line", async () => {
    const err = await importFtmJsonl(SAMPLE).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).message).toMatch(
      /^sample\.jsonl: 2 bad record\(s\), first at sample\.jsonl:10: bad JSON: /,
    );
  });

  it("in lenient mode maps persons, organisations, vessels and aircraft and reports the rest", async () => {
    const r = await importFtmJsonl(SAMPLE, { strict: false });
    expect(r.list).toBe("ftm");
    expect(r.format).toBe("ftm-jsonl");
    expect(r.entities.map((e) => [e.id, e.schema])).toEqual([
      ["ftm:fx-p1", "person"],
      ["ftm:fx-p2", "person"],
      ["ftm:fx-c1", "organization"],
      ["ftm:fx-v1", "vessel"],
      ["ftm:fx-a1", "aircraft"],
    ]);
    expect(r.counts).toEqual({
      entities: 5,
      bySchema: { person: 2, organization: 1, vessel: 1, aircraft: 1 },
      aliases: 5,
      documents: 4,
      unparsedRemarks: 0,
      unmappedCountries: 1,
    });
    expect(r.meta).toEqual({ lines: "13", datasets: "fixture_a, fixture_b" });
    expect(r.issues.map((i) => [i.severity, i.location, i.sourceRef])).toEqual([
      ["warning", "sample.jsonl:3", "fx-p2"],
      ["error", "sample.jsonl:10", undefined],
      ["error", "sample.jsonl:13", "fx-p3"],
      ["warning", "sample.jsonl:11", "fx-id1"],
      ["warning", "sample.jsonl", undefined],
      ["warning", "sample.jsonl", undefined],
    ]);
    expect(r.issues.map((i) => i.reason)).toEqual([
      'bad birthDate "1985-13-40" ignored: expected YYYY, YYYY-MM or YYYY-MM-DD',
      expect.stringMatching(/^bad JSON: /),
      "entity has no name",
      "Identification holder fx-missing is not a listed entity in this file",
      "skipped 1 Address entity: not a screening target",
      "skipped 1 Ownership entity: not a screening target",
    ]);
  });

  it("builds a person from names, aliases, name parts, dates and its Passport entity", async () => {
    const r = await importFtmJsonl(SAMPLE, { strict: false, list: "os" });
    expect(r.entities[0]).toEqual({
      id: "os:fx-p1",
      list: "os",
      sourceRef: "fx-p1",
      schema: "person",
      name: "Ivan Petrovich Sidorov",
      nameParts: { given: "Ivan Petrovich", family: "Sidorov" },
      aliases: [
        { name: "Иван Петрович Сидоров", quality: "strong", script: "cyrillic" },
        { name: "Ivan Sidorov", quality: "strong", script: "latin" },
        { name: "Vanya", quality: "weak", script: "latin" },
      ],
      birthDates: [
        { kind: "date", date: "1970-05-12" },
        { kind: "date", date: "1971" },
      ],
      placesOfBirth: ["Tula"],
      nationalities: ["RU"],
      nationalitiesText: ["suhh"],
      gender: "male",
      // The Passport entity carries the same number as passportNumber, so it replaces the bare number.
      documents: [
        {
          type: "Passport",
          number: "75 00112233",
          country: "RU",
          issued: "2015-01-01",
          expires: "2025-01-01",
        },
      ],
      programmes: ["FX-PROG-1"],
      listedOn: "2022-03-01",
      remarks: "Hand-written fixture person.",
    });
  });

  it("takes a programme and listing date from a Sanction entity, and names from an entity without caption", async () => {
    const r = await importFtmJsonl(SAMPLE, { strict: false });
    const [, amina, company, vessel, plane] = r.entities;
    expect(amina).toMatchObject({
      name: "Amina Haddad",
      aliases: [{ name: "أمينة حداد", quality: "strong", script: "arabic" }],
      birthDates: [{ kind: "date", date: "1985-07" }],
      gender: "female",
      nationalities: ["SY"],
      programmes: ["Fixture Sanctions Programme"],
      listedOn: "2020-02-02",
    });
    expect(company?.aliases.map((a) => a.name)).toEqual(["Northwind Shipping Limited"]);
    expect(company?.nationalities).toEqual(["CY"]);
    expect(company?.documents).toEqual([{ type: "Registration Number", number: "HE123456" }]);
    expect(vessel?.documents).toEqual([{ type: "IMO Number", number: "IMO 9123456" }]);
    expect(vessel?.nationalities).toEqual(["PA"]);
    expect(plane?.documents).toEqual([{ type: "Registration Number", number: "N123AB" }]);
  });

  it("fails clearly on a missing file", async () => {
    await expect(importFtmJsonl(fixture("ftm", "absent.jsonl"))).rejects.toThrow(
      /^watchlist file not found: .*absent\.jsonl$/,
    );
  });

  it("refuses a file of other schemas only, and accepts an empty file as an empty list", async () => {
    const dir = await mkdtemp(join(tmpdir(), "limes-ftm-"));
    const other = join(dir, "addresses.jsonl");
    const line = (i: number) =>
      JSON.stringify({ id: `a${i}`, schema: "Address", properties: { full: ["x"] } });
    await writeFile(other, `${Array.from({ length: 50 }, (_, i) => line(i)).join("\n")}\n`);
    await expect(importFtmJsonl(other)).rejects.toThrow(/no screening target .* among 50 lines/);
    const empty = join(dir, "empty.jsonl");
    await writeFile(empty, "");
    expect((await importFtmJsonl(empty)).counts.entities).toBe(0);
  });
});
