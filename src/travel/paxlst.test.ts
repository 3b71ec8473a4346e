import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixture, realData } from "../../test/support/paths.js";
import { InvalidError } from "../shared/errors.js";
import { parsePaxlst, parsePaxlstInterchange } from "./paxlst.js";

const sample = (name: string) => readFileSync(realData("paxlst", name), "utf8");

describe("parsePaxlst on the real samples", () => {
  it("crew-list.edi: one-line crew list without UNA, 8 crew members", () => {
    const m = parsePaxlst(sample("crew-list.edi"));
    expect(m.listType).toBe("crew");
    expect(m.kind).toBe("flight");
    expect(m.carrier).toBe("UA");
    expect(m.number).toBe("UA0989");
    expect(m.legs).toEqual([
      {
        number: "UA0989",
        departure: { location: "FRA", time: "2017-01-27T17:25" },
        arrival: { location: "IAD", time: "2017-01-28T07:10" },
      },
    ]);
    expect(m.persons).toHaveLength(8);
    expect(m.declaredCount).toBe(8);
    expect(m.persons.map((p) => p.surname)).toEqual([
      "Steur",
      "Adomat",
      "Nalek",
      "Meissener",
      "Pelzing",
      "Merfort",
      "Sautter",
      "Zschieschak",
    ]);
    expect(m.persons.map((p) => p.gender).join(",")).toBe(
      "female,female,male,male,female,male,female,female",
    );
    expect(m.persons[0]).toEqual({
      surname: "Steur",
      givenNames: "Andrea Pat",
      role: "crew",
      gender: "female",
      birthDate: "1978-07-06",
      nationality: "GB",
      residence: "GB",
      placeOfBirth: "Hartford USA",
      embarkation: "FRA",
      disembarkation: "IAD",
      documents: [{ type: "P", number: "123456789", expiry: "2061-02-18", issuingCountry: "GB" }],
    });
    expect(m.persons[7]!.birthDate).toBe("1978-07-13");
    // The sample's UNT says 152 segments; it holds 107 from UNH to UNT. Kept as a warning, not fatal.
    expect(m.warnings).toEqual(["UNT declares 0000152 segments, the message has 107"]);
  });

  it("multi-leg-no-documents.edi: lines with leading blanks, two routing legs, no DOC", () => {
    const m = parsePaxlst(sample("multi-leg-no-documents.edi"));
    expect(m.listType).toBe("passengers");
    expect(m.carrier).toBe("AA");
    expect(m.number).toBe("AA124");
    expect(m.legs).toEqual([
      {
        number: "AA123",
        departure: { location: "ATL", time: "2007-02-19T15:40" },
        arrival: { location: "ORD", time: "2007-02-19T17:40" },
      },
      {
        number: "AA124",
        departure: { location: "ORD", time: "2007-02-19T18:40" },
        arrival: { location: "JFK", time: "2007-02-19T19:55" },
      },
    ]);
    expect(m.persons).toHaveLength(2);
    expect(m.declaredCount).toBe(2);
    expect(m.warnings).toEqual([]);
    expect(m.persons[0]).toEqual({
      surname: "CLARK",
      givenNames: "MICHAEL",
      role: "passenger",
      gender: "male",
      birthDate: "1972-09-07",
      embarkation: "ATL",
      disembarkation: "JFK",
      documents: [],
      references: [
        { qualifier: "AVF", value: "TYR123" },
        { qualifier: "ABO", value: "ABC123" },
        { qualifier: "AEA", value: "1234567890ABC" },
        { qualifier: "CR", value: "20060907NY123" },
      ],
    });
    expect(m.persons[1]).toMatchObject({
      surname: "CLARK",
      givenNames: "CHERYL",
      gender: "female",
      birthDate: "1973-04-07",
    });
  });

  it("two-leg-passengers.edi: UNA with blank repetition char, header on one line, LOC 125/87", () => {
    const m = parsePaxlst(sample("two-leg-passengers.edi"));
    expect(m.listType).toBe("passengers");
    expect(m.number).toBe("QQ827");
    expect(m.legs.map((l) => `${l.number} ${l.departure?.location}→${l.arrival?.location}`)).toEqual([
      "QQ877 MIA→IAD",
      "QQ827 IAD→JFK",
      "QQ827 JFK→CDG",
    ]);
    expect(m.legs[2]).toEqual({
      number: "QQ827",
      departure: { location: "JFK", time: "2008-08-10T20:00" },
      arrival: { location: "CDG", time: "2008-08-11T06:30" },
    });
    expect(m.persons).toHaveLength(2);
    expect(m.warnings).toEqual([]);
    expect(m.persons[0]).toEqual({
      surname: "BARRETT",
      givenNames: "TODD",
      role: "passenger",
      gender: "male",
      birthDate: "1968-02-23",
      nationality: "FR",
      residence: "FR",
      embarkation: "MIA",
      disembarkation: "CDG",
      documents: [{ type: "P", number: "YY3478621G", expiry: "2008-12-30", issuingCountry: "FR" }],
      references: [
        { qualifier: "AVF", value: "GJIO3RT" },
        { qualifier: "ABO", value: "UUI34T543" },
      ],
    });
    expect(m.persons[1]!.documents).toEqual([
      { type: "P", number: "TRQWE99800", expiry: "2009-09-16", issuingCountry: "ES" },
    ]);
    expect(m.persons[1]!.nationality).toBe("ES");
  });
});

