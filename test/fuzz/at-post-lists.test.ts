// Property test of the readers of the checks at the post (issue 17): mutations of the fictional
// stolen-vehicle list, firearms list and rate table either parse or fail with InvalidError, never another
// exception; and a parsed list holds one record for every CSV record after the header (none dropped).
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { expect, it } from "vitest";
import { parseRateCsv } from "../../src/cash/index.js";
import { parseFirearmListCsv } from "../../src/firearms/index.js";
import { InvalidError } from "../../src/shared/errors.js";
import { readCsv } from "../../src/travel/index.js";
import { parseStolenVehicleCsv } from "../../src/vehicles/index.js";
import { SAMPLES } from "../support/paths.js";
import { mutated, outcome, RUNS, SEED } from "./mutations.js";

const READERS = [
  { file: "vehicles/stolen-vehicles.csv", parse: parseStolenVehicleCsv },
  { file: "firearms/firearms-list.csv", parse: parseFirearmListCsv },
  { file: "cash/rates.csv", parse: parseRateCsv },
] as const;

for (const { file, parse } of READERS) {
  it(`${file}: records or InvalidError, never a crash, never a dropped row`, () => {
    let parsed = 0;
    fc.assert(
      fc.property(mutated([readFileSync(`${SAMPLES}/${file}`)]), (bytes) => {
        const text = Buffer.from(bytes).toString("latin1");
        const r = outcome(
          () => parse(text),
          (e) => e instanceof InvalidError,
        );
        if (!r.ok) {
          expect(r.crash).toBeUndefined();
          return;
        }
        parsed++;
        expect(r.value).toHaveLength(readCsv(text, "fuzz", []).length);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(parsed).toBeGreaterThan(RUNS / 20);
  });
}
