import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixture } from "../../test/support/paths.js";
import { InvalidError } from "../shared/errors.js";
import { parseFalCsv } from "./fal.js";

// fal5-crew.csv and fal6-passengers.csv are hand-written fictional fixtures (see test/fixtures/travel/README.md).
const read = (name: string) => readFileSync(fixture("travel", name), "utf8");

const ARRIVAL = [
  { number: "AF2611", departure: { location: "NLRTM" }, arrival: { location: "DEHAM", time: "2026-11-30" } },
];

describe("parseFalCsv Form 5 (crew)", () => {
  const m = parseFalCsv(read("fal5-crew.csv"), 5);

  it("reads the ship and voyage from the header fields", () => {
    expect(m.kind).toBe("voyage");
    expect(m.listType).toBe("crew");
    expect(m.carrier).toBe("MS AURORA FJELL");
    expect(m.number).toBe("AF2611");
    expect(m.vessel).toEqual({ name: "MS AURORA FJELL", imo: "1234567", callSign: "LAXQ7", flagState: "NO" });
    expect(m.legs).toEqual(ARRIVAL);
    expect(m.warnings).toEqual([]);
  });

  it("reads every crew member as crew, with rank", () => {
    expect(m.persons.map((p) => `${p.surname}/${p.givenNames}/${p.rank}/${p.role}`)).toEqual([
      "HALVORSEN/Erik Magnus/Master/crew",
      "DELA CRUZ/Maria Luisa/Chief Officer/crew",
      "KOWALCZYK/Tomasz/Chief Engineer/crew",
      "OKAFOR/Chinedu/Able Seaman/crew",
      "SUPRIYADI//Second Engineer/crew",
      "BÄCKSTRÖM/Lena/Second Officer/crew",
      "PETRENKO/Oleksandr Ivanovych/Bosun/crew",
      "TAUFA'AHAU/Sione/Cook/crew",
    ]);
  });

  it("maps names, countries, dates and documents", () => {
    expect(m.persons[0]).toEqual({
      surname: "HALVORSEN",
      givenNames: "Erik Magnus",
      role: "crew",
      rank: "Master",
      gender: "male",
      nationality: "NO",
      birthDate: "1969-03-14",
      placeOfBirth: "Bergen",
      embarkation: "NOBGO",
      documents: [{ type: "P", number: "NS4412093", issuingCountry: "NO", expiry: "2029-08-31" }],
    });
    expect(m.persons.map((p) => p.nationality)).toEqual(["NO", "PH", "PL", "NG", "ID", "SE", "UA", "TO"]);
    expect(m.persons.map((p) => p.birthDate)).toEqual([
      "1969-03-14",
      "1984-11-02",
      "1977-06",
      "1995-01-27",
      "1988-08-17",
      "1991-04-05",
      "1979",
      "1986-12-24",
    ]);
    expect(m.persons[3]!.gender).toBeUndefined();
    expect(m.persons[3]!.disembarkation).toBe("DEHAM");
    expect(m.persons[3]!.documents).toEqual([
      { type: "S", number: "A-00458812", issuingCountry: "NG", expiry: "2026-12-01" },
    ]);
    expect(m.persons[4]!.givenNames).toBe("");
  });
});

describe("parseFalCsv Form 6 (passengers)", () => {
  const m = parseFalCsv(read("fal6-passengers.csv"), 6);

  it("reads headers written as on the form and the transit flag", () => {
    expect(m.listType).toBe("passengers");
    expect(m.vessel).toEqual({ name: "MS AURORA FJELL", imo: "1234567" });
    expect(m.legs).toEqual(ARRIVAL);
    expect(m.warnings).toEqual([]);
    expect(m.persons.map((p) => `${p.surname}:${p.role}`)).toEqual([
      "LINDQVIST:passenger",
      "O'NEILL:transit",
      "MÜLLER-LÜDENSCHEIDT:passenger",
      "MÜLLER-LÜDENSCHEIDT:passenger",
      "SANTOS FERREIRA:passenger",
      "HOANG:passenger",
      "AL-HASHIMI:transit",
      "NAKAMURA:passenger",
      "DUBOIS:passenger",
      "KRAUSE:passenger",
    ]);
    expect(m.persons[2]).toEqual({
      surname: "MÜLLER-LÜDENSCHEIDT",
      givenNames: "Jürgen",
      role: "passenger",
      nationality: "DE",
      birthDate: "1949-12-24",
      placeOfBirth: "Bremen",
      embarkation: "SEGOT",
      disembarkation: "DEHAM",
      documents: [{ type: "I", number: "L01X00T47", issuingCountry: "DE", expiry: "2029-03-01" }],
    });
    expect(m.persons[6]).toEqual({
      surname: "AL-HASHIMI",
      givenNames: "Yusuf",
      role: "transit",
      nationality: "JO",
      birthDate: "1965",
      placeOfBirth: "Irbid",
      embarkation: "NLRTM",
      disembarkation: "GBFXT",
      documents: [{ type: "P", number: "N 551203", issuingCountry: "JO", expiry: "2028-11-11" }],
    });
  });
});

