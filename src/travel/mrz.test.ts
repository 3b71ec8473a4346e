import { describe, expect, it } from "vitest";
import { InvalidError } from "../shared/errors.js";
import { parseMrz } from "./mrz.js";

// ICAO Doc 9303 specimens (Utopia). TD2, MRV-A and MRV-B check digits were recomputed by hand (7-3-1).
const TD3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];
const TD1 = [
  "I<UTOD231458907<<<<<<<<<<<<<<<",
  "7408122F1204159UTO<<<<<<<<<<<6",
  "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
];
const TD2 = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"];
const MRV_A = [
  "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
  "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
];
const MRV_B = ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"];

describe("parseMrz on ICAO specimens", () => {
  it("reads the TD3 passport specimen with every check passing", () => {
    const r = parseMrz(TD3.join("\n"));
    expect(r.format).toBe("TD3");
    expect(r.valid).toBe(true);
    expect(r.failedChecks).toEqual([]);
    expect(r.checks.map((c) => c.field)).toEqual([
      "documentNumber",
      "birthDate",
      "expiryDate",
      "personalNumber",
      "composite",
      "birthDate:date",
      "expiryDate:date",
    ]);
    expect(r.corrections).toEqual([]);
    expect(r.traveller).toEqual({
      surname: "ERIKSSON",
      givenNames: "ANNA MARIA",
      gender: "female",
      birthDate: "1974-08-12",
      nationality: "UTO",
      role: "passenger",
      documents: [{ type: "P", number: "L898902C3", issuingCountry: "UTO", expiry: "2012-04-15" }],
    });
    expect(r.warnings).toEqual([
      'issuing state code "UTO" is not a known country',
      'nationality code "UTO" is not a known country',
    ]);
  });

  it("reads the TD1 card specimen", () => {
    const r = parseMrz(TD1.join("\n"));
    expect(r.format).toBe("TD1");
    expect(r.valid).toBe(true);
    expect(r.document).toEqual({
      type: "I",
      number: "D23145890",
      issuingCountry: "UTO",
      expiry: "2012-04-15",
    });
    expect(r.traveller.surname).toBe("ERIKSSON");
    expect(r.traveller.givenNames).toBe("ANNA MARIA");
    expect(r.checks.map((c) => c.field)).toEqual([
      "documentNumber",
      "birthDate",
      "expiryDate",
      "composite",
      "birthDate:date",
      "expiryDate:date",
    ]);
  });

  it("reads the TD2 specimen", () => {
    const r = parseMrz(TD2.join("\n"));
    expect(r.format).toBe("TD2");
    expect(r.valid).toBe(true);
    expect(r.document.number).toBe("D23145890");
    expect(r.traveller.birthDate).toBe("1974-08-12");
  });

  it("reads MRV-A and MRV-B visa specimens (no composite check on visas)", () => {
    for (const [lines, format] of [
      [MRV_A, "MRV-A"],
      [MRV_B, "MRV-B"],
    ] as const) {
      const r = parseMrz(lines.join("\n"));
      expect(r.format).toBe(format);
      expect(r.valid).toBe(true);
      expect(r.checks.map((c) => c.field)).toEqual([
        "documentNumber",
        "birthDate",
        "expiryDate",
        "birthDate:date",
        "expiryDate:date",
      ]);
      expect(r.document).toEqual({
        type: "V",
        number: "L8988901C",
        issuingCountry: "UTO",
        expiry: "1996-12-10",
      });
      expect(r.traveller.birthDate).toBe("1940-09-07");
      expect(r.traveller.nationality).toBe("XXX");
    }
  });

  it("maps the British nationality codes GBD, GBN, GBO, GBS, GBP to GB", () => {
    // Hand-made passport of a British Overseas Territories citizen; check digits computed by hand.
    const lines = [
      "P<GBRSMITH<<JOHN<<<<<<<<<<<<<<<<<<<<<<<<<<<<",
      "SM12345670GBD8001014M3006302<<<<<<<<<<<<<<08",
    ];
    const r = parseMrz(lines.join("\n"));
    expect(r.valid).toBe(true);
    expect(r.traveller.nationality).toBe("GB");
    expect(r.document).toEqual({
      type: "P",
      number: "SM1234567",
      issuingCountry: "GB",
      expiry: "2030-06-30",
    });
    expect(r.warnings).toEqual([]);
  });

  it("maps real ICAO state codes to alpha-2, including the German D", () => {
    const german = [
      "P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<",
      "C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4",
    ];
    const r = parseMrz(german.join("\n"));
    expect(r.valid).toBe(true);
    expect(r.document.issuingCountry).toBe("DE");
    expect(r.traveller.nationality).toBe("DE");
    expect(r.warnings).toEqual([]);
  });
});

