import { statSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { fixture, realData } from "../../test/support/paths.js";
import { ImportError } from "../shared/errors.js";
import type { Entity, ImportIssue, ImportResult } from "./model.js";
import { importOfacCsv, personName } from "./ofac-csv.js";

async function importError(promise: Promise<unknown>): Promise<ImportError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportError);
  return err as ImportError;
}

describe("personName", () => {
  it.each([
    [
      "TSERTSEL, Ivan Stanislavavich",
      "Ivan Stanislavavich TSERTSEL",
      { given: "Ivan Stanislavavich", family: "TSERTSEL" },
    ],
    [
      "DELOS REYES, Feliciano Semborio, Jr.",
      "Feliciano Semborio DELOS REYES Jr.",
      { given: "Feliciano Semborio", family: "DELOS REYES" },
    ],
    ["KNOWLES, JR., Samuel", "Samuel KNOWLES JR.", { given: "Samuel", family: "KNOWLES" }],
    ["MARUF, Taha, Muhyi al-Din", "Taha Muhyi al-Din MARUF", { given: "Taha Muhyi al-Din", family: "MARUF" }],
    ["ABU ZUBAYDAH", "ABU ZUBAYDAH", undefined],
  ])("orders %s", (source, name, nameParts) => {
    expect(personName(source)).toEqual(nameParts ? { name, nameParts } : { name });
  });
});

