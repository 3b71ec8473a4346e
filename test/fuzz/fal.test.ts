// Property test of the FAL Form 5/6 reader: mutations of the sample lists and generated lists either
// parse or fail with InvalidError, never another exception; and a parsed list holds one person for every
// CSV record after the header, so no row is dropped silently.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { expect, it } from "vitest";
import { InvalidError } from "../../src/shared/errors.js";
import { readCsv } from "../../src/travel/csv.js";
import { parseFalCsv } from "../../src/travel/index.js";
import { fixture } from "../support/paths.js";
import { mutated, outcome, RUNS, SEED } from "./mutations.js";

const CREW = readFileSync(fixture("travel", "fal5-crew.csv"));
const PASSENGERS = readFileSync(fixture("travel", "fal6-passengers.csv"));
const HEADER =
  "family_name,given_names,nationality,date_of_birth,place_of_birth,document_type,document_number,issuing_state,document_expiry,port_of_embarkation,port_of_disembarkation,transit";

const field = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9 '"\-,]{0,14}$/),
  fc.constantFrom("", "1985-02-11", "1985", "2030-13-40", "GBR", "NLRTM", "yes", "maybe", "P", '"a,b"'),
);
const generated = fc
  .array(fc.array(field, { minLength: 10, maxLength: 13 }), { maxLength: 12 })
  .map((rows) => `# direction: arrival\n${HEADER}\n${rows.map((r) => r.join(",")).join("\n")}\n`);

it("FAL: a manifest or InvalidError, never a crash, never a dropped row", () => {
  let parsed = 0;
  const inputs = fc.oneof(
    mutated([CREW]).map((b) => ({ text: Buffer.from(b).toString("latin1"), form: 5 as const })),
    mutated([PASSENGERS]).map((b) => ({ text: Buffer.from(b).toString("latin1"), form: 6 as const })),
    generated.map((text) => ({ text, form: 6 as const })),
  );
  fc.assert(
    fc.property(inputs, ({ text, form }) => {
      const r = outcome(
        () => parseFalCsv(text, form),
        (e) => e instanceof InvalidError,
      );
      if (!r.ok) {
        expect(r.crash).toBeUndefined();
        return;
      }
      parsed++;
      expect(r.value.persons).toHaveLength(readCsv(text, "fuzz", []).length);
    }),
    { seed: SEED, numRuns: RUNS },
  );
  expect(parsed).toBeGreaterThan(RUNS / 10);
});
