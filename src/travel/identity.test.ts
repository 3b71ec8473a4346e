import { describe, expect, it } from "vitest";
import { identityKey } from "./identity.js";

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
