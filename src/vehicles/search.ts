// Finding a vehicle on the stolen-vehicle list: by exact VIN, by plate with confusable characters folded,
// and by partial plate, where one character was misread, dropped, added or is unreadable (`?`).
// Written here, not taken from a library: it is the product's matching core, and its evidence (which
// characters differ) is what the reviewer is shown.
import type { Priority } from "../alerts/index.js";
import type { Plate } from "./plate.js";
import type { StolenVehicle } from "./stolen-list.js";

export interface VehicleQuery {
  plate?: Plate;
  vin?: string;
}

export type VehicleMatchKind = "vin" | "plate" | "partial_plate";

export interface VehicleHit {
  record: StolenVehicle;
  match: VehicleMatchKind;
  /** 1 for an exact identifier; for plates, the share of characters that agree as printed. */
  score: number;
  priority: Priority;
}

/**
 * Partial-plate search only for keys this long: a shorter key is within one edit of too many plates for
 * the hit to say anything about the vehicle (a 4-character key has ~150 neighbours per alphabet).
 */
const PARTIAL_MIN_LENGTH = 5;

export interface StolenVehicleIndex {
  readonly size: number;
  search(q: VehicleQuery): VehicleHit[];
  /** One listed record by its id (a partner's follow-up on a hit, src/partners). */
  record(recordId: string): StolenVehicle | undefined;
}

/** Every string made by deleting one character: two keys within one edit share one of these. */
function deletions(key: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < key.length; i++) out.add(key.slice(0, i) + key.slice(i + 1));
  return [...out];
}

/** Characters that agree in the same position, as printed. */
function agreement(a: string, b: string): number {
  let same = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] === b[i]) same++;
  return same / Math.max(a.length, b.length);
}

/** Whether two keys are within one substitution, insertion or deletion (`?` in the query counts as one). */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    let diff = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
    return diff <= 1;
  }
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}

/** Listed keys one edit from `key`: a shared deletion, or one is a deletion of the other. */
function nearKeys(key: string, byKey: Map<string, unknown>, byDeletion: Map<string, string[]>): Set<string> {
  const near = new Set<string>(byDeletion.get(key) ?? []);
  for (const d of deletions(key)) {
    for (const k of byDeletion.get(d) ?? []) near.add(k);
    if (byKey.has(d)) near.add(d);
  }
  near.delete(key);
  // A `?` is one unreadable character: a substitution, never a match by itself.
  const probe = key.replaceAll("?", "\u0000");
  return new Set([...near].filter((k) => withinOneEdit(probe, k)));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function createStolenVehicleIndex(records: readonly StolenVehicle[]): StolenVehicleIndex {
  const byVin = new Map<string, StolenVehicle[]>();
  const byKey = new Map<string, StolenVehicle[]>();
  const byDeletion = new Map<string, string[]>();
  for (const r of records) {
    if (r.vin) push(byVin, r.vin, r);
    if (!r.plate) continue;
    if (!byKey.has(r.plate.key)) for (const d of deletions(r.plate.key)) push(byDeletion, d, r.plate.key);
    push(byKey, r.plate.key, r);
  }
  const sameCountry = (q: Plate, r: StolenVehicle) =>
    q.country === "" || r.plate?.country === "" || q.country === r.plate?.country;

  const byId = new Map(records.map((r) => [r.recordId, r]));
  return {
    size: records.length,
    record: (recordId) => byId.get(recordId),
    search(q) {
      const hits = new Map<string, VehicleHit>();
      const add = (h: VehicleHit) => {
        const had = hits.get(h.record.recordId);
        if (!had || had.score < h.score) hits.set(h.record.recordId, h);
      };
      if (q.vin)
        for (const r of byVin.get(q.vin) ?? []) add({ record: r, match: "vin", score: 1, priority: "high" });
      const plate = q.plate;
      if (plate) {
        for (const r of byKey.get(plate.key) ?? []) {
          if (!sameCountry(plate, r)) continue;
          add({
            record: r,
            match: "plate",
            score: agreement(plate.number, r.plate!.number),
            priority: "high",
          });
        }
        if (plate.key.length >= PARTIAL_MIN_LENGTH) {
          for (const k of nearKeys(plate.key, byKey, byDeletion)) {
            for (const r of byKey.get(k) ?? []) {
              if (!sameCountry(plate, r)) continue;
              const score = agreement(plate.number, r.plate!.number);
              add({ record: r, match: "partial_plate", score, priority: "standard" });
            }
          }
        }
      }
      return [...hits.values()].sort((a, b) => b.score - a.score);
    },
  };
}