describe("parseFalCsv header fields", () => {
  const columns =
    "family_name,given_names,rank_or_rating,nationality,date_of_birth,place_of_birth,document_type,document_number,issuing_state,document_expiry";
  const row = "SMITH,John,Cook,GBR,1980-01-01,Leeds,P,123,GBR,2030-01-01";
  const list = (...header: string[]) => [...header, columns, row].join("\n");

  it("is optional: a list without them has no ship or legs", () => {
    const m = parseFalCsv(list(), 5);
    expect([m.carrier, m.number, m.vessel, m.legs]).toEqual([undefined, undefined, undefined, []]);
    expect(m.persons).toHaveLength(1);
  });

  it("reads a departure, keeps plain comments and warns on unknown fields", () => {
    const m = parseFalCsv(
      list(
        "# written by the master",
        "# Direction: Departure",
        "# port: SEGOT",
        "# date: 2026-12-01",
        "# agent: X",
      ),
      5,
    );
    expect(m.legs).toEqual([{ departure: { location: "SEGOT", time: "2026-12-01" } }]);
    expect(m.warnings).toEqual(['line 5: unknown header field "agent" ignored']);
  });

  it("rejects a wrong IMO check digit, a bad date or direction, and a port without direction", () => {
    expect(() => parseFalCsv(list("# imo: 1234568", "# date: 30.11.2026", "# direction: in"), 5)).toThrow(
      'FAL Form 5: header: line 1: IMO number "1234568" is not 7 digits with a valid check digit; line 2: date "30.11.2026" is not YYYY-MM-DD; line 3: direction "in" is not arrival or departure',
    );
    expect(() => parseFalCsv(list("# port: DEHAM", "# port: DEKEL"), 5)).toThrow(
      "FAL Form 5: header: line 1: direction (arrival or departure) is needed with port and date; line 2: port is given twice (first on line 1)",
    );
  });
});

describe("parseFalCsv rejects bad lists", () => {
  it("requires the form's documented columns", () => {
    expect(() => parseFalCsv(read("fal5-crew.csv"), 6)).toThrow("FAL Form 6: missing column(s) transit");
    expect(() => parseFalCsv(read("fal6-passengers.csv"), 5)).toThrow(
      "FAL Form 5: missing column(s) rank_or_rating",
    );
  });

  it("names every bad row by its line in the file", () => {
    const text = [
      "# vessel: X",
      "family_name,given_names,rank_or_rating,gender,nationality,date_of_birth,place_of_birth,document_type,document_number,issuing_state,document_expiry",
      "SMITH,John,Cook,M,GBR,1980-01-01,Leeds,P,123,GBR,2030-01-01",
      ",Ann,Cook,W,GBR,01/02/1980,Leeds,P,,GBR,2030-13-01",
      "",
      '"JONES","Mary',
      'Ann",Cook,F,GBR,1980-01-01,Leeds,P,124,GBR,2030-01-01,extra',
      "BROWN,Bob,Cook,M,GBR,1980-01-01,Leeds,P,125,GBR,2030-01-01",
    ].join("\n");
    expect(() => parseFalCsv(text, 5)).toThrow(InvalidError);
    expect(() => parseFalCsv(text, 5)).toThrow(
      'FAL Form 5: 2 invalid row(s), line(s) 4, 6: line 4: family_name is empty, document_number is empty, date_of_birth "01/02/1980" is not YYYY-MM-DD, document_expiry "2030-13-01" is not YYYY-MM-DD, gender "W" is not M, F or X; line 6: 12 field(s) where the header has 11',
    );
  });
});
