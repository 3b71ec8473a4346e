// Mutations of real samples for the readers' property tests: byte flips, truncations, insertions,
// deletions and duplicated slices, each at a generated position, one to four at a time.
import fc from "fast-check";

/** The seed of every fuzz run, so a failure reproduces (fast-check prints the counterexample's path). */
export const SEED = 20261201;
export const RUNS = 1000;

type Mutation = (b: Uint8Array) => Uint8Array;

const at = (b: Uint8Array, n: number) => (b.length === 0 ? 0 : n % (b.length + 1));

/** Bytes that matter to the readers: delimiters, letters, digits, controls, high bytes. */
const interesting = fc.oneof(
  fc.constantFrom(..."'+:?*<>\"&,;#\n\r\t 0123456789AZaz/".split("").map((c) => c.charCodeAt(0))),
  fc.integer({ min: 0, max: 255 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), interesting).map(
    ([i, v]): Mutation =>
      (b) => {
        if (b.length === 0) return Uint8Array.of(v);
        const out = Uint8Array.from(b);
        out[i % b.length] = v;
        return out;
      },
  ),
  fc.nat().map(
    (i): Mutation =>
      (b) =>
        b.subarray(0, at(b, i)),
  ),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(
    ([i, ins]): Mutation =>
      (b) => {
        const p = at(b, i);
        return Buffer.concat([b.subarray(0, p), ins, b.subarray(p)]);
      },
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })).map(
    ([i, n]): Mutation =>
      (b) => {
        const p = at(b, i);
        return Buffer.concat([b.subarray(0, p), b.subarray(p + n)]);
      },
  ),
  fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 60 })).map(
    ([i, j, n]): Mutation =>
      (b) => {
        const from = at(b, i);
        const p = at(b, j);
        return Buffer.concat([b.subarray(0, p), b.subarray(from, from + n), b.subarray(p)]);
      },
  ),
);

/** One of the samples, mutated one to four times. */
export function mutated(samples: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(fc.constantFrom(...samples), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([sample, ms]) => ms.reduce((b, m) => m(b), sample));
}

/**
 * Runs `read` and sorts the outcome: a result, or the reader's own typed error. Anything else thrown
 * (a TypeError, a RangeError, a plain Error) is returned as "crash" so the property can name it.
 */
export function outcome<T>(
  read: () => T,
  isOwnError: (e: unknown) => boolean,
): { ok: true; value: T } | { ok: false; crash?: unknown } {
  try {
    return { ok: true, value: read() };
  } catch (e) {
    return isOwnError(e) ? { ok: false } : { ok: false, crash: e };
  }
}
