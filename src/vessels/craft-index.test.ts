import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixture, realData } from "../../test/support/paths.js";
import { prng } from "../../test/support/prng.js";
import { type Entity, importFtmJsonl, importOfacCsv } from "../watchlists/index.js";
import { type CraftIndex, createCraftIndex } from "./craft-index.js";
import { isValidImo, normaliseImo } from "./imo.js";

let entities: Entity[];
let index: CraftIndex;

beforeAll(async () => {
  entities = (await importOfacCsv(realData("watchlists", "ofac-sdn", "sdn.csv"))).entities;
  index = createCraftIndex(entities);
}, 60_000);

const imoDocs = () =>
  entities.flatMap((e) =>
    e.documents
      .filter((d) => d.type === "Vessel Registration Identification")
      .map((d) => ({ e, n: d.number })),
  );

/** One random edit inside a letter run: substitute, delete, insert or swap; seeded, so the same every run. */
function typo(name: string, rand: () => number): string {
  const letters = [...name].flatMap((c, i) => (/[A-Z]/.test(c) ? [i] : []));
  const at = letters[Math.floor(rand() * letters.length)]!;
  const other = String.fromCharCode(65 + Math.floor(rand() * 26));
  const op = Math.floor(rand() * 4);
  if (op === 0) return name.slice(0, at) + other + name.slice(at + 1);
  if (op === 1) return name.slice(0, at) + name.slice(at + 1);
  if (op === 2) return name.slice(0, at) + other + name.slice(at);
  const next = at + 1 < name.length ? at + 1 : at - 1;
  const [a, b] = [Math.min(at, next), Math.max(at, next)];
  return name.slice(0, a) + name[b] + name[a] + name.slice(b + 1);
}

describe("vessel screening against the OFAC SDN list", () => {
  it("finds every listed vessel with a valid IMO number by that number, conclusively", () => {
    const valid = imoDocs().filter(({ n }) => isValidImo(n));
    expect(valid.length).toBeGreaterThanOrEqual(399);
    for (const { e, n } of valid) {
      const hits = index.screenVessel({ imo: normaliseImo(n) });
      expect(hits.find((h) => h.entityId === e.id)).toMatchObject({
        basis: "imo",
        strength: "conclusive",
        score: 1,
      });
    }
  });

  it("keeps the 10 invalid listed IMO numbers searchable by exact number, each flagged as a data issue", () => {
    const invalid = imoDocs().filter(({ n }) => !isValidImo(n));
    expect(invalid).toHaveLength(10);
    for (const { e, n } of invalid) {
      const [hit] = index.screenVessel({ imo: n }).filter((h) => h.entityId === e.id);
      expect(hit?.dataIssue).toContain("check digit");
      expect(index.dataIssues.some((d) => d.entityId === e.id && d.value === n)).toBe(true);
    }
    expect(invalid.map(({ n }) => n)).toContain("IMO 15411");
  });

  it("finds a vessel by MMSI and call sign, and a name alone only weakly", () => {
    const withMmsi = entities.find((e) => e.documents.some((d) => d.type === "MMSI"))!;
    const mmsi = withMmsi.documents.find((d) => d.type === "MMSI")!.number;
    expect(index.screenVessel({ mmsi })[0]).toMatchObject({ entityId: withMmsi.id, strength: "conclusive" });
    expect(index.screenVessel({ callSign: "cl 2685" })[0]).toMatchObject({
      listedName: "HERMANN",
      strength: "strong",
    });
    const byName = index.screenVessel({ name: "HERMAN", flag: "CU" });
    expect(byName[0]).toMatchObject({ listedName: "HERMANN", basis: "name", strength: "weak" });
  });

  it("finds an aircraft by registration mark (any dash) and manufacturer serial number", () => {
    expect(index.screenAircraft({ registration: "EPGOM" })[0]).toMatchObject({ entityId: "ofac-sdn:15431" });
    expect(index.screenAircraft({ serial: "1023409321" })[0]).toMatchObject({
      entityId: "ofac-sdn:15431",
      strength: "conclusive",
    });
    expect(index.aircraft).toBe(277);
  });

  it("finds a listed operator as an organisation, strongly, and not an unlisted one", () => {
    const hits = index.screenAircraft({ registration: "9A-CTG", operator: "Mahan Air" });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ listedName: "MAHAN AIR", basis: "operator", strength: "strong" });
    expect(index.screenAircraft({ registration: "9A-CTG", operator: "Croatia Airlines" })).toEqual([]);
  });

  it("recall over all 406 vessel names with one random typo, and false refers on 406 unlisted names", () => {
    const rand = prng(17);
    const vessels = entities.filter((e) => e.schema === "vessel");
    let found = 0;
    for (const v of vessels) {
      const name = typo(v.name, rand);
      const hits = index.screenVessel({ name, ...(v.nationalities[0] ? { flag: v.nationalities[0] } : {}) });
      if (hits.some((h) => h.entityId === v.id)) found++;
    }
    const unlisted = readFileSync(fixture("vessels", "unlisted-vessel-names.txt"), "utf8").trim().split("\n");
    const flags = ["MT", "PA", "LR", "GR", "CY", "MH"];
    const falseRefers = unlisted.filter(
      (name, i) => index.screenVessel({ name, flag: flags[i % 6]! }).length > 0,
    );
    console.log(
      `vessel names with one typo: recall ${found}/${vessels.length}; unlisted names referred: ${falseRefers.length}/${unlisted.length}`,
    );
    expect(vessels).toHaveLength(406);
    expect(unlisted).toHaveLength(406);
    expect(found / vessels.length).toBeGreaterThan(0.8);
    expect(falseRefers.length / unlisted.length).toBeLessThan(0.2);
  });
});

describe("FtM vessels and aircraft", () => {
  it("imports a vessel's call sign and an airplane's marks, found by exact search only", async () => {
    const dir = mkdtempSync(join(tmpdir(), "limes-ftm-craft-"));
    const file = join(dir, "craft.jsonl");
    const lines = [
      {
        id: "v1",
        schema: "Vessel",
        properties: { name: ["NORTHERN LIGHT"], callSign: ["9H DQ7"], flag: ["mt"] },
      },
      {
        id: "a1",
        schema: "Airplane",
        properties: { name: ["UR-CQE"], registrationNumber: ["UR-CQE"], serialNumber: ["3510"] },
      },
    ];
    writeFileSync(file, lines.map((l) => JSON.stringify({ ...l, datasets: ["fx"] })).join("\n"));
    const ftm = createCraftIndex((await importFtmJsonl(file, { list: "ftm" })).entities);
    expect(ftm.screenVessel({ callSign: "9hdq7" })[0]).toMatchObject({
      entityId: "ftm:v1",
      basis: "call_sign",
      strength: "strong",
    });
    expect(ftm.screenVessel({ callSign: "9HDQ1" })).toEqual([]);
    expect(ftm.screenAircraft({ serial: "3510" })[0]).toMatchObject({ entityId: "ftm:a1", basis: "serial" });
    expect(ftm.screenAircraft({ registration: "urcqe" })[0]).toMatchObject({ entityId: "ftm:a1" });
  });
});
