import { describe, expect, it } from "vitest";
import { InvalidError } from "../shared/errors.js";
import { parseManualEntry } from "./manual.js";
import { toScreeningQuery } from "./model.js";

describe("parseManualEntry", () => {
  it("reads a person with document, plate and direction", () => {
    const entry = parseManualEntry({
      person: {
        surname: " Petrović ",
        givenNames: "Ana  Marija",
        gender: "female",
        birthDate: "1988-04-02",
        nationality: "Serbia",
        placeOfBirth: "Niš",
      },
      document: { type: "P", number: "012345678", issuingCountry: "SRB", expiry: "2031-07-15" },
      vehiclePlate: "bg 123-ab",
      direction: "entry",
      crossingPointId: "cp-horgos",
    });
    const document = { type: "P", number: "012345678", issuingCountry: "RS", expiry: "2031-07-15" };
    expect(entry).toEqual({
      person: {
        surname: "Petrović",
        givenNames: "Ana Marija",
        role: "passenger",
        gender: "female",
        birthDate: "1988-04-02",
        nationality: "RS",
        placeOfBirth: "Niš",
        documents: [document],
      },
      document,
      vehiclePlate: "BG123AB",
      direction: "entry",
      crossingPointId: "cp-horgos",
    });
    expect(toScreeningQuery(entry.person)).toEqual({
      name: "Ana Marija Petrović",
      firstName: "Ana",
      middleName: "Marija",
      lastName: "Petrović",
      schema: "person",
      gender: "female",
      birthDate: "1988-04-02",
      nationalities: ["RS"],
      placeOfBirth: "Niš",
      documents: [{ number: "012345678", country: "RS", type: "P" }],
    });
  });

  it("accepts the minimum: surname, direction and crossing point; keeps unknown countries as text", () => {
    const entry = parseManualEntry({
      person: { surname: "Doe", nationality: "Atlantis", birthDate: "1970" },
      direction: "exit",
      crossingPointId: "cp-1",
    });
    expect(entry).toEqual({
      person: {
        surname: "Doe",
        givenNames: "",
        role: "passenger",
        nationality: "Atlantis",
        birthDate: "1970",
        documents: [],
      },
      direction: "exit",
      crossingPointId: "cp-1",
    });
  });

  it("names every problem at once", () => {
    const bad = {
      person: { surname: "", gender: "m", birthDate: "02.04.1988", role: "driver" },
      document: { number: 42, expiry: "2031-02-30" },
      direction: "in",
    };
    expect(() => parseManualEntry(bad)).toThrow(InvalidError);
    expect(() => parseManualEntry(bad)).toThrow(
      'manual entry: person.surname is required; person.gender must be male, female or other, got "m"; person.role must be passenger, crew or transit, got "driver"; person.birthDate "02.04.1988" is not YYYY-MM-DD, YYYY-MM or YYYY; document.number must be text; document.expiry "2031-02-30" is not YYYY-MM-DD; direction must be "entry" or "exit", got "in"; crossingPointId is required',
    );
  });

  it("refuses unknown fields instead of dropping them, and plates that are not letters and digits", () => {
    expect(() =>
      parseManualEntry({
        person: { surname: "Doe", dateOfBirth: "1970-01-01" },
        document: { number: "X1", country: "FR" },
        vehiclePlate: "AB/123",
        direction: "entry",
        crossingPointId: "cp-1",
        lane: 3,
      }),
    ).toThrow(
      'manual entry: lane is not a known field (person, document, vehiclePlate, direction, crossingPointId); person.dateOfBirth is not a known field (surname, givenNames, gender, birthDate, nationality, placeOfBirth, residence, role); document.country is not a known field (number, type, issuingCountry, expiry); vehiclePlate "AB/123" must be 1 to 15 letters and digits (blanks and dashes allowed)',
    );
    expect(
      parseManualEntry({
        person: { surname: "Doe" },
        vehiclePlate: "ВА 1234 ЕК",
        direction: "exit",
        crossingPointId: "cp-1",
      }).vehiclePlate,
    ).toBe("ВА1234ЕК");
  });

  it("rejects what is not an entry", () => {
    expect(() => parseManualEntry(null)).toThrow("manual entry must be an object");
    expect(() => parseManualEntry([])).toThrow("manual entry must be an object");
    expect(() => parseManualEntry({ direction: "entry", crossingPointId: "x", document: "P123" })).toThrow(
      "manual entry: person is required; document must be an object",
    );
  });
});
