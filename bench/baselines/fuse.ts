// Baseline (a): fuse.js, the npm default for fuzzy search, over every primary name and alias.
import Fuse, { type IFuseOptions } from "fuse.js";
import type { Entity } from "../../src/watchlists/model.js";
import { queryName } from "../data.js";
import { allNames, bestPerEntity, type IndexedName, type ScreeningSystem } from "../systems.js";

/**
 * Candidates come from Fuse's `threshold` 0.3 (stricter than its 0.6 default, which returns most of the
 * list for a two-token name); a candidate is referred when its Fuse score (0 = perfect) is ≤ 0.2.
 * `ignoreLocation` is on because where a name starts inside another says nothing about identity.
 */
export const FUSE_OPTIONS: IFuseOptions<IndexedName> = {
  keys: ["name"],
  includeScore: true,
  threshold: 0.3,
  ignoreLocation: true,
};
export const FUSE_REFER_MAX_SCORE = 0.2;

export function fuseBaseline(entities: readonly Entity[]): ScreeningSystem {
  const fuse = new Fuse<IndexedName>(allNames(entities), FUSE_OPTIONS);
  return {
    name: "fuse.js",
    referRule: `best Fuse score ≤ ${FUSE_REFER_MAX_SCORE} (threshold ${FUSE_OPTIONS.threshold}, ignoreLocation)`,
    screen(q) {
      const results = fuse.search(queryName(q), { limit: 50 });
      const hits = bestPerEntity(
        results.map((r) => {
          const score = r.score ?? 1;
          return { entityId: r.item.entityId, score, refer: score <= FUSE_REFER_MAX_SCORE };
        }),
        false,
      );
      return hits.slice(0, 10);
    },
  };
}
