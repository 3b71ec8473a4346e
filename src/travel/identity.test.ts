import { describe, expect, it } from "vitest";
import { identityKey, personKey } from "./identity.js";

const base = {
  surname: "Müller",
  givenNames: "Anna Maria",
  birthDate: "1990-04-02",
  documents: [{ number: "C01X00T47", issuingCountry: "DE" }],
};

describe("identityKey", () => {
  it("is the same for the same person read from different sources", () => {
    expect(identityKey({ ...base, surname: "MULLER", givenNames: "ANNA  MARIA" })).toBe(identityKey(base));
    expect(identityKey({ ...base, documents: [{ number: "c01x-00t47", issuingCountry: "DE" }] })).toBe(
      identityKey(base),
    );
  });

  it("differs when the document, the birth date or the name differs", () => {
    const k = identityKey(base);
    expect(identityKey({ ...base, birthDate: "1990-04-03" })).not.toBe(k);
    expect(identityKey({ ...base, documents: [{ number: "C01X00T48", issuingCountry: "DE" }] })).not.toBe(k);
    expect(identityKey({ ...base, documents: [{ number: "C01X00T47", issuingCountry: "AT" }] })).not.toBe(k);
    expect(identityKey({ ...base, givenNames: "Anna" })).not.toBe(k);
  });

  it("holds no readable personal data", () => {
    expect(identityKey(base)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("personKey", () => {
  it("is the same with or without a document, and across spellings of case and spacing", () => {
    const k = personKey(base);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(personKey({ ...base, surname: "MULLER", givenNames: "anna  maria" })).toBe(k);
    expect(personKey({ surname: base.surname, givenNames: base.givenNames, birthDate: base.birthDate })).toBe(
      k,
    );
  });

  it("differs by birth date or name, and is absent without a full birth date", () => {
    expect(personKey({ ...base, birthDate: "1990-04-03" })).not.toBe(personKey(base));
    expect(personKey({ ...base, givenNames: "Anna" })).not.toBe(personKey(base));
    expect(personKey({ ...base, birthDate: "1990" })).toBeUndefined();
    expect(personKey({ surname: "Müller", givenNames: "Anna Maria" })).toBeUndefined();
  });
});
