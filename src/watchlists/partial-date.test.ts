import { describe, expect, it } from "vitest";
import { parseBirthDate, partialDate } from "./partial-date.js";

describe("partialDate", () => {
  it("accepts the three precisions and rejects impossible dates", () => {
    expect(partialDate("1970")).toBe("1970");
    expect(partialDate("1970-05")).toBe("1970-05");
    expect(partialDate("1992-02-29")).toBe("1992-02-29");
    expect(partialDate("1991-02-29")).toBeUndefined();
    expect(partialDate("1970-13")).toBeUndefined();
    expect(partialDate("1970-04-31")).toBeUndefined();
    expect(partialDate("70-01-01")).toBeUndefined();
    expect(partialDate("1970/01/01")).toBeUndefined();
  });
});

describe("parseBirthDate", () => {
  it("reads dates, ranges and the approximate marker", () => {
    expect(parseBirthDate("1979-03-14")).toEqual({ kind: "date", date: "1979-03-14" });
    expect(parseBirthDate("~1985")).toEqual({ kind: "date", date: "1985", approximate: true });
    expect(parseBirthDate("1972..1975")).toEqual({ kind: "range", from: "1972", to: "1975" });
    expect(parseBirthDate("~1970..1972")).toEqual({
      kind: "range",
      from: "1970",
      to: "1972",
      approximate: true,
    });
  });

  it("explains what is wrong", () => {
    expect(() => parseBirthDate("1975..1972")).toThrow('bad birth date range "1975..1972"');
    expect(() => parseBirthDate("14.03.1979")).toThrow(
      'bad birth date "14.03.1979": expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY..YYYY',
    );
  });
});
