// Property test of the MRZ reader: mutated ICAO specimens, generated zones of every layout and arbitrary
// text either parse or fail with InvalidError, never another exception; and a parsed zone is the input
// as typed unless a correction says otherwise, so no character is changed or dropped silently.
import fc from "fast-check";
import { expect, it } from "vitest";
import { InvalidError } from "../../src/shared/errors.js";
import { parseMrz } from "../../src/travel/index.js";
import { mutated, outcome, RUNS, SEED } from "./mutations.js";

// ICAO Doc 9303 specimens (Utopia), as in src/travel/mrz.test.ts.
const SPECIMENS = [
  "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10",
  "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<",
  "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6",
  "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<",
  "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nL8988901C4XXX4009078F9612109<<<<<<<<",
].map((s) => Buffer.from(s));

const line = (n: number) => fc.stringMatching(new RegExp(`^[A-Z0-9<]{${n}}$`));
const generated = fc.oneof(
  fc
    .tuple(fc.constantFrom("P<", "I<", "V<", "A<", "C<", "PK"), line(42), line(44))
    .map(([c, a, b]) => `${c}${a}\n${b}`),
  fc.tuple(fc.constantFrom("I<", "V<", "AC"), line(34), line(36)).map(([c, a, b]) => `${c}${a}\n${b}`),
  fc
    .tuple(fc.constantFrom("I<", "ID", "C<"), line(28), line(30), line(30))
    .map(([c, a, b, d]) => `${c}${a}\n${b}\n${d}`),
  fc.string({ maxLength: 100 }),
  fc.string({ unit: "binary", maxLength: 100 }),
);

/** What the officer typed, as the reader should see it when nothing was corrected. */
const asTyped = (s: string) =>
  s
    .split(/\r\n|\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .join("");

it("MRZ: a result or InvalidError, never a crash, never a silent change", () => {
  let parsed = 0;
  fc.assert(
    fc.property(
      fc.oneof(
        mutated(SPECIMENS).map((b) => Buffer.from(b).toString("latin1")),
        generated,
      ),
      (text) => {
        const r = outcome(
          () => parseMrz(text),
          (e) => e instanceof InvalidError,
        );
        if (!r.ok) {
          expect(r.crash).toBeUndefined();
          return;
        }
        parsed++;
        const { lines, corrections } = r.value;
        if (corrections.length === 0) expect(lines.join("")).toBe(asTyped(text));
      },
    ),
    { seed: SEED, numRuns: RUNS },
  );
  expect(parsed).toBeGreaterThan(RUNS / 10);
});
