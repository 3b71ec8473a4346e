// Candidate generation with a guarantee: symmetric-deletion keys (SymSpell) over the listed name parts.
//
// The guarantee: a listed name part is retrieved for a query part when their optimal-string-alignment
// distance (adjacent transposition = one edit) is at most `guaranteedEdits` of both lengths: 2 for parts
// of 5 or more letters, 1 for parts of 3–4 letters, 0 below. Each side's keys are what remains after up
// to that many operations, an operation being the deletion of one letter or of two adjacent letters. A
// substitution deletes the letter on both sides, an insertion deletes it on the longer side, and a
// transposition deletes the swapped pair on both sides; OSA edits never overlap, so the two parts share
// a key. A deleted pair is remembered (sorted) in the key, so that a transposition does not make every
// word that only shares the rest a neighbour.
//
// Keys are stored as hashes beside the vocabulary id in one sorted Float64Array: a hash collision only
// adds a candidate that the caller's distance check then drops, and the layout costs 8 bytes per key,
// which keeps a million-person list within its memory target.

/** Edits within which a part of this length is always retrieved. */
export function guaranteedEdits(length: number): number {
  if (length >= 5) return 2;
  if (length >= 3) return 1;
  return 0;
}

/** Deletion keys of a word within its budget (its own `guaranteedEdits`). */
export function deletionKeys(word: string): Set<string> {
  const budgets = new Map<string, number>();
  expand(word, "", guaranteedEdits(word.length), budgets);
  return new Set(budgets.keys());
}

/** Every key reachable from `rest` within `budget` operations; `seen` keeps the largest budget met per key. */
function expand(rest: string, pairs: string, budget: number, seen: Map<string, number>): void {
  const key = pairs ? `${rest}\u0001${pairs}` : rest;
  if ((seen.get(key) ?? -1) >= budget) return;
  seen.set(key, budget);
  if (budget === 0) return;
  for (let i = 0; i < rest.length; i++) {
    expand(rest.slice(0, i) + rest.slice(i + 1), pairs, budget - 1, seen);
    if (i + 1 < rest.length) {
      const pair = rest[i]! < rest[i + 1]! ? rest[i]! + rest[i + 1]! : rest[i + 1]! + rest[i]!;
      expand(rest.slice(0, i) + rest.slice(i + 2), sortedPairs(pairs, pair), budget - 1, seen);
    }
  }
}

/** Deleted pairs in one canonical order, whichever order they were deleted in. */
function sortedPairs(pairs: string, pair: string): string {
  if (!pairs) return pair;
  const all = [...(pairs.match(/../g) ?? []), pair].sort();
  return all.join("");
}

/** 32-bit FNV-1a hash of a key. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** An immutable deletion index: hashed key → ids of the words (vocabulary ids) that have that key. */
export class DeletionIndex {
  private constructor(
    /** hash * 2^idBits + id, sorted */
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
    let entries = new Float64Array(1024);
    let n = 0;
    words.forEach((w, id) => {
      if (!w) return;
      for (const k of deletionKeys(w)) {
        if (n === entries.length) {
          const grown = new Float64Array(entries.length * 2);
          grown.set(entries);
          entries = grown;
        }
        entries[n++] = (hash(k) >>> hashShift) * scale + id;
      }
    });
    const sorted = entries.slice(0, n).sort();
    return new DeletionIndex(sorted, idBits, hashShift);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Ids of the words sharing a deletion key with `word` (a superset of its guaranteed neighbours). */
  lookup(word: string): Set<number> {
    const found = new Set<number>();
    const scale = 2 ** this.idBits;
    const e = this.entries;
    for (const k of deletionKeys(word)) {
      const lo = (hash(k) >>> this.hashShift) * scale;
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