describe("parsePaxlst syntax", () => {
  it("honours UNA service characters and the release character (hand-written fixture)", () => {
    const m = parsePaxlst(readFileSync(fixture("travel", "paxlst-release-una.edi"), "utf8"));
    expect(m.warnings).toEqual([]);
    expect(m.persons).toEqual([
      {
        surname: "O$BRIEN",
        givenNames: "SEAN",
        role: "passenger",
        gender: "male",
        birthDate: "1985-02-14",
        nationality: "IE",
        documents: [{ type: "P", number: "PA12*34", expiry: "2030-01-01", issuingCountry: "IE" }],
      },
      {
        surname: "NGUYEN",
        givenNames: "THI MAI",
        role: "transit",
        gender: "female",
        birthDate: "1992-05-30",
        nationality: "VN",
        documents: [],
      },
    ]);
    expect(m.legs).toEqual([
      {
        number: "FX101",
        departure: { location: "DUB", time: "2026-03-01T10:00" },
        arrival: { location: "CDG", time: "2026-03-01T12:30" },
      },
    ]);
  });

  it("accepts a segment split over lines and a message without envelope or optional segments", () => {
    const m = parsePaxlst("BGM+745'NAD+FL+++DOE:\r\n  JANE'\nDTM+\n329:\n010203'");
    expect(m.persons).toEqual([
      { surname: "DOE", givenNames: "JANE", role: "passenger", birthDate: "2001-02-03", documents: [] },
    ]);
    expect(m.legs).toEqual([]);
    expect(m.warnings).toEqual([]);
  });

  it("keeps a party that is not a traveller as a warning", () => {
    const m = parsePaxlst(
      sample("two-leg-passengers.edi").replace("NAD+MS+++DOTTIE MOODY", "NAD+ZZ+++DOTTIE MOODY"),
    );
    expect(m.persons).toHaveLength(2);
    expect(m.warnings).toEqual(['segment 7 (line 4): NAD party qualifier "ZZ" is not a traveller; ignored']);
  });

  it("keeps an unknown segment as a warning", () => {
    const text = sample("two-leg-passengers.edi").replace("ATT+2++F'", "ATT+2++F'XYZ+1'");
    const m = parsePaxlst(text);
    expect(m.persons).toHaveLength(2);
    expect(m.warnings).toEqual([
      "segment 38 (line 34): unknown segment XYZ ignored",
      "UNT declares 46 segments, the message has 47",
    ]);
  });

  it("warns when CNT does not match the persons found", () => {
    const m = parsePaxlst(sample("multi-leg-no-documents.edi").replace("CNT+42:2", "CNT+42:3"));
    expect(m.warnings).toEqual(["CNT declares 3 persons, 2 were found in the message"]);
  });

  it("warns when CNT counts the other list, or counts something else", () => {
    const text = sample("multi-leg-no-documents.edi");
    expect(parsePaxlst(text.replace("CNT+42:2", "CNT+41:2")).warnings).toEqual([
      "segment 35 (line 30): CNT+41 counts crew, but BGM makes this a list of passengers",
    ]);
    const other = parsePaxlst(text.replace("CNT+42:2", "CNT+11:2"));
    expect(other.declaredCount).toBeUndefined();
    expect(other.warnings).toEqual([
      'segment 35 (line 30): CNT qualifier "11" is not 41 (crew) or 42 (passengers); ignored',
    ]);
  });

  it("warns on envelope counts and references that do not match, and on a missing BGM", () => {
    const text = sample("multi-leg-no-documents.edi")
      .replace("UNT+33+PAX001", "UNT+33+PAX002")
      .replace("UNE+1+1", "UNE+2+1")
      .replace("UNZ+1+", "UNZ+3+")
      .replace(" BGM+745'", " ");
    expect(parsePaxlst(text).warnings).toEqual([
      "no BGM segment: read as a passenger list",
      "UNT declares 33 segments, the message has 32",
      'UNT reference "PAX002" does not match UNH reference "PAX001"',
      "UNE declares 2 messages in the group, the interchange has 1",
      "UNZ declares 3 groups, the interchange has 1",
    ]);
  });
});

