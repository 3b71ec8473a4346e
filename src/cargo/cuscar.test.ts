import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixture } from "../../test/support/paths.js";
import { InvalidError } from "../shared/errors.js";
import { parseCuscar } from "./cuscar.js";

const FIFTY = readFileSync(fixture("cargo", "cuscar-50.edi"));

const MINI = (body: string, count: number) =>
  `UNB+UNOA:2+S+R+261130:0800+1'UNH+1+CUSCAR:D:99B:UN'${body}UNT+${count}+1'UNZ+1+1'`;

describe("CUSCAR reader", () => {
  it("reads the conveyance and every consignment of the 50-consignment fixture", () => {
    const m = parseCuscar(FIFTY);
    expect(m).toMatchObject({
      format: "cuscar",
      reference: "MNF-2026-1130",
      voyage: "V-112",
      carrier: "ADRIATIC LINES",
    });
    expect(m.vessel).toEqual({ imo: "9074729", name: "ADRIATIC TRADER", flag: "MT" });
    expect(m.consignments).toHaveLength(50);
    const c23 = m.consignments[22]!;
    expect(c23.reference).toBe("BL26023");
    expect(c23.parties).toContainEqual({
      role: "consignee",
      name: "Al Wassel and Babil General Trading LLC",
      country: "AE",
    });
    expect(m.consignments[16]!.transshipment).toEqual(["AEJEA"]);
    expect(m.consignments[30]!.goods[0]).toMatchObject({ hsCode: "930200", packages: 41, grossKg: 1341 });
    expect(m.consignments[0]!.containers).toEqual(["MSKU1000377"]);
    expect(m.consignments[0]).toMatchObject({
      placeOfLoading: "GRPIR",
      placeOfDischarge: "MEBAR",
      source: "segment 6",
    });
    expect(m.warnings).toEqual([]);
  });

  it("keeps an unread segment as a warning, never drops it silently", () => {
    const m = parseCuscar(MINI("CNI+1+B1'NAD+CN+++ACME'GID+1+1:CT'ABC+X'", 6));
    expect(m.warnings).toEqual(["segment 6: ABC not read"]);
  });

  it("refuses a malformed message with the segment number and the reason", () => {
    const cases: [string, RegExp][] = [
      [MINI("CNI+1+B1'", 4), /segment 4 .*UNT counts 4 segments, the message has 3/],
      ["UNB+UNOA:2+S+R+261130:0800+1'UNH+1+PAXLST:D:05B:UN'UNT+2+1'UNZ+1+1'", /segment 2 .*not CUSCAR/],
      ["UNB+UNOA:2+S+R+261130:0800+1'UNH+1+CUSCAR:D:01B:UN'UNT+2+1'UNZ+1+1'", /directory D:01B/],
      [MINI("GID+1+1:CT'", 3), /segment 3 .*goods item before any consignment/],
      [MINI("CNI+1+B1'NAD+CN'", 4), /segment 4 .*consignee without a name/],
      ["UNB+UNOA:2+S+R+261130:0800+1'UNH+1+CUSCAR:D:95B:UN'CNI+1+B1'", /no UNT/],
      [MINI("CNI+1+B1'LOC+9'", 4), /segment 4 .*location without a place/],
      ["UNB+UNOA:2+S+R+261130:0800+1'UNH+1+CUSCAR:D:95B:UN'CNI+1+B1", /truncated/],
    ];
    for (const [text, reason] of cases) {
      expect(() => parseCuscar(text), text).toThrow(InvalidError);
      expect(() => parseCuscar(text), text).toThrow(reason);
    }
  });

  it("decodes by the UNB syntax identifier (UNOC is Latin-1)", () => {
    const text = MINI("CNI+1+B1'NAD+CN+++Müller Spedition GmbH'", 4);
    const bytes = Buffer.from(text.replace("UNOA", "UNOC"), "latin1");
    expect(parseCuscar(bytes).consignments[0]!.parties[0]!.name).toBe("Müller Spedition GmbH");
  });
});
