import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixture } from "../../test/support/paths.js";
import { InvalidError } from "../shared/errors.js";
import { parseFalCsv } from "./fal.js";

// fal5-crew.csv and fal6-passengers.csv are hand-written fictional fixtures (see test/fixtures/travel/README.md).
const read = (name: string) => readFileSync(fixture("travel", name), "utf8");

describe("parseFalCsv Form 5 (crew)", () => {
  const m = parseFalCsv(read("fal5-crew.csv"), 5, { carrier: "MV NORDIC STAR", number: "IMO 9123456" });

  it("reads every crew member as crew on a voyage", () => {
    expect(m.kind).toBe("voyage");
    expect(m.listType).toBe("crew");
    expect(m.carrier).toBe("MV NORDIC STAR");
    expect(m.number).toBe("IMO 9123456");
    expect(m.warnings).toEqual([]);
    expect(m.persons.map((p) => `${p.surname}/${p.rank}/${p.role}`)).toEqual([
      "HALVORSEN/Master/crew",
      "DELA CRUZ/Chief Officer/crew",
      "KOWALCZYK/Chief Engineer/crew",
      "OKAFOR/Able Seaman/crew",
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
    expect(m.persons[2]!.nationality).toBe("PL");
    expect(m.persons[2]!.birthDate).toBe("1977-06");
    expect(m.persons[3]!.gender).toBeUndefined();
    expect(m.persons[3]!.disembarkation).toBe("DEHAM");
    expect(m.persons[3]!.documents[0]!.number).toBe("A-00458812");
  });
});

describe("parseFalCsv Form 6 (passengers)", () => {
  const m = parseFalCsv(read("fal6-passengers.csv"), 6);

  it("reads headers written as on the form and the transit flag", () => {
    expect(m.listType).toBe("passengers");
    expect(m.persons.map((p) => `${p.surname}:${p.role}`)).toEqual([
      "LINDQVIST:passenger",
      "O'NEILL:transit",
      "MÜLLER-LÜDENSCHEIDT:passenger",
    ]);
    expect(m.persons[2]).toEqual({
      surname: "MÜLLER-LÜDENSCHEIDT",
      givenNames: "Jürgen",
      role: "passenger",
      nationality: "DE",
      birthDate: "1949-12-24",
      placeOfBirth: "Bremen",
      embarkation: "SEGOT",
      disembarkation: "DEKEL",
      documents: [{ type: "I", number: "L01X00T47", issuingCountry: "DE", expiry: "2029-03-01" }],
    });
  });
});

describe("parseFalCsv rejects bad lists", () => {
  it("requires the form's documented columns", () => {
    expect(() => parseFalCsv(read("fal5-crew.csv"), 6)).toThrow("FAL Form 6: missing column(s) transit");
    expect(() => parseFalCsv(read("fal6-passengers.csv"), 5)).toThrow(
      "FAL Form 5: missing column(s) rank_or_role",
    );
  });

  it("names every bad row", () => {
    const text = [
      "family_name,given_names,rank_or_role,gender,nationality,date_of_birth,place_of_birth,document_type,document_number,issuing_state,document_expiry",
      "SMITH,John,Cook,M,GBR,1980-01-01,Leeds,P,123,GBR,2030-01-01",
      ",Ann,Cook,W,GBR,01/02/1980,Leeds,P,,GBR,2030-13-01",
    ].join("\n");
    expect(() => parseFalCsv(text, 5)).toThrow(InvalidError);
    expect(() => parseFalCsv(text, 5)).toThrow(
      'FAL Form 5: 1 invalid row(s): line 3: family_name is empty, document_number is empty, date_of_birth "01/02/1980" is not YYYY-MM-DD, document_expiry "2030-13-01" is not YYYY-MM-DD, gender "W" is not M, F or X',
    );
  });
});
