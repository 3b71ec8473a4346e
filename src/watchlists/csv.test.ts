import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, REPO_ROOT } from "../../test/support/paths.js";
import { ImportError } from "../shared/errors.js";
import { messageOf } from "../shared/messages.js";
import { importCsvList } from "./csv.js";
import { summarise } from "./summary.js";

const SAMPLE = join(REPO_ROOT, "data", "samples", "national-list.csv");

describe("importCsvList on the fictional sample national list", () => {
  it("imports every row with exact counts", async () => {
    const r = await importCsvList(SAMPLE);
    expect(r.list).toBe("national");
    expect(r.format).toBe("csv");
    expect(r.issues).toEqual([]);
    expect(r.counts).toEqual({
      entities: 16,
      bySchema: { person: 15, organization: 1 },
      aliases: 25,
      documents: 10,
      unparsedRemarks: 0,
      unmappedCountries: 0,
    });
    const s = summarise(r.entities);
    expect(s.aliases).toEqual({ strong: 21, weak: 4 });
    expect(s.namesByScript).toEqual({ latin: 33, cyrillic: 5, arabic: 3 });
    expect(s.birthDates).toEqual({
      year: 3,
      yearMonth: 1,
      fullDate: 8,
      range: 3,
      approximate: 3,
      entitiesWithout: 1,
    });
    expect(s.nationalities).toEqual({ mapped: 17, unmapped: 0 });
    expect(s.byProgramme).toEqual({ "NAT-ORGCRIME": 10, "NAT-TERR": 6 });
  });

  it("maps one row onto the entity model", async () => {
    const r = await importCsvList(SAMPLE, { list: "sample-national" });
    const first = r.entities[0];
    expect(first).toEqual({
      id: "sample-national:NL-0001",
      list: "sample-national",
      sourceRef: "NL-0001",
      schema: "person",
      name: "Đorđe Petrović",
      nameParts: { given: "Đorđe", family: "Petrović" },
      aliases: [
        { name: "Djordje Petrovic", quality: "strong", script: "latin" },
        { name: "Ђорђе Петровић", quality: "strong", script: "cyrillic" },
        { name: "Đole", quality: "weak", script: "latin" },
      ],
      birthDates: [{ kind: "date", date: "1979-03-14" }],
      placesOfBirth: ["Kragujevac"],
      nationalities: ["RS"],
      gender: "male",
      documents: [{ type: "Passport", number: "P01234567", country: "RS" }],
      programmes: ["NAT-ORGCRIME"],
      listedOn: "2021-06-01",
      remarks: "Fictional sample record.",
    });
    const ahmet = r.entities.find((e) => e.sourceRef === "NL-0014");
    expect(ahmet?.birthDates).toEqual([{ kind: "range", from: "1970", to: "1972", approximate: true }]);
    expect(ahmet?.nationalities).toEqual(["MK", "AL"]);
    const arabic = r.entities.find((e) => e.sourceRef === "NL-0009");
    expect(arabic?.name).toBe("عبد الله حسن الزهراني");
    expect(arabic?.nameParts).toBeUndefined();
  });

  it("reports byte progress up to the file size", async () => {
    const seen: [number, number][] = [];
    await importCsvList(SAMPLE, { onProgress: (done, total) => seen.push([done, total]) });
    const last = seen.at(-1);
    expect(last?.[0]).toBe(last?.[1]);
    expect(last?.[0]).toBeGreaterThan(0);
  });
});

describe("importCsvList on malformed files (hand-written fixtures)", () => {
  it("rejects an unclosed quote with the line where the broken record starts", async () => {
    const err = await importCsvList(fixture("csv", "broken-quote.csv")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).message).toMatch(/^broken-quote\.csv:4: Quote Not Closed/);
  });

  it("rejects unknown columns, naming them", async () => {
    await expect(importCsvList(fixture("csv", "unknown-column.csv"))).rejects.toThrow(
      'unknown-column.csv:1: unknown column(s) "birth_date", "passport"; allowed: id, schema, name,',
    );
  });

  it("rejects the whole file in strict mode when any row is bad", async () => {
    const err = await importCsvList(fixture("csv", "bad-rows.csv")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).message).toBe(
      'bad-rows.csv: 8 bad record(s), first at bad-rows.csv:4: bad birth date "03.02.1980": expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY..YYYY',
    );
    expect((err as ImportError).details).toHaveLength(10);
  });

  it("gives each refusal its own code, whose catalogue entry words the same message from the params", async () => {
    for (const [file, code] of [
      ["broken-quote.csv", "list_malformed"],
      ["unknown-column.csv", "csv_unknown_columns"],
      ["bad-rows.csv", "list_bad_records"],
    ] as const) {
      const err = (await importCsvList(fixture("csv", file)).catch((e: unknown) => e)) as ImportError;
      expect(err.code).toBe(code);
      expect(messageOf({ code, params: err.params, message: "not this one" })).toBe(err.message);
    }
  });

  it("in lenient mode keeps the good rows and reports every bad one with file:line", async () => {
    const r = await importCsvList(fixture("csv", "bad-rows.csv"), { strict: false });
    expect(r.entities.map((e) => e.sourceRef)).toEqual(["BR-1", "BR-5"]);
    expect(r.counts.unmappedCountries).toBe(2);
    expect(r.entities[1]?.nationalities).toEqual(["HR"]);
    expect(r.entities[1]?.nationalitiesText).toEqual(["Atlantis"]);
    expect(r.entities[1]?.documents).toEqual([{ type: "ID", number: "77", countryText: "Lemuria" }]);
    expect(r.issues.map((i) => [i.severity, i.location, i.reason])).toEqual([
      [
        "error",
        "bad-rows.csv:4",
        'bad birth date "03.02.1980": expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY..YYYY',
      ],
      ["error", "bad-rows.csv:5", 'bad document "Passport": expected type:number or type:number:country'],
      ["error", "bad-rows.csv:5", 'unknown gender "woman": expected male, female or other'],
      ["error", "bad-rows.csv:5", 'bad listed_on "2024-13": expected YYYY, YYYY-MM or YYYY-MM-DD'],
      ["error", "bad-rows.csv:6", "expected 9 columns, found 2"],
      ["error", "bad-rows.csv:7", "duplicate id (first at bad-rows.csv:3)"],
      ["warning", "bad-rows.csv:8", 'nationality "Atlantis" not mapped to a country code; kept as text'],
      ["warning", "bad-rows.csv:8", 'document country "Lemuria" not mapped to a country code; kept as text'],
      ["error", "bad-rows.csv:9", "missing id"],
      ["error", "bad-rows.csv:10", "no name: name or first_name/last_name is required"],
    ]);
    expect(r.issues[1]?.sourceRef).toBe("BR-3");
  });
});
