// The traveller parsers and the manual entry check refuse with a code of their own and the params it names,
// and the English catalogue words each refusal exactly as the parser did, so the CLI and web can show it
// from code+params.
import { describe, expect, it } from "vitest";
import { LimesError } from "../shared/errors.js";
import { messageOf } from "../shared/messages.js";
import { parseFalCsv, parseManifestFile, parseManualEntry, parseMrz, parsePaxlst } from "./index.js";

const TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
const UNB = "UNB+UNOA:4+A+B+200101:1200+1'";

const refusals: [string, () => unknown, Record<string, unknown>][] = [
  ["mrz_not_text", () => parseMrz(42), {}],
  ["mrz_empty", () => parseMrz(""), {}],
  ["mrz_line_count", () => parseMrz("P<UTO\nX\nY\nZ"), { lines: 4 }],
  ["mrz_line_length", () => parseMrz(TD3.slice(0, -1)), { line: 2, length: 43, expected: "44" }],
  ["mrz_document_code", () => parseMrz(`X${TD3.slice(1)}`), { code: "X<", size: "2×44" }],
  ["mrz_character", () => parseMrz(TD3.replace("MARIA", "MARIé")), { line: 1, column: 25, character: "é" }],
  ["manifest_format", () => parseManifestFile("hello,world\n1,2"), {}],
  ["manifest_not_unicode", () => parseManifestFile(new Uint8Array([0x61, 0xff, 0x0a])), { byte: "FF" }],
  ["edifact_una", () => parsePaxlst("UNA:+'UNH+1+PAXLST:D:05B:UN:IATA'"), {}],
  ["edifact_segment", () => parsePaxlst("UNH+1+PAXLST:D:05B:UN:IATA"), { segment: 1, line: 1 }],
  [
    "edifact_segment",
    () => parsePaxlst("UNH+1+PAXLST:D:05B:UN:IATA'BGM+250'NAD+FL'UNT+3+1'"),
    { segment: 3, tag: "NAD", reason: "NAD+FL has no surname" },
  ],
  [
    "edifact_bad_byte",
    () =>
      parsePaxlst(new Uint8Array([...Buffer.from(`${UNB}UNH+1+PAXLST:D:05B:UN:IATA'NAD+FL+++\u0001`), 0x27])),
    { segment: 3, byte: "01", syntax: "UNOA" },
  ],
  ["paxlst_no_message", () => parsePaxlst(`${UNB}UNZ+0+1'`), {}],
  ["csv_empty", () => parseFalCsv("", 5), { what: "FAL Form 5" }],
  ["csv_missing_columns", () => parseFalCsv("a,b\n1,2", 5), { what: "FAL Form 5" }],
  ["csv_unreadable", () => parseFalCsv('a,"b\n1,2', 5), { what: "FAL Form 5" }],
  ["manual_not_object", () => parseManualEntry([]), {}],
  [
    "manual_invalid",
    () => parseManualEntry({ person: { givenNames: "Ana" }, direction: "in", crossingPointId: "cp-1" }),
    { problems: 'person.surname is required; direction must be "entry" or "exit", got "in"' },
  ],
];

describe("traveller parser and manual entry refusals", () => {
  it.each(refusals)("%s, worded by the catalogue as the parser words it", (code, parse, params) => {
    let error: unknown;
    try {
      parse();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LimesError);
    const e = error as LimesError;
    expect(e.code).toBe(code);
    expect(e.params).toMatchObject(params);
    expect(messageOf({ code, params: e.params, message: "not the server's text" })).toBe(e.message);
  });
});
