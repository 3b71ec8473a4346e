import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DeletionIndex, guaranteedEdits, keyHashes } from "./neighbours.js";
import { editDistance } from "./similarity.js";

const letters = fc.constantFrom(..."abcdeghiklmnorsuyz");
const word = (min: number, max: number) =>
  fc.array(letters, { minLength: min, maxLength: max }).map((a) => a.join(""));

/** One random OSA edit: substitution, insertion, deletion or adjacent transposition. */
function edit(w: string, kind: number, at: number, ch: string): string {
  const i = at % Math.max(1, w.length);
  switch (kind % 4) {
    case 0:
      return w.slice(0, i) + ch + w.slice(i + 1);
    case 1:
      return w.slice(0, i) + ch + w.slice(i);
    case 2:
      return w.length > 1 ? w.slice(0, i) + w.slice(i + 1) : w;
    default:
      return i + 1 < w.length ? w.slice(0, i) + w[i + 1]! + w[i]! + w.slice(i + 2) : w;
  }
}

const edits = fc.array(fc.tuple(fc.nat(3), fc.nat(20), letters), { minLength: 1, maxLength: 2 });

describe("deletion index guarantee", () => {
  it("retrieves every listed part within the guaranteed distance of a query part", () => {
    fc.assert(
      fc.property(word(3, 11), edits, fc.array(word(2, 11), { maxLength: 30 }), (listed, ops, others) => {
        const query = ops.reduce((w, [k, at, ch]) => edit(w, k, at, ch), listed);
        const allowed = Math.min(guaranteedEdits(listed.length), guaranteedEdits(query.length));
        fc.pre(editDistance(listed, query, allowed) <= allowed);
        const index = DeletionIndex.build([...others, listed]);
        expect(index.lookup(query).has(others.length)).toBe(true);
      }),
      { numRuns: 1000, seed: 14 },
    );
  });

  it("meets named typos: two edits in a long part, a transposition in a short one", () => {
    const index = DeletionIndex.build(["samir", "karim", "omar", "abdulrahman", "ali"]);
    expect(index.lookup("smair").has(0)).toBe(true);
    expect(index.lookup("kraim").has(1)).toBe(true);
    expect(index.lookup("oamr").has(2)).toBe(true);
    expect(index.lookup("abdulrhamna").has(3)).toBe(true);
    expect(index.lookup("aly").has(4)).toBe(true);
  });

  it("keeps the key count of a long part bounded", () => {
    expect(keyHashes("abdulrahman").size).toBeLessThan(400);
    expect(keyHashes("al").size).toBe(1);
  });
});
