// Property test of the goods readers (issue 17): mutations of the CUSCAR fixture, of a cargo CSV and of a
// FAL Form 1 either parse or fail with InvalidError, never another exception; a parsed CUSCAR holds one
// consignment per CNI segment, so no consignment is dropped silently.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { expect, it } from "vitest";
import { parseCargoManifest, parseCuscar } from "../../src/cargo/index.js";
import { InvalidError } from "../../src/shared/errors.js";
import { readSegments } from "../../src/travel/edifact.js";
import { parseFal1Csv } from "../../src/vessels/index.js";
import { fixture } from "../support/paths.js";
import { mutated, outcome, RUNS, SEED } from "./mutations.js";

const CUSCAR = readFileSync(fixture("cargo", "cuscar-50.edi"));
const CSV = Buffer.from(`# vessel: ADRIATIC TRADER
# imo: 9074729
consignment,consignor,consignee,consignee_country,transshipment,hs_code,description,packages,gross_kg,containers
BL1,Piraeus Marble Works SA,Bar Port Logistics,ME,AEJEA;TRMER,251511,Marble blocks,4,20000,CSQU3054383
BL1,,,,,610910,"Cotton T-shirts, knitted",10,500.5,CSQU3054383
BL2,Danube Steel Tubes Kft,Kotor Shipchandlers,ME,,730630,Welded steel tubes,,,
`);
const JSON_MANIFEST = Buffer.from(
  JSON.stringify({
    vessel: { imo: "9074729", name: "ADRIATIC TRADER" },
    consignments: [
      {
        reference: "BL1",
        parties: [{ role: "consignee", name: "Bar Port" }],
        goods: [{ description: "Wine", hsCode: "220421" }],
      },
    ],
  }),
);
const FAL1 = Buffer.from(`field,value
direction,arrival
ship_name,ADRIATIC TRADER
imo,IMO 9074729
mmsi,256842000
port,HRRJK
date,2026-11-30
flag_state,MLT
port_of_call,TRMER
gross_tonnage,5120
`);

const isInvalid = (e: unknown) => e instanceof InvalidError;

it("CUSCAR: a manifest or InvalidError, never a crash, never a dropped consignment", () => {
  let parsed = 0;
  fc.assert(
    fc.property(mutated([CUSCAR]), (bytes) => {
      const r = outcome(() => parseCuscar(bytes), isInvalid);
      if (!r.ok) {
        expect(r.crash).toBeUndefined();
        return;
      }
      parsed++;
      const cni = readSegments(bytes).filter((s) => s.tag === "CNI").length;
      expect(r.value.consignments).toHaveLength(cni);
    }),
    { seed: SEED, numRuns: RUNS },
  );
  expect(parsed).toBeGreaterThan(RUNS / 20);
});

it("cargo CSV and JSON, and FAL Form 1: a result or InvalidError, never a crash", () => {
  let parsed = 0;
  fc.assert(
    fc.property(
      fc.oneof(
        mutated([CSV, JSON_MANIFEST]),
        mutated([FAL1]).map((b) => ({ fal1: b })),
      ),
      (input) => {
        const r =
          input instanceof Uint8Array
            ? outcome(() => parseCargoManifest(input), isInvalid)
            : outcome(() => parseFal1Csv(Buffer.from(input.fal1).toString("utf8")), isInvalid);
        if (!r.ok) {
          expect(r.crash).toBeUndefined();
          return;
        }
        parsed++;
      },
    ),
    { seed: SEED, numRuns: RUNS },
  );
  expect(parsed).toBeGreaterThan(RUNS / 20);
});
