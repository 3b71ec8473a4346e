import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixture } from "../../test/support/paths.js";
import { InvalidError } from "../shared/errors.js";
import { createSltdIndex, normaliseDocNumber, parseSltdCsv } from "./sltd.js";

// test/fixtures/travel/sltd.csv is a hand-written fixture (see its README).
const records = parseSltdCsv(readFileSync(fixture("travel", "sltd.csv"), "utf8"));

describe("parseSltdCsv", () => {
  it("reads every record with mapped countries and statuses", () => {
    expect(records).toEqual([
      { number: "C01X00T47", type: "P", issuingCountry: "DE", status: "stolen", reportedDate: "2025-11-03" },
      { number: "AB-123 456", type: "P", issuingCountry: "FR", status: "lost", reportedDate: "2026-01-15" },
      { number: "YO1234567", type: "I", issuingCountry: "ES", status: "revoked", reportedDate: "2024-06-30" },
      {
        number: "P0000017",
        type: "P",
        issuingCountry: "IE",
        status: "blank_stolen",
        reportedDate: "2023-02-28",
      },
      { number: "L898902C3", type: "P", issuingCountry: "UTO", status: "stolen", reportedDate: "2020-09-01" },
    ]);
  });

  it("rejects a file with every bad row named", () => {
    const text = [
      "number,type,issuing_country,status,reported_date",
      "X1,P,FRA,stolen,2020-01-01",
      ",P,FRA,found,2020-02-30",
      "X2,P,,lost,2020-01-01",
    ].join("\n");
    expect(() => parseSltdCsv(text)).toThrow(InvalidError);
    expect(() => parseSltdCsv(text)).toThrow(
      'SLTD list: 2 invalid row(s), line(s) 3, 4: line 3: number is empty, status "found" is not stolen, lost, revoked or blank_stolen, reported_date "2020-02-30" is not a YYYY-MM-DD date; line 4: issuing_country is empty',
    );
  });

  it("rejects a file without the documented columns", () => {
    expect(() => parseSltdCsv("number,country\nX1,FRA\n")).toThrow(
      "SLTD list: missing column(s) type, issuing_country, status, reported_date",
    );
    expect(() => parseSltdCsv("")).toThrow("SLTD list: the file is empty");
  });
});

describe("normaliseDocNumber", () => {
  it("drops blanks and dashes, upper-cases, reads O as 0 and I as 1", () => {
    expect(normaliseDocNumber(" ab-123 456 ")).toBe("AB123456");
    expect(normaliseDocNumber("yo1234567")).toBe("Y01234567");
    expect(normaliseDocNumber("Y01234567")).toBe("Y01234567");
    expect(normaliseDocNumber("c01x00t47")).toBe("C01X00T47");
    expect(normaliseDocNumber("PI-0O")).toBe("P100");
  });
});

describe("createSltdIndex", () => {
  const index = createSltdIndex(records);

  it("finds a document by normalised number and issuing country in any notation", () => {
    expect(index.size).toBe(5);
    expect(index.check("AB123456", "FR").map((r) => r.status)).toEqual(["lost"]);
    expect(index.check("ab 123-456", "FRA").map((r) => r.status)).toEqual(["lost"]);
    expect(index.check("Y01234567", "Spain").map((r) => r.status)).toEqual(["revoked"]);
    expect(index.check("C0IX0OT47", "D").map((r) => r.status)).toEqual(["stolen"]);
    expect(index.check("L898902C3", "uto").map((r) => r.status)).toEqual(["stolen"]);
  });

  it("does not match another country or a different number", () => {
    expect(index.check("AB123456", "BE")).toEqual([]);
    expect(index.check("AB123457", "FR")).toEqual([]);
    expect(index.check("AB12345", "FR")).toEqual([]);
  });
});
