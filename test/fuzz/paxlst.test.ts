// Property test of the PAXLST reader (and its EDIFACT lexical layer): mutations of the real samples and
// generated messages either parse or fail with InvalidError, never another exception; and a parsed
// interchange holds one person for every traveller NAD segment, so no traveller is dropped silently.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { expect, it } from "vitest";
import { InvalidError } from "../../src/shared/errors.js";
import { readSegments } from "../../src/travel/edifact.js";
import { parsePaxlstInterchange } from "../../src/travel/index.js";
import { fixture, realData } from "../support/paths.js";
import { mutated, outcome, RUNS, SEED } from "./mutations.js";

const SAMPLES = [
  readFileSync(realData("paxlst", "two-leg-passengers.edi")),
  readFileSync(realData("paxlst", "crew-list.edi")),
  readFileSync(realData("paxlst", "multi-leg-no-documents.edi")),
  readFileSync(fixture("travel", "paxlst-release-una.edi")),
];
const TRAVELLER = new Set(["FL", "FM", "DDT", "DDU"]);

const text = fc.stringMatching(/^[A-Z0-9 ?'+:]{0,12}$/);
const segment = fc.oneof(
  fc
    .tuple(fc.constantFrom("FL", "FM", "DDT", "DDU", "MS", "XX"), text, text)
    .map(([q, s, g]) => `NAD+${q}+++${s}:${g}'`),
  fc
    .tuple(fc.constantFrom("329", "36", "189", "232", "1"), fc.stringMatching(/^[0-9]{0,12}$/))
    .map(([q, d]) => `DTM+${q}:${d}'`),
  fc.tuple(fc.constantFrom("P", "V", "I", ""), text).map(([t, n]) => `DOC+${t}:110:111+${n}'`),
  fc.tuple(fc.constantFrom("2"), fc.constantFrom("M", "F", "X", "U", "")).map(([q, s]) => `ATT+${q}++${s}'`),
  fc
    .tuple(fc.constantFrom("22", "178", "179", "91", "125", "87", "92"), text)
    .map(([q, l]) => `LOC+${q}+${l}'`),
  fc.constantFrom("NAT+2+GBR'", "TDT+20+XY123+++XY'", "CNT+42:2'", "RFF+AVF:ABC'", "BGM+745'", "UNT+9+1'"),
  text.map((t) => `${t}'`),
);
const generated = fc
  .array(segment, { maxLength: 25 })
  .map((segs) =>
    Buffer.from(`UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'${segs.join("")}UNT+${segs.length + 3}+1'`, "latin1"),
  );

function travellerNads(bytes: Uint8Array): number {
  return readSegments(bytes).filter((s) => s.tag === "NAD" && TRAVELLER.has(s.elements[0]?.[0] ?? "")).length;
}

it("PAXLST: a manifest or InvalidError, never a crash, never a dropped traveller", () => {
  let parsed = 0;
  fc.assert(
    fc.property(fc.oneof(mutated(SAMPLES), generated), (bytes) => {
      const r = outcome(
        () => parsePaxlstInterchange(bytes),
        (e) => e instanceof InvalidError,
      );
      if (!r.ok) {
        expect(r.crash).toBeUndefined();
        return;
      }
      parsed++;
      const persons = r.value.reduce((n, m) => n + m.persons.length, 0);
      expect(persons).toBe(travellerNads(bytes));
    }),
    { seed: SEED, numRuns: RUNS },
  );
  // Mutations that parse must be a real share of the runs, or the property checks only refusals.
  expect(parsed).toBeGreaterThan(RUNS / 10);
});
