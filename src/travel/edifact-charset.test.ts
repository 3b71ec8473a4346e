// Character sets of EDIFACT files, on the real PAXLST samples re-declared and re-encoded as carriers send
// them: decoded by the UNB syntax identifier, and a byte outside that set refused with where it is.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { realData } from "../../test/support/paths.js";
import { InvalidError } from "../shared/errors.js";
import { decodeInterchange } from "./edifact-charset.js";
import { parseManifestFile } from "./manifest-file.js";
import { parsePaxlst } from "./paxlst.js";

const SAMPLE = readFileSync(realData("paxlst", "two-leg-passengers.edi"), "latin1");

/** The real sample with another syntax identifier and the first passenger renamed, as bytes. */
function sample(syntax: string, surname: Buffer): Buffer {
  const [before, after] = SAMPLE.replace("UNB+UNOA:4", `UNB+${syntax}:4`).split("BARRETT") as [
    string,
    string,
  ];
  return Buffer.concat([Buffer.from(before, "latin1"), surname, Buffer.from(after, "latin1")]);
}

function refusal(f: () => unknown): InvalidError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidError);
    return err as InvalidError;
  }
  throw new Error("expected a refusal");
}

describe("EDIFACT character sets", () => {
  it("reads UNOC as Latin-1, UNOW as UTF-8, UNOE as ISO 8859-5 and UNOD as ISO 8859-2", () => {
    expect(parsePaxlst(sample("UNOC", Buffer.from("MÜLLER", "latin1"))).persons[0]!.surname).toBe("MÜLLER");
    expect(parsePaxlst(sample("UNOW", Buffer.from("MÜLLER", "utf8"))).persons[0]!.surname).toBe("MÜLLER");
    // ИВАНОВ in ISO 8859-5: И=0xB8 В=0xB2 А=0xB0 Н=0xBD О=0xBE.
    const cyrillic = Buffer.from([0xb8, 0xb2, 0xb0, 0xbd, 0xbe, 0xb2]);
    expect(parsePaxlst(sample("UNOE", cyrillic)).persons[0]!.surname).toBe("ИВАНОВ");
    // ŁUKASZEWSKI: Ł is 0xA3 in ISO 8859-2 (and £ in Latin-1).
    const polish = Buffer.concat([Buffer.from([0xa3]), Buffer.from("UKASZEWSKI")]);
    expect(parsePaxlst(sample("UNOD", polish)).persons[0]!.surname).toBe("ŁUKASZEWSKI");
  });

  it("refuses UTF-8 bytes in a UNOC file with the segment and byte offset of the first bad byte", () => {
    // Ü in UTF-8 is C3 9C; 0x9C is a C1 control, not a Latin-1 character.
    const bytes = sample("UNOC", Buffer.from("MÜLLER", "utf8"));
    const offset = bytes.indexOf(0x9c);
    const err = refusal(() => parsePaxlst(bytes));
    const segment = bytes.subarray(0, offset).toString("latin1").split("'").length;
    expect(err.message).toBe(`segment ${segment}, byte offset ${offset}: byte 0x9C is not valid in UNOC`);
    expect(err.details).toMatchObject({ segment, offset, byte: 0x9c, syntax: "UNOC" });
    // The passenger's NAD segment: UNA, UNB, UNG, UNH, BGM, RFF, NAD, COM, TDT, LOC, DTM, LOC, DTM, LOC, DTM, NAD.
    expect(bytes.subarray(0, offset).toString("latin1").split("'").at(-1)).toMatch(/NAD\+FL\+\+\+M/);
  });

  it("refuses a byte above 0x7F in UNOA, and a malformed UTF-8 sequence in UNOW", () => {
    const unoa = sample("UNOA", Buffer.from("MÜLLER", "latin1"));
    expect(refusal(() => parsePaxlst(unoa)).details).toMatchObject({ offset: unoa.indexOf(0xdc) });
    // A lone continuation byte, an overlong "/" and an encoded surrogate, each reported where it starts.
    for (const bad of [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80]]) {
      const bytes = sample("UNOW", Buffer.from([0x4d, ...bad]));
      const at = bytes.indexOf(0x4d, bytes.indexOf("NAD+FL")) + 1;
      expect(refusal(() => parsePaxlst(bytes)).details).toMatchObject({ offset: at, syntax: "UNOW" });
    }
  });

  it("reads a bare message (no UNB) as UTF-8 and refuses an unknown syntax identifier", () => {
    const bare = Buffer.from("UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'NAD+FL+++\xff'", "latin1");
    expect(refusal(() => decodeInterchange(bare)).message).toBe(
      "segment 3, byte offset 44: byte 0xFF is not valid in UTF-8 (no UNB)",
    );
    expect(refusal(() => parsePaxlst(sample("UNOZ", Buffer.from("X")))).message).toMatch(
      /syntax identifier "UNOZ" is not supported/,
    );
  });

  it("counts segments with the UNA's own terminator and release characters", () => {
    const text = Buffer.from("UNA;*,#|$UNB*UNOA;4*A*B*260301;0900*7$UNH*1*PAXLST#$X$NAD*FL\x01$", "latin1");
    // UNA 1, UNB 2, UNH 3 (its released "$" does not end it), NAD 4.
    expect(refusal(() => decodeInterchange(text)).details).toMatchObject({ segment: 4, syntax: "UNOA" });
  });

  it("refuses a FAL CSV that is not UTF-8, naming the line", () => {
    const csv = Buffer.concat([
      Buffer.from("family_name,given_names,transit\nSMITH,JOHN,no\n"),
      Buffer.from("M\xdcLLER,HANS,no\n", "latin1"),
    ]);
    expect(refusal(() => parseManifestFile(csv)).message).toBe(
      "line 3, byte offset 47: byte 0xDC is not valid UTF-8",
    );
  });
});
