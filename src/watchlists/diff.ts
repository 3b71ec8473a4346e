// What changed between two versions of one list. Entity ids are `<list>:<sourceRef>`, so the same listed
// person keeps the same id from version to version and versions can be compared id by id.
import type { Entity } from "./model.js";

export interface EntityDiff {
  added: string[];
  removed: string[];
  changed: { id: string; fields: string[] }[];
  unchanged: number;
}

/**
 * JSON with object keys sorted and arrays sorted by their own canonical form: the order in which a source
 * lists aliases, dates or documents carries no meaning, so reordering them is not a change.
 */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Top-level fields whose content differs; an absent field and an empty list are the same. */
export function changedFields(a: Entity, b: Entity): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const norm = (v: unknown) => (Array.isArray(v) && v.length === 0 ? undefined : v);
  return [...keys]
    .filter((k) => {
      const x = norm(a[k as keyof Entity]);
      const y = norm(b[k as keyof Entity]);
      return (x === undefined) !== (y === undefined) || (x !== undefined && canonical(x) !== canonical(y));
    })
    .sort();
}

/** Ids added, removed and changed going from `prev` to `next`, each in the order of its own version. */
export function diffEntities(prev: readonly Entity[], next: readonly Entity[]): EntityDiff {
  const before = new Map(prev.map((e) => [e.id, e]));
  const after = new Set(next.map((e) => e.id));
  const diff: EntityDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const e of next) {
    const old = before.get(e.id);
    if (!old) {
      diff.added.push(e.id);
      continue;
    }
    const fields = changedFields(old, e);
    if (fields.length > 0) diff.changed.push({ id: e.id, fields });
    else diff.unchanged++;
  }
  for (const e of prev) if (!after.has(e.id)) diff.removed.push(e.id);
  return diff;
}
