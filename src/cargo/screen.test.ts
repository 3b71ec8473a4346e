import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { fixture, realData } from "../../test/support/paths.js";
import { createScreener } from "../screening/index.js";
import { createCraftIndex } from "../vessels/index.js";
import { loadSampleWatchlists } from "../watchlists/index.js";
import { parseCuscar } from "./cuscar.js";
import { DEFAULT_GOODS_RULES } from "./default-rules.js";
import { loadHsNomenclature } from "./hs-file.js";
import { DEFAULT_DUAL_USE_CODES, DEFAULT_PRECURSOR_CODES } from "./indicators.js";
import { type CargoScreeners, screenCargo } from "./screen.js";

let screeners: CargoScreeners;
let listedImo: { imo: string; id: string };
const config = {
  precursorCodes: DEFAULT_PRECURSOR_CODES,
  dualUseCodes: DEFAULT_DUAL_USE_CODES,
  transshipmentPorts: ["AEJEA"],
  rules: DEFAULT_GOODS_RULES,
};

beforeAll(async () => {
  const entities = (await loadSampleWatchlists()).flatMap((l) => l.entities);
  const vessel = entities.find((e) =>
    e.documents.some((d) => d.type === "Vessel Registration Identification"),
  )!;
  const imo = vessel.documents.find((d) => d.type === "Vessel Registration Identification")!.number;
  listedImo = { imo: imo.replace(/^IMO /, ""), id: vessel.id };
  screeners = {
    parties: createScreener(entities.filter((e) => e.schema === "organization" || e.schema === "person")),
    craft: createCraftIndex(entities),
    hs: loadHsNomenclature(realData("goods", "hs-nomenclature.csv")),
  };
}, 120_000);

describe("screening a cargo manifest", () => {
  it("the 50-consignment CUSCAR gives exactly one party refer, on the listed consignee, and the right flags", () => {
    const manifest = parseCuscar(readFileSync(fixture("cargo", "cuscar-50.edi")));
    const result = screenCargo(manifest, screeners, config, "2026-11-30");
    expect(result.vessel?.hits).toEqual([]);
    // One party referred; it may match the same organisation on more than one list (UN and OFAC).
    const partyHits = result.consignments.flatMap((c) => c.partyHits.map((h) => ({ c: c.reference, h })));
    const referred = new Set(partyHits.map(({ c, h }) => `${c}/${h.party.role}/${h.party.name}`));
    expect([...referred]).toEqual(["BL26023/consignee/Al Wassel and Babil General Trading LLC"]);
    for (const { h } of partyHits) expect(h.listedName).toBe("AL WASEL AND BABEL GENERAL TRADING LLC");
    expect(new Set(partyHits.map(({ h }) => h.list))).toEqual(new Set(["un-sc", "ofac-sdn"]));
    const flagged = Object.fromEntries(
      result.consignments.filter((c) => c.decision === "refer").map((c) => [c.reference, c.flags]),
    );
    expect(flagged).toEqual({
      BL26008: ["goods-precursor-dual-use"],
      BL26012: ["container-invalid"],
      BL26017: ["route-configured-transshipment"],
      BL26023: ["listed-party-or-vessel"],
      BL26031: ["goods-arms-explosives"],
      BL26044: ["goods-description-contradicts-code"],
    });
  });

  it("puts the evidence beside each hit: the container's fault, the code beside the description", () => {
    const manifest = parseCuscar(readFileSync(fixture("cargo", "cuscar-50.edi")));
    const result = screenCargo(manifest, screeners, config, "2026-11-30");
    const c12 = result.consignments[11]!.hits[0]!;
    expect(c12.evidence.containers).toEqual([
      expect.objectContaining({ valid: false, reason: expect.stringContaining("check digit") }),
    ]);
    const c44 = result.consignments[43]!.hits[0]!;
    expect(c44.evidence).toMatchObject({
      chaptersNamed: ["93"],
      goods: [
        {
          hsCode: "940161",
          description: "Upholstered chairs with hunting rifles",
          hsDescription: expect.any(String),
        },
      ],
    });
  });

  it("a listed vessel by IMO number refers every consignment it carries", () => {
    const manifest = parseCuscar(readFileSync(fixture("cargo", "cuscar-50.edi")));
    const vessel = { imo: listedImo.imo, name: "RENAMED" };
    const listed = { ...manifest, vessel, consignments: manifest.consignments.slice(0, 2) };
    const result = screenCargo(listed, screeners, config, "2026-11-30");
    expect(result.vessel?.hits[0]).toMatchObject({
      entityId: listedImo.id,
      basis: "imo",
      strength: "conclusive",
    });
    expect(result.consignments.map((c) => c.flags)).toEqual([
      ["listed-party-or-vessel"],
      ["listed-party-or-vessel"],
    ]);
  });
});
