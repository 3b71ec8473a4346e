// Public surface of the screening engine. PLACEHOLDER: the real engine is being written; this naive
// exact-token version exists only so that other capabilities can compile against the contract.
import type { Entity } from "../watchlists/model.js";
import type { Screener, ScreenerOptions, ScreeningQuery, ScreeningResult, Thresholds } from "./types.js";

export type * from "./types.js";

export function createScreener(entities: readonly Entity[], options: ScreenerOptions = {}): Screener {
  const thresholds: Thresholds = { refer: 0.7, report: 0.5, ...options.thresholds };
  const screen = (q: ScreeningQuery): ScreeningResult => {
    const qn = (q.name ?? [q.firstName, q.middleName, q.lastName].filter(Boolean).join(" ")).toLowerCase();
    const matches = entities
      .filter((e) => e.name.toLowerCase() === qn)
      .map((e) => ({
        entityId: e.id,
        sourceRef: e.sourceRef,
        list: e.list,
        name: e.name,
        score: 1,
        decision: "refer" as const,
        explanation: {
          queryName: qn,
          matchedName: e.name,
          matchedNameKind: "primary" as const,
          nameScore: 1,
          alignment: [],
          unmatchedQuery: [],
          unmatchedCandidate: [],
          features: [],
        },
      }));
    return { matches };
  };
  return { size: entities.length, thresholds, screen, screenBatch: (qs) => qs.map(screen) };
}