describe("importOfacCsv on hand-written fixtures", () => {
  const small = fixture("ofac", "small", "sdn.csv");
  const smallIssues: ImportIssue[] = [
    {
      severity: "warning",
      location: "sdn.csv:1",
      reason: 'unparsed remark: "Favourite Colour Blue"',
      sourceRef: "100",
    },
    { severity: "error", location: "sdn.csv:4", reason: "expected 12 columns, found 4", sourceRef: "400" },
    {
      severity: "warning",
      location: "alt.csv:2",
      reason: 'alias remark not interpreted: "Name used until 2019"',
      sourceRef: "300",
    },
    { severity: "error", location: "alt.csv:3", reason: 'ent_num "999" is not in sdn.csv', sourceRef: "999" },
    { severity: "error", location: "alt.csv:4", reason: "expected 5 columns, found 3", sourceRef: "100" },
    {
      severity: "error",
      location: "alt.csv:5",
      reason: 'alias needs alt_type aka/fka/nka and a name, got "alias" "ACME SEA"',
      sourceRef: "300",
    },
  ];

  it("refuses the whole import in strict mode and lists every issue", async () => {
    const err = await importError(importOfacCsv(small));
    expect(err.message).toBe(
      "OFAC CSV import failed with 4 error(s); first at sdn.csv:4: expected 12 columns, found 4",
    );
    expect(err.details).toEqual(smallIssues);
  });

  it("maps people, vessels and organisations and returns the skipped records as issues", async () => {
    const progress: Array<[number, number]> = [];
    const r = await importOfacCsv(small, {
      strict: false,
      list: "test",
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(r.issues).toEqual(smallIssues);
    expect(r.entities).toEqual<Entity[]>([
      {
        id: "test:100",
        list: "test",
        sourceRef: "100",
        schema: "person",
        name: "John Michael DOE",
        nameParts: { given: "John Michael", family: "DOE" },
        aliases: [
          { name: "Johnny DOE", quality: "strong" },
          { name: "JD", quality: "weak" },
        ],
        birthDates: [
          { kind: "date", date: "1970-01-01" },
          { kind: "date", date: "1971", approximate: true },
        ],
        placesOfBirth: ["Springfield, Iraq"],
        nationalities: ["IQ"],
        gender: "male",
        documents: [
          {
            type: "Passport",
            number: "A123",
            country: "IQ",
            countryText: "Iraq",
            issued: "2000-02-02",
            expires: "2010-02-01",
          },
        ],
        programmes: ["SDGT", "IRGC"],
        remarks:
          "DOB 01 Jan 1970; alt. DOB circa 1971; POB Springfield, Iraq; nationality Iraq; Gender Male; " +
          "Passport A123 (Iraq) issued 02 Feb 2000 expires 01 Feb 2010; Favourite Colour Blue; a.k.a. 'JD'.",
      },
      {
        id: "test:200",
        list: "test",
        sourceRef: "200",
        schema: "vessel",
        name: "SEA STAR",
        aliases: [],
        birthDates: [],
        placesOfBirth: [],
        nationalities: ["IR"],
        documents: [
          { type: "Call Sign", number: "EPAB1" },
          { type: "Vessel Registration Identification", number: "IMO 1234567" },
        ],
        programmes: ["IRAN"],
        remarks: "Vessel Registration Identification IMO 1234567; Linked To: ACME SHIPPING.",
      },
      {
        id: "test:300",
        list: "test",
        sourceRef: "300",
        schema: "organization",
        name: "ACME SHIPPING, LTD.",
        aliases: [{ name: "ACME MARINE, LTD.", quality: "strong" }],
        birthDates: [],
        placesOfBirth: [],
        nationalities: [],
        documents: [],
        programmes: ["IRAN"],
      },
    ]);
    expect(r.counts).toEqual({
      entities: 3,
      bySchema: { person: 1, vessel: 1, organization: 1 },
      aliases: 3,
      documents: 3,
      unparsedRemarks: 1,
      unmappedCountries: 0,
    });
    expect(r.meta).toEqual({ files: "sdn.csv, alt.csv, add.csv", aliasRows: "2", addresses: "2" });
    expect(r.format).toBe("ofac-csv");
    const total = ["sdn.csv", "alt.csv", "add.csv"]
      .map((f) => statSync(fixture("ofac", "small", f)).size)
      .reduce((a, b) => a + b);
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.every(([done], i) => i === 0 || done >= progress[i - 1]![0])).toBe(true);
  });

  it("rejects repeated or non-numeric ent_nums, unknown types and empty names", async () => {
    const path = fixture("ofac", "bad-rows", "sdn.csv");
    const expected: ImportIssue[] = [
      {
        severity: "error",
        location: "sdn.csv:2",
        reason: "ent_num 100 already used on line 1",
        sourceRef: "100",
      },
      { severity: "error", location: "sdn.csv:3", reason: 'ent_num "X1" is not a number', sourceRef: "X1" },
      { severity: "error", location: "sdn.csv:4", reason: 'unknown SDN_Type "person"', sourceRef: "300" },
      { severity: "error", location: "sdn.csv:5", reason: "empty SDN_Name", sourceRef: "400" },
    ];
    expect((await importError(importOfacCsv(path))).details).toEqual(expected);
    const lenient = await importOfacCsv(path, { strict: false });
    expect(lenient.issues).toEqual(expected);
    // Neither of two entries sharing an ent_num can be trusted to be the right one.
    expect(lenient.entities.map((e) => e.id)).toEqual(["ofac-sdn:500"]);
    expect(lenient.entities[0]?.schema).toBe("organization");
  });

  it("rejects a CSV with an unclosed quote, naming the file and the line where the quote opens", async () => {
    const err = await importError(
      importOfacCsv(fixture("ofac", "broken-quote", "sdn.csv"), { strict: false }),
    );
    expect(err.message).toMatch(/^sdn\.csv:2: malformed CSV: Quote Not Closed/);
    expect(err.details).toEqual([
      expect.objectContaining({ severity: "error", location: "sdn.csv:2" }) as ImportIssue,
    ]);
  });

  it("rejects a stray quote inside a quoted alt.csv field, naming its line", async () => {
    const err = await importError(
      importOfacCsv(fixture("ofac", "bad-quote-alt", "sdn.csv"), { strict: false }),
    );
    expect(err.message).toMatch(/^alt\.csv:2: malformed CSV: Invalid Closing Quote/);
  });

  it("treats an unreadable DOB or document date as an error, never a partial entry", async () => {
    const path = fixture("ofac", "bad-dob", "sdn.csv");
    const expected: ImportIssue[] = [
      {
        severity: "error",
        location: "sdn.csv:2",
        reason: 'unreadable DOB "1970/01/05" in "DOB 1970/01/05"',
        sourceRef: "200",
      },
      {
        severity: "error",
        location: "sdn.csv:3",
        reason: 'unreadable issued date "31 Feb 2001" in "Passport X1 (Iraq) issued 31 Feb 2001"',
        sourceRef: "300",
      },
    ];
    const err = await importError(importOfacCsv(path));
    expect(err.details).toEqual(expected);
    const lenient = await importOfacCsv(path, { strict: false });
    expect(lenient.issues).toEqual(expected);
    expect(lenient.entities.map((e) => e.id)).toEqual(["ofac-sdn:100"]);
    expect(lenient.meta.files).toBe("sdn.csv");
  });

  it("fails loudly when sdn.csv is missing", async () => {
    const err = await importError(importOfacCsv(fixture("ofac", "missing", "sdn.csv")));
    expect(err.message).toMatch(/^OFAC SDN file not found: .*missing\/sdn\.csv$/);
  });
});

describe("importOfacCsv on the real OFAC SDN files", () => {
  let result: ImportResult;
  const byRef = (ref: string): Entity => {
    const e = result.entities.find((x) => x.sourceRef === ref);
    if (!e) throw new Error(`no entity ${ref}`);
    return e;
  };

  beforeAll(async () => {
    result = await importOfacCsv(realData("watchlists", "ofac-sdn", "sdn.csv"));
  });

  it("imports every entry with exact counts", () => {
    expect(result.counts).toEqual({
      entities: 8976,
      bySchema: { organization: 3673, person: 4620, vessel: 406, aircraft: 277 },
      aliases: 14342,
      documents: 7102,
      unparsedRemarks: 1567,
      unmappedCountries: 21,
    });
    expect(result.meta).toEqual({
      files: "sdn.csv, alt.csv, add.csv",
      aliasRows: "11910",
      addresses: "13837",
    });
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(result.issues.filter((i) => i.reason.startsWith("unparsed remark: ")).length).toBe(1567);
    expect(result.issues.filter((i) => i.reason.startsWith("unmapped country ")).length).toBe(21);
    expect(result.issues.length).toBe(1567 + 21);
  });

  it("splits aliases into alt.csv strong ones and remark weak ones, and counts birth data", () => {
    const all = result.entities.flatMap((e) => e.aliases);
    // 11910 alt.csv rows less 2 repeated rows and 4 that repeat the primary name.
    expect(all.filter((a) => a.quality === "strong").length).toBe(11904);
    expect(all.filter((a) => a.quality === "weak").length).toBe(2438);
    const dobs = result.entities.flatMap((e) => e.birthDates);
    expect(dobs.length).toBe(5125);
    expect(dobs.filter((b) => b.kind === "range").length).toBe(79);
    expect(dobs.filter((b) => b.approximate).length).toBe(78);
    expect(result.entities.filter((e) => e.gender === "male").length).toBe(1384);
    expect(result.entities.filter((e) => e.gender === "female").length).toBe(129);
    const docTypes = new Map<string, number>();
    for (const d of result.entities.flatMap((e) => e.documents))
      docTypes.set(d.type, (docTypes.get(d.type) ?? 0) + 1);
    expect(
      ["Passport", "Cedula No.", "National ID No.", "NIT", "Call Sign", "D.N.I.", "SSN"].map((t) =>
        docTypes.get(t),
      ),
    ).toEqual([1526, 713, 579, 421, 70, 42, 12]);
  });

  it("reads an individual with several DOBs, two places of birth, passport dates and a foreign ID", () => {
    // 11313: "DOB 1969; alt. DOB 10 Oct 1969; POB Xudur, Somalia; alt. POB Keren, Eritrea; nationality Eritrea;
    // Passport 0310857 (Eritrea) issued 21 Aug 2006 expires 20 Aug 2008; National ID No. 1372584 (Kenya); (...)"
    const e = byRef("11313");
    expect(e.id).toBe("ofac-sdn:11313");
    expect(e.name).toBe("Mukhtar ROBOW");
    expect(e.nameParts).toEqual({ given: "Mukhtar", family: "ROBOW" });
    expect(e.birthDates).toEqual([
      { kind: "date", date: "1969" },
      { kind: "date", date: "1969-10-10" },
    ]);
    expect(e.placesOfBirth).toEqual(["Xudur, Somalia", "Keren, Eritrea"]);
    expect(e.nationalities).toEqual(["ER"]);
    expect(e.documents).toEqual([
      {
        type: "Passport",
        number: "0310857",
        country: "ER",
        countryText: "Eritrea",
        issued: "2006-08-21",
        expires: "2008-08-20",
      },
      { type: "National ID No.", number: "1372584", country: "KE", countryText: "Kenya" },
    ]);
    expect(e.aliases.filter((a) => a.quality === "weak").map((a) => a.name)).toEqual([
      "ABU MANSUR",
      "ABU MANSOUR",
    ]);
    // The parenthesised note holds semicolons; it stays one fragment and is reported, not half-read.
    expect(result.issues.filter((i) => i.sourceRef === "11313").map((i) => i.location)).toEqual([
      "sdn.csv:2047",
    ]);
  });

  it.each([
    ["7782", [{ kind: "date", date: "1951", approximate: true }]], // DOB circa 1951
    ["7929", [{ kind: "date", date: "1966-07-07", approximate: true }]], // DOB circa 07 Jul 1966
    [
      "11748", // DOB circa 1979-1982; alt. DOB 1982
      [
        { kind: "range", from: "1979", to: "1982", approximate: true },
        { kind: "date", date: "1982" },
      ],
    ],
    [
      "12057", // DOB 1951 to 1953; alt. DOB 1960 to 1962; alt. DOB Apr 1961; alt. DOB 1953
      [
        { kind: "range", from: "1951", to: "1953" },
        { kind: "range", from: "1960", to: "1962" },
        { kind: "date", date: "1961-04" },
        { kind: "date", date: "1953" },
      ],
    ],
    ["15962", [{ kind: "range", from: "1961", to: "1962" }]], // DOB 01 Jan 1961 to 31 Dec 1962
    ["23470", [{ kind: "range", from: "1962", to: "1963" }]], // DOB Mar 1962 to Feb 1963
    ["16605", [{ kind: "date", date: "1946" }]], // DOB 26 Sep 1946 to 07 Dec 1946
  ])("reads the birth dates of %s", (ref, birthDates) => {
    expect(byRef(ref).birthDates).toEqual(birthDates);
  });

  it("keeps nationality and citizenship, and a citizenship differing from nationality", () => {
    // 9757: "nationality Lebanon; citizen Brazil; Cedula No. RG-013147 (Brazil)"
    const e = byRef("9757");
    expect(e.nationalities).toEqual(["LB", "BR"]);
    expect(e.documents).toEqual([
      { type: "Cedula No.", number: "RG-013147", country: "BR", countryText: "Brazil" },
    ]);
    // 10380: "nationality Iraq; citizen Syria"
    expect(byRef("10380").nationalities).toEqual(["IQ", "SY"]);
  });

  it("reads gender and several passports of a woman", () => {
    // 12610: "...; Gender Female; Passport 215215 (Libya); alt. Passport 428720 (Libya); alt. Passport B/011641;
    // alt. Passport 03824970 (Oman) issued 04 May 2014 expires 03 May 2024; National ID No. 98606612."
    const e = byRef("12610");
    expect(e.gender).toBe("female");
    expect(e.birthDates).toEqual([
      { kind: "date", date: "1977" },
      { kind: "date", date: "1976" },
      { kind: "date", date: "1978-01-01" },
    ]);
    expect(e.documents).toEqual([
      { type: "Passport", number: "215215", country: "LY", countryText: "Libya" },
      { type: "Passport", number: "428720", country: "LY", countryText: "Libya" },
      { type: "Passport", number: "B/011641" },
      {
        type: "Passport",
        number: "03824970",
        country: "OM",
        countryText: "Oman",
        issued: "2014-05-04",
        expires: "2024-05-03",
      },
      { type: "National ID No.", number: "98606612" },
    ]);
  });

  it("reads a national ID with a country and an unplaced passport", () => {
    // 7326: "DOB 01 Jan 1966; POB Tripoli, Lebanon; Passport 1091875; National ID No. 660000 73767 (Belgium);
    // Public Security and Immigration No. 98.805; a.k.a. 'ABOU ZEINAB'."
    const e = byRef("7326");
    expect(e.documents).toEqual([
      { type: "Passport", number: "1091875" },
      { type: "National ID No.", number: "660000 73767", country: "BE", countryText: "Belgium" },
      { type: "Public Security and Immigration No.", number: "98.805" },
    ]);
    expect(e.aliases).toEqual([{ name: "ABOU ZEINAB", quality: "weak" }]);
    expect(e.gender).toBeUndefined();
  });

  it("orders a name with a suffix and its weak alias naturally", () => {
    // 10851: "DELOS REYES, Feliciano Semborio, Jr."; a.k.a. 'ABDILLAH, Abdul'
    const e = byRef("10851");
    expect(e.name).toBe("Feliciano Semborio DELOS REYES Jr.");
    expect(e.aliases[0]).toEqual({ name: "Feliciano DE LOS REYES", quality: "strong" });
    expect(e.aliases.at(-1)).toEqual({ name: "Abdul ABDILLAH", quality: "weak" });
    expect(e.aliases.length).toBe(10);
  });

  it("maps a vessel's flag, call sign and IMO number, and an aircraft's identifiers", () => {
    // 15036 ARTAVIL: call sign T2EU4, flag Iran, "Vessel Registration Identification IMO 9187629; MMSI 572469210;
    // f.k.a. 'ALPHA'"
    const vessel = byRef("15036");
    expect(vessel.schema).toBe("vessel");
    expect(vessel.nationalities).toEqual(["IR"]);
    expect(vessel.documents).toEqual([
      { type: "Call Sign", number: "T2EU4" },
      { type: "Vessel Registration Identification", number: "IMO 9187629" },
      { type: "MMSI", number: "572469210" },
    ]);
    expect(vessel.aliases).toEqual([
      { name: "ABADAN", quality: "strong" },
      { name: "SHONA", quality: "strong" },
      { name: "ALPHA", quality: "weak" },
    ]);
    // 18150 "MSN 391": "Aircraft Manufacturer's Serial Number (MSN) 391; Aircraft Tail Number EP-MMH"
    const aircraft = byRef("18150");
    expect(aircraft.schema).toBe("aircraft");
    expect(aircraft.programmes).toEqual(["SDGT", "NPWMD", "IFSR"]);
    expect(aircraft.documents).toEqual([
      { type: "Aircraft Manufacturer's Serial Number (MSN)", number: "391" },
      { type: "Aircraft Tail Number", number: "EP-MMH" },
    ]);
  });

  it("maps an organisation with its strong and weak aliases and a registry number", () => {
    const bank = byRef("306");
    expect(bank).toMatchObject({
      schema: "organization",
      name: "BANCO NACIONAL DE CUBA",
      programmes: ["CUBA"],
      aliases: [
        { name: "NATIONAL BANK OF CUBA", quality: "strong" },
        { name: "BNC", quality: "weak" },
      ],
    });
    // 21071: "Folio Mercantil No. 22839 (Jalisco) (Mexico)"
    expect(byRef("21071").documents).toEqual([
      { type: "Folio Mercantil No.", number: "22839", note: "Jalisco", country: "MX", countryText: "Mexico" },
    ]);
  });

  it("reads the last entry, just before the end-of-file byte", () => {
    // 32391: "DOB 1984; POB Niger; nationality Niger; Gender Male; a.k.a. 'ILLIASSOU, Djibbo'; ... 'CHAFFORI, Petit'."
    const e = byRef("32391");
    expect(e).toMatchObject({
      name: "Ousmane Illiassou DJIBO",
      birthDates: [{ kind: "date", date: "1984" }],
      placesOfBirth: ["Niger"],
      nationalities: ["NE"],
      gender: "male",
    });
    expect(e.aliases.map((a) => `${a.quality}:${a.name}`)).toEqual([
      "strong:Ousmane Illasou KOUNOU",
      "strong:Halid Illiassou DJIBO",
      "weak:Djibbo ILLIASSOU",
      "weak:Aboubacar CHAPORI",
      "weak:Petit CHAPORI",
      "weak:Petit TCHAPORI",
      "weak:Petit CHAPPORI",
      "weak:Petit CHAFFORI",
    ]);
  });
});
