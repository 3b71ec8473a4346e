import { describe, expect, it } from "vitest";
import { EMPTY_MANUAL, manualEntry } from "./traveller";

describe("a manual traveller entry", () => {
  it("sends the person and, with a number, the document, leaving empty fields out", () => {
    expect(manualEntry({ ...EMPTY_MANUAL, surname: "Novak", givenNames: "Ana", nationality: "HR" })).toEqual({
      person: { surname: "Novak", givenNames: "Ana", nationality: "HR" },
    });
    expect(
      manualEntry({ ...EMPTY_MANUAL, surname: "Novak", givenNames: "", number: "P123", birthDate: "1990" }),
    ).toEqual({
      person: { surname: "Novak", givenNames: "", birthDate: "1990" },
      document: { number: "P123" },
    });
  });
});
