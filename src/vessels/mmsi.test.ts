import { describe, expect, it } from "vitest";
import { realData } from "../../test/support/paths.js";
import { importOfacCsv } from "../watchlists/index.js";
import { MID_COUNTRIES } from "./mid.js";
import { checkMmsi } from "./mmsi.js";

describe("MMSI", () => {
  it("reads the MID for each kind of station", () => {
    expect(checkMmsi("256842000")).toMatchObject({ valid: true, kind: "ship", mid: "256", country: "MT" });
    expect(checkMmsi("002320001")).toMatchObject({ valid: true, kind: "coast", country: "GB" });
    expect(checkMmsi("024701234")).toMatchObject({ valid: true, kind: "group", country: "IT" });
    expect(checkMmsi("111279123")).toMatchObject({ valid: true, kind: "sar-aircraft", country: "RS" });
    expect(checkMmsi("992381234")).toMatchObject({ valid: true, kind: "aid-to-navigation", country: "HR" });
    expect(checkMmsi("970123456")).toEqual({ valid: true, mmsi: "970123456", kind: "distress" });
  });

  it("rejects wrong forms and unallocated MIDs with the reason", () => {
    expect(checkMmsi("25684200")).toMatchObject({
      valid: false,
      reason: expect.stringContaining("nine digits"),
    });
    expect(checkMmsi("2568420AB").valid).toBe(false);
    expect(checkMmsi("800000000")).toMatchObject({ valid: false, reason: expect.stringContaining("prefix") });
    expect(checkMmsi("200123456")).toMatchObject({
      valid: false,
      reason: expect.stringContaining("MID 200"),
    });
  });

  it("every MID in the table is three digits from 2xx to 7xx and names a two-letter code", () => {
    for (const [mid, cc] of MID_COUNTRIES) {
      expect(mid).toMatch(/^[2-7]\d\d$/);
      expect(cc).toMatch(/^[A-Z]{2}$/);
    }
  });

  it("every MMSI on the OFAC SDN list names an allocated MID", async () => {
    const list = await importOfacCsv(realData("watchlists", "ofac-sdn", "sdn.csv"));
    const mmsis = list.entities.flatMap((e) =>
      e.documents.filter((d) => d.type === "MMSI").map((d) => d.number),
    );
    expect(mmsis.length).toBeGreaterThan(40);
    const bad = mmsis.map(checkMmsi).filter((c) => !c.valid);
    expect(bad).toEqual([]);
  });
});
