// Candidate generation with a guarantee: symmetric-deletion keys (SymSpell) over the listed name parts.
//
// The guarantee: a listed name part is retrieved for a query part when their optimal-string-alignment
// distance (adjacent transposition = one edit) is at most `guaranteedEdits` of both lengths: 2 for parts
// of 5 or more letters, 1 for parts of 3–4 letters, 0 below. Each side's keys are what remains after up
// to that many non-overlapping operations, an operation being the deletion of one letter or of two
// adjacent letters. A substitution deletes the letter on both sides, an insertion deletes it on the
// longer side, and a transposition deletes the swapped pair on both sides; OSA edits never overlap, so
// the two parts share a key. A deleted pair is kept (its two letters sorted) in the key, so that a
// transposition does not make every word that only shares the rest a neighbour.
//
// Keys are hashed on the fly, without building strings, and stored beside the vocabulary id in one
// sorted Float64Array: a hash collision only adds a candidate that the caller's distance check drops,
// and the layout costs 8 bytes per key, which keeps a million-person list within its memory target.

/** Edits within which a part of this length is always retrieved. */
export function guaranteedEdits(length: number): number {
  if (length >= 5) return 2;
  if (length >= 3) return 1;
  return 0;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const PAIR_MARK = 1;

/** FNV-1a hash of the word without the deleted positions, followed by the deleted pairs' letters. */
function keyHash(word: string, deleted: Uint8Array, pairs: readonly number[]): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) {
    if (deleted[i]) continue;
    h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  }
  if (pairs.length > 0) {
    h = Math.imul(h ^ PAIR_MARK, FNV_PRIME);
    for (const p of pairs) {
      h = Math.imul(h ^ (p >>> 16), FNV_PRIME);
      h = Math.imul(h ^ (p & 0xffff), FNV_PRIME);
    }
  }
  return h >>> 0;
}

/** A deleted pair as one number, its letters in sorted order, so both orders of a transposition agree. */
function pairCode(a: number, b: number): number {
  return a < b ? (a << 16) | b : (b << 16) | a;
}

/** Calls `emit` with the hash of every deletion key of `word` within its budget (duplicates possible). */
function forEachKey(word: string, emit: (hash: number) => void): void {
  const n = word.length;
  const budget = guaranteedEdits(n);
  const deleted = new Uint8Array(n);
  const pairs: number[] = [];
  const recurse = (from: number, left: number) => {
    emit(keyHash(word, deleted, pairs.length > 1 ? [...pairs].sort((x, y) => x - y) : pairs));
    if (left === 0) return;
    for (let i = from; i < n; i++) {
      deleted[i] = 1;
      recurse(i + 1, left - 1);
      if (i + 1 < n) {
        deleted[i + 1] = 1;
        pairs.push(pairCode(word.charCodeAt(i), word.charCodeAt(i + 1)));
        recurse(i + 2, left - 1);
        pairs.pop();
        deleted[i + 1] = 0;
      }
      deleted[i] = 0;
    }
  };
  recurse(0, budget);
}

/** The distinct key hashes of a word. */
export function keyHashes(word: string): Set<number> {
  const out = new Set<number>();
  forEachKey(word, (h) => out.add(h));
  return out;
}

/** An immutable deletion index: hashed key → ids of the words (vocabulary ids) that have that key. */
export class DeletionIndex {
  private constructor(
    /** hash * 2^idBits + id, sorted and distinct */
    private readonly entries: Float64Array,
    private readonly idBits: number,
    private readonly hashShift: number,
  ) {}

  /** Indexes `words[id]`; an undefined word (a number, a particle) is left out. */
  static build(words: readonly (string | undefined)[]): DeletionIndex {
    const idBits = Math.max(1, Math.ceil(Math.log2(words.length + 1)));
    // Hash and id share the 53 bits a double holds exactly.
    const hashShift = Math.max(0, 32 - (53 - idBits));
    const scale = 2 ** idBits;
    let entries = new Float64Array(1 << 16);
    let n = 0;
    words.forEach((w, id) => {
      if (!w) return;
      forEachKey(w, (h) => {
        if (n === entries.length) {
          const grown = new Float64Array(entries.length * 2);
          grown.set(entries);
          entries = grown;
        }
        entries[n++] = (h >>> hashShift) * scale + id;
      });
    });
    const sorted = entries.subarray(0, n).sort();
    let m = 0;
    for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i]!;
    return new DeletionIndex(sorted.slice(0, m), idBits, hashShift);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Ids of the words sharing a deletion key with `word` (a superset of its guaranteed neighbours). */
  lookup(word: string): Set<number> {
    const found = new Set<number>();
    const scale = 2 ** this.idBits;
    const e = this.entries;
    for (const h of keyHashes(word)) {
      const lo = (h >>> this.hashShift) * scale;
      const hi = lo + scale;
      let a = 0;
      let b = e.length;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (e[mid]! < lo) a = mid + 1;
        else b = mid;
      }
      for (let i = a; i < e.length && e[i]! < hi; i++) found.add(e[i]! - lo);
    }
    return found;
  }
}