describe("parsePaxlstInterchange", () => {
  // The two real messages in one interchange: a passenger list and a crew list of different flights.
  const body = (text: string) => text.slice(text.indexOf("UNH"), text.indexOf("UNE"));
  const both = `UNB+UNOA:4+LIMES+TEST+260301:0900+9'\n${body(sample("two-leg-passengers.edi"))}${body(sample("crew-list.edi"))}UNZ+2+9'`;

  it("reads each message of an interchange as its own manifest", () => {
    const [passengers, crew, ...rest] = parsePaxlstInterchange(both);
    expect(rest).toEqual([]);
    expect([passengers!.listType, passengers!.number, passengers!.persons.length]).toEqual([
      "passengers",
      "QQ827",
      2,
    ]);
    expect(passengers!.persons.map((p) => p.surname)).toEqual(["BARRETT", "LANG"]);
    expect(passengers!.warnings).toEqual([]);
    expect([crew!.listType, crew!.number, crew!.persons.length, crew!.declaredCount]).toEqual([
      "crew",
      "UA0989",
      8,
      8,
    ]);
    expect(crew!.warnings).toEqual(["UNT declares 0000152 segments, the message has 107"]);
  });

  it("is what parsePaxlst asks for when an upload holds several messages", () => {
    expect(() => parsePaxlst(both)).toThrow(
      "the interchange holds 2 PAXLST messages; send one message (one manifest) at a time",
    );
  });
});

describe("parsePaxlst rejects malformed messages", () => {
  const expectInvalid = (text: string, message: string) => {
    expect(() => parsePaxlst(text)).toThrow(InvalidError);
    expect(() => parsePaxlst(text)).toThrow(message);
  };

  it("rejects a message cut off inside a segment", () => {
    const text = sample("two-leg-passengers.edi");
    expectInvalid(
      text.slice(0, text.indexOf("DOC+P:110:111+TRQWE") + 12),
      "segment 45 (line 42): message truncated in DOC",
    );
  });

  it("rejects a message cut off between segments (UNH without UNT)", () => {
    const text = sample("multi-leg-no-documents.edi");
    expectInvalid(
      text.slice(0, text.indexOf(" CNT")),
      "segment 4 (line 4, UNH): message truncated, no UNT closes it",
    );
  });

  it("rejects an interchange or group that is not closed", () => {
    const text = sample("two-leg-passengers.edi");
    expectInvalid(
      text.slice(0, text.indexOf("UNZ")),
      "segment 2 (line 1, UNB): interchange truncated, no UNZ closes it",
    );
    expectInvalid(
      text.slice(0, text.indexOf("UNE")),
      "segment 3 (line 1, UNG): group truncated, no UNE closes it",
    );
    expectInvalid(
      text.replace("UNT+46+123456789'", ""),
      "segment 4 (line 1, UNH): message truncated, no UNT closes it before UNE",
    );
  });

  it("rejects segments outside a message, after UNZ, and messages of another type", () => {
    const text = sample("multi-leg-no-documents.edi");
    expectInvalid(
      text.replace(" UNE+1+1'", " NAD+FL+++LATE:ENTRY'\n UNE+1+1'"),
      "segment 37 (line 32, NAD): NAD outside a message (UNH … UNT)",
    );
    expectInvalid(`${text}UNB+UNOA:4+X+Y+070218:1545+1'`, "segment 39 (line 34, UNB): segment after UNZ");
    expectInvalid(
      text.replace("PAXLST:D:05B", "CUSRES:D:05B"),
      'segment 4 (line 4, UNH): message type "CUSRES" is not PAXLST',
    );
    expectInvalid("UNB+UNOA:4+X+Y+070218:1545+1'UNZ+0+1'", "the interchange holds no PAXLST message");
    expectInvalid(
      `BGM+745'NAD+FL+++DOE:JANE'${text.slice(text.indexOf("UNH"))}`,
      "segment 1 (line 1, BGM): BGM outside a message (UNH … UNT)",
    );
  });

  it("rejects a bad UNA", () => {
    expectInvalid("UNA:+.", "segment 1 (UNA): needs 6 service characters, found 3");
    expectInvalid(
      sample("two-leg-passengers.edi").replace("UNA:+.? '", "UNA::.? '"),
      'segment 1 (UNA): component, element, release and terminator characters must differ, got "::.? \'"',
    );
    expectInvalid(
      "UNA:+.? ABGM+745A",
      'segment 1 (UNA): a delimiter cannot be a letter, digit or blank, got ":+.? A"',
    );
  });

  it("rejects a syntax error with the segment number", () => {
    expectInvalid(
      sample("multi-leg-no-documents.edi").replace("ATT+2++M", "AT+2++M"),
      'segment 20 (line 15): "AT" is not a segment tag',
    );
    expectInvalid(
      sample("multi-leg-no-documents.edi").replace("DTM+329:720907", "DTM+329:721307"),
      'segment 21 (line 16, DTM): birth date "721307" is not valid',
    );
    expectInvalid(
      "BGM+999'",
      'segment 1 (line 1, BGM): document name code "999" is neither 745 (passengers) nor 250 (crew)',
    );
    expectInvalid("BGM+745'NAD+FL+++:JOHN'", "segment 2 (line 1, NAD): NAD+FL has no surname");
    expectInvalid("BGM+745'CNT+42:two'", 'segment 2 (line 1, CNT): control total "two" is not a number');
  });
});
