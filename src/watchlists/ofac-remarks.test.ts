import { describe, expect, it } from "vitest";
import { parseOfacBirthDate, parseOfacRemarks, splitRemarks } from "./ofac-remarks.js";

describe("splitRemarks", () => {
  it("splits on semicolons outside parentheses only", () => {
    expect(splitRemarks("DOB 1969; (derived from: Alt. DOB: 1970; POB: X); a.k.a. 'A'")).toEqual([
      "DOB 1969",
      "(derived from: Alt. DOB: 1970; POB: X)",
      "a.k.a. 'A'",
    ]);
  });
});

describe("parseOfacBirthDate", () => {
  it.each([
    ["10 Dec 1948", { kind: "date", date: "1948-12-10" }],
    ["Sep 1938", { kind: "date", date: "1938-09" }],
    ["1946", { kind: "date", date: "1946" }],
    ["circa 1951", { kind: "date", date: "1951", approximate: true }],
    ["circa 07 Jul 1966", { kind: "date", date: "1966-07-07", approximate: true }],
    ["circa 1979-1982", { kind: "range", from: "1979", to: "1982", approximate: true }],
    ["1951 to 1953", { kind: "range", from: "1951", to: "1953" }],
    ["01 Jan 1961 to 31 Dec 1962", { kind: "range", from: "1961", to: "1962" }],
    ["Mar 1962 to Feb 1963", { kind: "range", from: "1962", to: "1963" }],
    // Narrower than a year: widened to the smallest covering precision, never narrowed.
    ["01 Feb 1960 to 29 Feb 1960", { kind: "date", date: "1960-02" }],
    ["26 Sep 1946 to 07 Dec 1946", { kind: "date", date: "1946" }],
    ["10 October 1969", { kind: "date", date: "1969-10-10" }],
  ])("reads %s", (text, expected) => {
    expect(parseOfacBirthDate(text)).toEqual(expected);
  });

  it.each(["1970/01/05", "31 Feb 1970", "Foo 1970", "05 1970", "1975 to 1970", "circa", "197"])(
    "rejects %s",
    (text) => {
      expect(parseOfacBirthDate(text)).toBeUndefined();
    },
  );
});

describe("parseOfacRemarks", () => {
  it("reads dates, places, nationalities, gender, documents and weak aliases", () => {
    const r = parseOfacRemarks(
      "DOB 1977; alt. DOB 01 Jan 1978; POB Tripoli, Libya; nationality Iraq; alt. citizen Syria; " +
        "Gender Female; Passport E590976 (Tunisia) issued 19 Jun 1987 expires 18 Jun 1992; " +
        "alt. Passport Booklet: A6169832 (Pakistan); NIT # 800146749-7 (Colombia); " +
        "a.k.a. 'ABU-'UMAR'; f.k.a. 'ANA I'.",
    );
    expect(r).toEqual({
      birthDates: [
        { kind: "date", date: "1977" },
        { kind: "date", date: "1978-01-01" },
      ],
      placesOfBirth: ["Tripoli, Libya"],
      nationalities: ["IQ", "SY"],
      nationalitiesText: [],
      gender: "female",
      documents: [
        {
          type: "Passport",
          number: "E590976",
          country: "TN",
          countryText: "Tunisia",
          issued: "1987-06-19",
          expires: "1992-06-18",
        },
        { type: "Passport Booklet", number: "A6169832", country: "PK", countryText: "Pakistan" },
        { type: "NIT", number: "800146749-7", country: "CO", countryText: "Colombia" },
      ],
      aliases: [
        { name: "ABU-'UMAR", quality: "weak" },
        { name: "ANA I", quality: "weak" },
      ],
      unparsed: [],
      errors: [],
    });
  });

  it("keeps a worded qualifier as a note and a date range as an ISO interval", () => {
    const r = parseOfacRemarks(
      "Folio Mercantil No. 22839 (Jalisco) (Mexico); alt. Passport 654781 (Jordan) issued 01 Jan 2008 to 31 Dec 2010",
    );
    expect(r.documents).toEqual([
      { type: "Folio Mercantil No.", number: "22839", note: "Jalisco", country: "MX", countryText: "Mexico" },
      {
        type: "Passport",
        number: "654781",
        country: "JO",
        countryText: "Jordan",
        issued: "2008-01-01/2010-12-31",
      },
    ]);
  });

  it("recognises irrelevant labels, reports unknown fragments and unreadable dates", () => {
    const r = parseOfacRemarks(
      "Linked To: HIZBALLAH; Website http://x.example; All Offices Worldwide; Gender and Culture; " +
        "Passport 4117921 issued under the name Dilawar Khan; DOB 1970/01/05; Passport X1 issued 31 Feb 2001",
    );
    expect(r.unparsed).toEqual(["Gender and Culture", "Passport 4117921 issued under the name Dilawar Khan"]);
    expect(r.errors).toEqual([
      'unreadable DOB "1970/01/05" in "DOB 1970/01/05"',
      'unreadable issued date "31 Feb 2001" in "Passport X1 issued 31 Feb 2001"',
    ]);
    expect(r.documents).toEqual([]);
    expect(r.gender).toBeUndefined();
  });

  it("keeps an unmappable nationality as text", () => {
    const r = parseOfacRemarks("nationality Atlantis");
    expect(r.nationalities).toEqual([]);
    expect(r.nationalitiesText).toEqual(["Atlantis"]);
  });
});
