// Looking a declared serial up among the listed ones (a million and more): one map from folded key to
// records, so confusable readings cost nothing; unreadable characters are either enumerated over the key
// alphabet or, when that would be more work, matched by scanning the keys of that length.
import type { Priority } from "../alerts/index.js";
import type { ListedFirearm } from "./list.js";
import { sameMake } from "./makes.js";
import { compareSerials, KEY_ALPHABET, type SerialComparison, serialKey, UNREADABLE } from "./serial.js";

export interface FirearmQuery {
  serial: string;
  make?: string;
}

export interface FirearmHit {
  record: ListedFirearm;
  comparison: SerialComparison;
  /** Whether the makes name one maker (synonyms count); undefined when either is not given. */
  makeAgrees: boolean | undefined;
  priority: Priority;
}

export interface FirearmIndex {
  readonly size: number;
  search(q: FirearmQuery, limit?: number): FirearmHit[];
  /** One listed record by its id (a partner's follow-up on a hit, src/partners). */
  record(recordId: string): ListedFirearm | undefined;
}

function matchesPattern(pattern: string, key: string): boolean {
  for (let i = 0; i < pattern.length; i++)
    if (pattern[i] !== UNREADABLE && pattern[i] !== key[i]) return false;
  return true;
}

/** Every key the pattern stands for, its wildcards filled from the key alphabet. */
function* expand(pattern: string): Generator<string> {
  const at = pattern.indexOf(UNREADABLE);
  if (at < 0) {
    yield pattern;
    return;
  }
  for (const c of KEY_ALPHABET) yield* expand(pattern.slice(0, at) + c + pattern.slice(at + 1));
}

/**
 * An exact reading with agreeing (or unknown) make is strong; a confusable or unreadable reading, or a
 * serial listed under another maker (serials are unique only per maker), asks for a closer look.
 */
function priorityOf(c: SerialComparison, makeAgrees: boolean | undefined): Priority {
  if (makeAgrees === false) return "standard";
  return c.confusable.length === 0 && c.unreadable.length === 0 ? "high" : "standard";
}

export function createFirearmIndex(records: readonly ListedFirearm[]): FirearmIndex {
  const byKey = new Map<string, ListedFirearm[]>();
  const keysByLength = new Map<number, string[]>();
  for (const r of records) {
    const key = serialKey(r.serial);
    const list = byKey.get(key);
    if (list) list.push(r);
    else {
      byKey.set(key, [r]);
      const same = keysByLength.get(key.length);
      if (same) same.push(key);
      else keysByLength.set(key.length, [key]);
    }
  }

  const candidates = (pattern: string): string[] => {
    const wild = pattern.split(UNREADABLE).length - 1;
    if (wild === 0) return byKey.has(pattern) ? [pattern] : [];
    const sameLength = keysByLength.get(pattern.length) ?? [];
    // Fill the wildcards when that is fewer lookups than scanning every key of this length.
    if (KEY_ALPHABET.length ** wild < sameLength.length)
      return [...expand(pattern)].filter((k) => byKey.has(k));
    return sameLength.filter((k) => matchesPattern(pattern, k));
  };

  const byId = new Map(records.map((r) => [r.recordId, r]));
  return {
    size: records.length,
    record: (recordId) => byId.get(recordId),
    search(q, limit = 20) {
      const hits: FirearmHit[] = [];
      for (const key of candidates(serialKey(q.serial))) {
        for (const record of byKey.get(key) ?? []) {
          const comparison = compareSerials(q.serial, record.serial);
          const makeAgrees = sameMake(q.make, record.make);
          hits.push({ record, comparison, makeAgrees, priority: priorityOf(comparison, makeAgrees) });
        }
      }
      // Ranked by how many characters agree as written, then by fewer confusions, then agreeing makes.
      hits.sort(
        (a, b) =>
          b.comparison.same - a.comparison.same ||
          a.comparison.confusable.length - b.comparison.confusable.length ||
          Number(b.makeAgrees === true) - Number(a.makeAgrees === true),
      );
      return hits.slice(0, limit);
    },
  };
}