describe("parseMrz check digits", () => {
  const failing = (lines: string[], line: number, col: number, ch: string): string[] => {
    const copy = [...lines];
    copy[line] = copy[line]!.slice(0, col) + ch + copy[line]!.slice(col + 1);
    return parseMrz(copy.join("\n")).failedChecks;
  };

  it("names each field whose check digit fails", () => {
    expect(failing(TD3, 1, 9, "7")).toEqual(["documentNumber", "composite"]);
    expect(failing(TD3, 1, 19, "3")).toEqual(["birthDate", "composite"]);
    expect(failing(TD3, 1, 27, "1")).toEqual(["expiryDate", "composite"]);
    expect(failing(TD3, 1, 42, "2")).toEqual(["personalNumber", "composite"]);
    expect(failing(TD3, 1, 43, "1")).toEqual(["composite"]);
    expect(failing(TD3, 1, 15, "1")).toEqual(["birthDate", "composite", "birthDate:date"]);
    expect(failing(MRV_A, 1, 27, "0")).toEqual(["expiryDate"]);
  });

  // Property: any single-character change inside a checked field, an optional-data field covered by the
  // composite check, or a check digit fails a check. ICAO's 7-3-1 sum cannot see a swap between characters
  // whose values differ by a multiple of 10 (0, A, K, U and < all weigh 0; 1, B, L, V weigh 1; …) in
  // alphanumeric fields, so those swaps are asserted separately: they pass every check, which is why the
  // document number is also matched against SLTD after normalisation rather than trusted. In date fields
  // such a swap always breaks the date, so every change there is caught.
  const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";
  const value = (c: string) => (c === "<" ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  interface Field {
    line: number;
    from: number;
    to: number;
    alnum: boolean;
    /** The field's last character is its own check digit (optional data has none: the composite covers it). */
    ownCheck: boolean;
  }
  const field = (line: number, from: number, to: number, alnum: boolean, ownCheck = true): Field => ({
    line,
    from,
    to,
    alnum,
    ownCheck,
  });
  const visaFields = [field(1, 0, 10, true), field(1, 13, 20, false), field(1, 21, 28, false)];
  const CASES: Record<string, { lines: string[]; fields: Field[]; counts: [number, number] }> = {
    TD3: {
      lines: TD3,
      fields: [
        field(1, 0, 10, true),
        field(1, 13, 20, false),
        field(1, 21, 28, false),
        field(1, 28, 43, true),
        field(1, 43, 44, false),
      ],
      counts: [1440, 69],
    },
    TD1: {
      lines: TD1,
      fields: [
        field(0, 5, 15, true),
        field(0, 15, 30, true, false),
        field(1, 0, 7, false),
        field(1, 8, 15, false),
        field(1, 18, 29, true, false),
        field(1, 29, 30, false),
      ],
      counts: [1836, 130],
    },
    TD2: {
      lines: TD2,
      fields: [
        field(1, 0, 10, true),
        field(1, 13, 20, false),
        field(1, 21, 28, false),
        field(1, 28, 35, true, false),
        field(1, 35, 36, false),
      ],
      counts: [1152, 54],
    },
    "MRV-A": { lines: MRV_A, fields: visaFields, counts: [864, 23] },
    "MRV-B": { lines: MRV_B, fields: visaFields, counts: [864, 23] },
  };

  for (const [name, { lines, fields, counts }] of Object.entries(CASES)) {
    it(`${name}: every single-character change to a checked field fails a check, unless ICAO's sum is blind to it`, () => {
      let tried = 0;
      let undetectable = 0;
      for (const f of fields) {
        for (let col = f.from; col < f.to; col++) {
          const original = lines[f.line]![col]!;
          const isCheckDigit = f.ownCheck && col === f.to - 1;
          for (const ch of ALPHABET) {
            if (ch === original) continue;
            tried++;
            const copy = [...lines];
            copy[f.line] = copy[f.line]!.slice(0, col) + ch + copy[f.line]!.slice(col + 1);
            const r = parseMrz(copy.join("\n"));
            const where = `${name} line ${f.line + 1} col ${col + 1} ${original}→${ch}`;
            if (f.alnum && !isCheckDigit && (value(ch) - value(original)) % 10 === 0) {
              undetectable++;
              expect(r.failedChecks, where).toEqual([]);
            } else {
              expect(r.failedChecks.length, where).toBeGreaterThan(0);
            }
          }
        }
      }
      expect([tried, undetectable]).toEqual(counts);
    });
  }
});

describe("parseMrz OCR noise", () => {
  it("accepts lower case, blanks for filler and lines joined by a blank, and reports each repair", () => {
    const noisy = `${TD3[0]!.toLowerCase().replace("<<<<<<<<", "        ")} ${TD3[1]!}`;
    const r = parseMrz(noisy);
    expect(r.valid).toBe(true);
    expect(r.lines).toEqual(TD3);
    expect(r.corrections).toEqual([
      { line: 1, column: 26, from: "        ", to: "<<<<<<<<", reason: "blank read as filler" },
      { line: 1, column: 1, from: "p", to: "P", reason: "lower case" },
      { line: 1, column: 3, from: "utoeriksson", to: "UTOERIKSSON", reason: "lower case" },
      { line: 1, column: 16, from: "anna", to: "ANNA", reason: "lower case" },
      { line: 1, column: 21, from: "maria", to: "MARIA", reason: "lower case" },
    ]);
  });

  it("reads K inside filler runs as < and flags it, without touching names ending in K", () => {
    const lines = [
      "P<UTOERIKSSON<<ANNA<MARIA<<<K<<<<<<<<KK<<<<<",
      "L898902C36UTO7408122F1204159ZE184226B<<K<<10",
    ];
    const r = parseMrz(lines.join("\r\n"));
    expect(r.valid).toBe(true);
    expect(r.lines).toEqual(TD3);
    expect(r.corrections).toEqual([
      { line: 1, column: 29, from: "K", to: "<", reason: "K read inside filler" },
      { line: 1, column: 38, from: "K", to: "<", reason: "K read inside filler" },
      { line: 1, column: 39, from: "K", to: "<", reason: "K read inside filler" },
      { line: 2, column: 40, from: "K", to: "<", reason: "K read inside filler" },
    ]);
    const erik = parseMrz(["P<UTOSMITH<<K<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", TD3[1]].join("\n"));
    expect(erik.traveller.givenNames).toBe("K");
    expect(erik.corrections).toEqual([]);
    const erik2 = parseMrz(["P<UTOERIK<<ANNA<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", TD3[1]].join("\n"));
    expect(erik2.traveller.surname).toBe("ERIK");
  });

  it("reads trailing filler lost as blanks at line ends, and flags it", () => {
    // Lines 1 and 3 end in filler; line 2 ends in the composite check digit, and blanks after it are dropped.
    const blanked = TD1.map((l) => l.replace(/<+$/, (m) => " ".repeat(m.length)));
    const r = parseMrz(`${blanked.join("   \n")}\n`);
    expect(r.valid).toBe(true);
    expect(r.lines).toEqual(TD1);
    expect(r.corrections).toEqual([
      { line: 1, column: 16, from: " ".repeat(15), to: "<".repeat(15), reason: "blank read as filler" },
      { line: 3, column: 21, from: " ".repeat(10), to: "<".repeat(10), reason: "blank read as filler" },
    ]);
  });

  it("accepts surrounding whitespace and tab-separated lines", () => {
    expect(parseMrz(`  \n${TD1.join("\t")}\n  `).format).toBe("TD1");
  });
});

describe("parseMrz rejects what is not an MRZ", () => {
  it.each([
    ["", "MRZ is empty"],
    [TD3[0]!, "MRZ must have 2 or 3 lines, found 1"],
    [`${TD3[0]}\n${TD3[1]!.slice(0, 43)}`, "MRZ line 2 has 43 characters; expected 44"],
    [
      `${TD3[0]!.slice(0, 40)}\n${TD3[1]!.slice(0, 40)}`,
      "MRZ line 1 has 40 characters; expected 36 (TD2, MRV-B) or 44 (TD3, MRV-A)",
    ],
    [`${TD3[0]}<\n${TD3[1]}`, "MRZ line 1 has 45 characters; expected 44"],
    [
      `${TD3[0]!.replace("P<", "X<")}\n${TD3[1]}`,
      'MRZ document code "X<" does not fit a 2×44 MRZ: expected P (passport) or V (visa)',
    ],
    [
      `${TD2[0]!.replace("I<", "P<")}\n${TD2[1]}`,
      'MRZ document code "P<" does not fit a 2×36 MRZ: expected A, C or I (identity card) or V (visa)',
    ],
    [
      TD1.map((l, i) => (i === 0 ? `V${l.slice(1)}` : l)).join("\n"),
      'MRZ document code "V<" does not fit a 3×30 MRZ: expected A, C or I (identity card)',
    ],
    [
      "IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<\n9409923102854CORINNE<<<<<<<6512068F6",
      "MRZ reads as the FRENCH_NATIONAL_ID layout, not ICAO TD2; not supported",
    ],
    [
      `${TD3[0]!.replace("ANNA", "ANNÄ")}\n${TD3[1]}`,
      'MRZ line 1 column 19: character "Ä" is not allowed (A-Z, 0-9 and < only)',
    ],
  ])("%j → %s", (input, message) => {
    expect(() => parseMrz(input)).toThrow(InvalidError);
    expect(() => parseMrz(input)).toThrow(message);
  });

  it("rejects non-text input", () => {
    expect(() => parseMrz(42)).toThrow("MRZ must be text");
  });
});
