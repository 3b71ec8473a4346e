import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidError } from "../shared/errors.js";
import { parseFirearmListCsv } from "./list.js";
import { canonicalMake, sameMake } from "./makes.js";
import { createFirearmIndex } from "./search.js";
import { serialKey, serialProblem } from "./serial.js";

const SAMPLE = readFileSync(
  new URL("../../data/samples/firearms/firearms-list.csv", import.meta.url),
  "utf8",
);
const index = createFirearmIndex(parseFirearmListCsv(SAMPLE));
const ids = (hits: { record: { recordId: string } }[]) => hits.map((h) => h.record.recordId);

describe("firearm serials", () => {
  it("folds the stamping and reading confusions", () => {
    expect(serialKey("0OD Q-1IL 5S 8B 2Z")).toBe("0000111558822");
    expect(serialKey("ab*12")).toBe("A8?12");
    expect(serialProblem("")).toBe("the serial number is empty");
    expect(serialProblem("??-?")).toBe("no character of the serial number is readable");
    expect(serialProblem("AB#1")).toContain("letters, digits and ?");
  });

  it("finds a serial read with two confusable characters, marking where", () => {
    // Listed B0512837: read as 80S12837 (B→8, 5→S).
    const [hit, ...rest] = index.search({ serial: "80S12837", make: "Zastava" });
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ record: { recordId: "FA-0001" }, makeAgrees: true, priority: "standard" });
    expect(hit!.comparison).toMatchObject({ same: 6, confusable: [0, 2], unreadable: [] });
  });

  it("finds a serial with two unreadable characters, ranked by the characters that agree", () => {
    const hits = index.search({ serial: "1983L??421" });
    expect(ids(hits)).toEqual(["FA-0003"]);
    expect(hits[0]!.comparison).toMatchObject({ same: 8, confusable: [], unreadable: [5, 6] });
  });

  it("ranks the exact reading first and tells serials of other makers apart", () => {
    const hits = index.search({ serial: "AB 12345", make: "Glock GmbH" });
    expect(ids(hits)).toEqual(["FA-0004", "FA-0005"]);
    expect(hits.map((h) => [h.makeAgrees, h.priority])).toEqual([
      [true, "high"],
      [false, "standard"],
    ]);
  });

  it("matches makes through their synonyms", () => {
    expect(sameMake("Zavodi Crvena Zastava", "Zastava Oružje")).toBe(true);
    expect(sameMake("IZHMASH", "Kalashnikov Concern")).toBe(true);
    expect(sameMake("Norinco", "China North Industries Group")).toBe(true);
    expect(sameMake("Glock", "Zastava")).toBe(false);
    expect(sameMake("", "Zastava")).toBeUndefined();
    expect(canonicalMake("Some Small Maker Ltd.")).toBe("some small maker ltd");
  });

  it("scans rather than enumerates when wildcards would cost more", () => {
    const base = parseFirearmListCsv(SAMPLE)[0]!;
    const many = createFirearmIndex(
      Array.from({ length: 2000 }, (_, i) => ({
        ...base,
        recordId: `R${i}`,
        serial: `X${String(i).padStart(6, "0")}`,
      })),
    );
    // One wildcard: 28 keys to try, fewer than the 2,000 keys of this length.
    expect(ids(many.search({ serial: "X0019?7" }))).toEqual([
      "R1907",
      "R1917",
      "R1927",
      "R1937",
      "R1947",
      "R1957",
      "R1967",
      "R1977",
      "R1987",
      "R1997",
    ]);
    // Three: 21,952 keys to try, so the keys of this length are scanned; the first 20 of 1,000 come back.
    expect(many.search({ serial: "X001???" })).toHaveLength(20);
    expect(many.search({ serial: "X001???", make: "Zastava" }, 5000)).toHaveLength(1000);
  });

  it("rejects a malformed list with the line and reason of every bad row", () => {
    const bad = "record_id,serial_number,make,status\nF1,,Glock,stolen\nF2,A1,Glock,found\n";
    expect(() => parseFirearmListCsv(bad)).toThrow(InvalidError);
    expect(() => parseFirearmListCsv(bad)).toThrow(
      /line\(s\) 2, 3: line 2: the serial number is empty; line 3: status "found"/,
    );
  });
});
