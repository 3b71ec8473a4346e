import { describe, expect, it } from "vitest";
import { parseCargoManifest } from "./manifest-file.js";

const CSV = `# vessel: ADRIATIC TRADER
# imo: IMO 9074729
# flag_state: Malta
# voyage: V-112
consignment,consignor,consignor_country,consignee,consignee_country,notify,place_of_loading,place_of_discharge,transshipment,hs_code,description,packages,gross_kg,containers
BL1,Piraeus Marble Works SA,GR,Bar Port Logistics,ME,,GRPIR,MEBAR,AEJEA;TRMER,2515.11,Marble blocks,4,20000,CSQU3054383
BL1,,,,,,,,,6109.10,Cotton T-shirts,10,500,CSQU3054383
BL2,Danube Steel Tubes Kft,HU,Kotor Shipchandlers d.o.o.,ME,Trading House Mostar,HUBUD,MEBAR,,730630,Welded steel tubes,,,
`;

describe("cargo manifest CSV and JSON", () => {
  it("groups the goods rows of a consignment and reads the conveyance header", () => {
    const m = parseCargoManifest(CSV);
    expect(m.vessel).toEqual({ name: "ADRIATIC TRADER", imo: "9074729", flag: "MT" });
    expect(m.consignments).toHaveLength(2);
    const [bl1, bl2] = m.consignments;
    expect(bl1!.goods.map((g) => g.hsCode)).toEqual(["251511", "610910"]);
    expect(bl1).toMatchObject({
      transshipment: ["AEJEA", "TRMER"],
      containers: ["CSQU3054383"],
      source: "line 6",
    });
    expect(bl2!.parties.map((p) => p.role)).toEqual(["consignor", "consignee", "notify"]);
  });

  it("refuses bad rows with their line numbers, all at once", () => {
    const bad = CSV.replace("2515.11", "25X5").replace(",4,20000,", ",four,20000,").replace("BL2,", ",");
    expect(() => parseCargoManifest(bad)).toThrow(/3 invalid row\(s\), line\(s\) 6, 7, 8/);
    expect(() => parseCargoManifest(bad)).toThrow(
      /line 6: hs_code "25X5" is not 2 to 10 digits, packages "four"/,
    );
    expect(() => parseCargoManifest("consignment,consignor\n")).toThrow(/missing column\(s\) consignee/);
  });

  it("reads the JSON form and names the path of a fault", () => {
    const json = {
      vessel: { imo: "9074729" },
      consignments: [
        {
          reference: "BL1",
          parties: [{ role: "consignee", name: "Bar Port Logistics" }],
          goods: [{ description: "Wine", hsCode: "220421", containers: ["CSQU3054383"] }],
        },
      ],
    };
    const m = parseCargoManifest(JSON.stringify(json));
    expect(m.consignments[0]).toMatchObject({
      reference: "BL1",
      containers: ["CSQU3054383"],
      source: "/consignments/0",
    });
    const bad = structuredClone(json) as { consignments: { goods: { hsCode: string }[] }[] };
    bad.consignments[0]!.goods[0]!.hsCode = "22.04";
    expect(() => parseCargoManifest(JSON.stringify(bad))).toThrow(/\/consignments\/0\/goods\/0\/hsCode/);
    expect(() => parseCargoManifest("{ not json")).toThrow(/not readable as JSON/);
  });

  it("refuses bytes that are not UTF-8", () => {
    expect(() => parseCargoManifest(Uint8Array.from([0x63, 0x6f, 0xff, 0x0a]))).toThrow(/not valid UTF-8/);
  });
});
