import { describe, expect, it } from "vitest";
import { InvalidError } from "../shared/errors.js";
import { parseFal1Csv } from "./fal1.js";

const GOOD = `field,value
direction,arrival
ship_name,ADRIATIC TRADER
ship_type,general cargo
imo,IMO 9074729
call_sign,9HA 2345
mmsi,256 842 000
voyage,V-112
port,HRRJK
date,2026-11-30
flag_state,MLT
master,Ivo Marić
last_port_of_call,GRPIR
port_of_call,TRMER
port_of_call,GRPIR
gross_tonnage,5120
crew_count,14
`;

describe("FAL Form 1 reader", () => {
  it("reads the ship, its identifiers and its ports of call in order", () => {
    const d = parseFal1Csv(GOOD);
    expect(d.vessel).toEqual({
      name: "ADRIATIC TRADER",
      type: "general cargo",
      imo: "9074729",
      mmsi: "256842000",
      callSign: "9HA 2345",
      flag: "MT",
    });
    expect(d).toMatchObject({ direction: "arrival", port: "HRRJK", date: "2026-11-30", master: "Ivo Marić" });
    expect(d.portsOfCall).toEqual(["TRMER", "GRPIR"]);
    expect(d).toMatchObject({ grossTonnage: 5120, crewCount: 14, lastPortOfCall: "GRPIR" });
  });

  it("keeps an unknown field as a warning with its line", () => {
    const d = parseFal1Csv(`${GOOD}berth,7\n`);
    expect(d.warnings).toEqual(['line 18: unknown field "berth" ignored']);
  });

  it("reports every fault with its line, all at once", () => {
    const bad = GOOD.replace("IMO 9074729", "9074728")
      .replace("256 842 000", "200842000")
      .replace("2026-11-30", "30.11.2026")
      .replace("5120", "5.120");
    let error: unknown;
    try {
      parseFal1Csv(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidError);
    const message = (error as Error).message;
    expect(message).toContain('line 5: IMO number "9074728"');
    expect(message).toContain("line 7: MMSI");
    expect(message).toContain('line 10: date "30.11.2026"');
    expect(message).toContain('line 16: gross_tonnage "5.120"');
  });

  it("requires direction, ship name and port, and rejects a box given twice", () => {
    expect(() => parseFal1Csv("field,value\nimo,9074729\n")).toThrow(
      /direction "" is not arrival.*ship_name is missing.*port is missing/,
    );
    expect(() => parseFal1Csv(`${GOOD}imo,9074729\n`)).toThrow(
      /line 18: imo is given twice \(first on line 5\)/,
    );
    expect(() => parseFal1Csv("name;value\n")).toThrow(/missing column/);
  });
});
