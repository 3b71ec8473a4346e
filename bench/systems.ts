// What the screening benchmark needs from a system under test, and Limes behind that shape.
import type { Screener, ScreeningQuery } from "../src/screening/index.js";
import type { Entity } from "../src/watchlists/model.js";

export interface Hit {
  entityId: string;
  score: number;
  /** Whether the system would raise an alert for this entity at its refer threshold. */
  refer: boolean;
}

export interface ScreeningSystem {
  readonly name: string;
  /** The refer rule in words, printed in the legend. */
  readonly referRule: string;
  /** Hits best first, at most one per entity. */
  screen(query: ScreeningQuery): Hit[] | Promise<Hit[]>;
  close?(): Promise<void>;
}

export function limesSystem(screener: Screener): ScreeningSystem {
  return {
    name: "Limes",
    referRule: `decision "refer" (score ≥ ${screener.thresholds.refer})`,
    screen: (q) =>
      screener
        .screen(q)
        .matches.map((m) => ({ entityId: m.entityId, score: m.score, refer: m.decision === "refer" })),
  };
}

/** One searchable name of an entity: what the name-only baselines index. */
export interface IndexedName {
  entityId: string;
  name: string;
}

/** Primary names and every alias (strong, weak, original script) of every entity. */
export function allNames(entities: readonly Entity[]): IndexedName[] {
  const out: IndexedName[] = [];
  for (const e of entities) {
    const seen = new Set<string>();
    for (const name of [e.name, ...e.aliases.map((a) => a.name)]) {
      const n = name.trim();
      if (n && !seen.has(n)) {
        seen.add(n);
        out.push({ entityId: e.id, name: n });
      }
    }
  }
  return out;
}

/** Keeps the best-scoring hit per entity, best first; `higherIsBetter` is false for distance-like scores. */
export function bestPerEntity(hits: Iterable<Hit>, higherIsBetter = true): Hit[] {
  const best = new Map<string, Hit>();
  for (const h of hits) {
    const prev = best.get(h.entityId);
    if (!prev || (higherIsBetter ? h.score > prev.score : h.score < prev.score)) best.set(h.entityId, h);
  }
  return [...best.values()].sort((a, b) => (higherIsBetter ? b.score - a.score : a.score - b.score));
}
