import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidError } from "../shared/errors.js";
import { normalisePlate, plateProblem } from "./plate.js";
import { createStolenVehicleIndex } from "./search.js";
import { parseStolenVehicleCsv } from "./stolen-list.js";

const SAMPLE = readFileSync(
  new URL("../../data/samples/vehicles/stolen-vehicles.csv", import.meta.url),
  "utf8",
);
const index = createStolenVehicleIndex(parseStolenVehicleCsv(SAMPLE));
const ids = (hits: { record: { recordId: string } }[]) => hits.map((h) => h.record.recordId);

describe("plates", () => {
  it("normalises separators, country names and Cyrillic look-alikes, and folds O/0 and I/1", () => {
    expect(normalisePlate("Croatia", "zg 1234-ab")).toEqual({
      country: "HR",
      number: "ZG1234AB",
      key: "2G1234A8",
    });
    expect(normalisePlate("RUS", "А 123 ВС 77").number).toBe("A123BC77");
    expect(normalisePlate("HR", "ZG 12O4").key).toBe(normalisePlate("HR", "ZG1204").key);
    expect(normalisePlate("HR", "ST-I23").key).toBe(normalisePlate("HR", "ST123").key);
    expect(plateProblem("Z")).toContain("2 to 12");
    expect(plateProblem("ZG#12")).toContain("letters and digits only");
  });
});

describe("stolen-vehicle search", () => {
  it("finds a listed VIN exactly and a listed plate through O/0 and I/1 confusions", () => {
    expect(ids(index.search({ vin: "1HGCM82633A004352" }))).toEqual(["SMV-0004"]);
    const hits = index.search({ plate: normalisePlate("HR", "ZG I234 AB") });
    expect(hits).toMatchObject([{ record: { recordId: "SMV-0001" }, match: "plate", priority: "high" }]);
    expect(hits[0]!.score).toBeCloseTo(7 / 8);
  });

  it("keeps plates of other countries apart", () => {
    expect(index.search({ plate: normalisePlate("SI", "ZG1234AB") })).toEqual([]);
    expect(ids(index.search({ plate: normalisePlate("", "ZG1234AB") }))).toEqual(["SMV-0001"]);
  });

  it("finds partial plates: one misread, dropped, added or unreadable character", () => {
    for (const read of ["BG123AK", "BG12AB", "BG1233AB", "BG12?AB", "8G123A8"]) {
      const hits = index.search({ plate: normalisePlate("RS", read) });
      expect(ids(hits), read).toEqual(["SMV-0002"]);
    }
    const partial = index.search({ plate: normalisePlate("RS", "BG12?AB") })[0]!;
    expect(partial).toMatchObject({ match: "partial_plate", priority: "standard" });
    // Two characters apart is another vehicle.
    expect(index.search({ plate: normalisePlate("RS", "BG124AK") })).toEqual([]);
  });

  it("does not search short plates partially", () => {
    const tiny = createStolenVehicleIndex(
      parseStolenVehicleCsv("record_id,plate_country,plate_number,vin,status\nT1,HR,AB12,,stolen\n"),
    );
    expect(tiny.search({ plate: normalisePlate("HR", "AB13") })).toEqual([]);
    expect(ids(tiny.search({ plate: normalisePlate("HR", "AB12") }))).toEqual(["T1"]);
  });

  it("rejects a malformed list with every bad line and its reason", () => {
    const bad = `record_id,plate_country,plate_number,vin,status,reported_date
A1,HR,ZG1,,stolen,2026-01-01
A2,,,,stolen,2026-01-01
A1,HR,ZG2,,lost,2026-02-30
`;
    try {
      parseStolenVehicleCsv(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidError);
      expect((e as Error).message).toContain("2 invalid row(s), line(s) 3, 4");
      expect((e as Error).message).toContain("neither vin nor plate_number is given");
      expect((e as Error).message).toContain("record_id A1 appears twice");
      expect((e as Error).message).toContain('status "lost"');
      expect((e as Error).message).toContain('reported_date "2026-02-30"');
    }
  });
});
