// Disclosure control for published counts: tables of population and hits per group in one or more
// dimensions (nationality, sex…) over nested time windows. Pure, and shared: the fairness report uses it
// with a minimum cell of 20, the regional statistics exchange with 10. A group under the minimum in any
// window is withheld in every window (so windows cannot be subtracted), and more groups are withheld
// (complementary suppression) until, with every published figure at once, each withheld count still has at
// least `minRange` possible values. Where even that cannot hold, the hit counts are withheld altogether.
import { type Interval, type Linear, propagate } from "./solve.js";

export interface Counts {
  population: number;
  hits: number;
}

/** One time window: the total and, per dimension, the counts of each group. Windows nest, narrowest first. */
export interface WindowCounts {
  total: Counts;
  dimensions: Record<string, Record<string, Counts>>;
}

export interface DisclosureOptions {
  minCell: number;
  /** The fewest values a withheld count may still take; 5 unless said otherwise. */
  minRange?: number;
}

export interface Disclosure {
  /** Per dimension, the groups withheld in every window. */
  withheld: Record<string, string[]>;
  /** No hit count is published at all (too few hits for any breakdown to stay safe). */
  hitsWithheld: boolean;
}

/** The figures published under a disclosure: what anyone outside sees. */
export interface Published {
  windows: {
    total: { population: number; hits: number | null };
    dimensions: Record<string, Record<string, { population: number; hits: number | null }>>;
  }[];
  withheld: Record<string, string[]>;
}

export function publish(windows: readonly WindowCounts[], d: Disclosure): Published {
  return {
    windows: windows.map((w) => ({
      total: { population: w.total.population, hits: d.hitsWithheld ? null : w.total.hits },
      dimensions: Object.fromEntries(
        Object.entries(w.dimensions).map(([dim, groups]) => [
          dim,
          Object.fromEntries(
            Object.entries(groups)
              .filter(([g]) => !d.withheld[dim]?.includes(g))
              .map(([g, c]) => [g, { population: c.population, hits: d.hitsWithheld ? null : c.hits }]),
          ),
        ]),
      ),
    })),
    withheld: d.withheld,
  };
}

const key = (w: number, dim: string, g: string, what: "p" | "h") => `${w}|${dim}|${g}|${what}`;

/**
 * The feasible range of every withheld count, as someone holding all published figures can bound it:
 * keys `window|dimension|group|p` (population) and `…|h` (hits).
 */
export function withheldRanges(pub: Published): Map<string, Interval> {
  const box = new Map<string, Interval>();
  const constraints: Linear[] = [];
  for (const [w, win] of pub.windows.entries()) {
    for (const [dim, groups] of Object.entries(pub.withheld)) {
      const shown = win.dimensions[dim] ?? {};
      const hidden = groups.filter((g) => !(g in shown));
      for (const g of hidden) {
        box.set(key(w, dim, g, "p"), { lo: 0, hi: win.total.population });
        box.set(key(w, dim, g, "h"), { lo: 0, hi: win.total.population });
        // Hits are people of the group: no more hits than population.
        constraints.push({
          terms: [
            [key(w, dim, g, "h"), 1],
            [key(w, dim, g, "p"), -1],
          ],
          bound: 0,
        });
      }
      const sum = (what: "p" | "h", total: number, shownSum: number) =>
        constraints.push({
          terms: hidden.map((g) => [key(w, dim, g, what), 1] as const),
          bound: total - shownSum,
          equal: true,
        });
      sum(
        "p",
        win.total.population,
        Object.values(shown).reduce((n, c) => n + c.population, 0),
      );
      if (win.total.hits !== null)
        sum(
          "h",
          win.total.hits,
          Object.values(shown).reduce((n, c) => n + (c.hits ?? 0), 0),
        );
      if (w === 0) continue;
      // The narrower window holds a subset of the wider one's travellers, and of its hits.
      for (const g of hidden) {
        const [p0, h0, p1, h1] = [
          key(w - 1, dim, g, "p"),
          key(w - 1, dim, g, "h"),
          key(w, dim, g, "p"),
          key(w, dim, g, "h"),
        ];
        constraints.push({
          terms: [
            [p0, 1],
            [p1, -1],
          ],
          bound: 0,
        });
        constraints.push({
          terms: [
            [h0, 1],
            [h1, -1],
          ],
          bound: 0,
        });
        constraints.push({
          terms: [
            [h1, 1],
            [h0, -1],
            [p1, -1],
            [p0, 1],
          ],
          bound: 0,
        });
      }
    }
  }
  return propagate(box, constraints);
}

/**
 * The first withheld count that can be narrowed too far. A window of fewer than `minRange` persons is
 * passed over: no count in it can have `minRange` possible values, whatever is withheld.
 */
function narrowest(pub: Published, minRange: number): { dim: string; hits: boolean } | undefined {
  for (const [k, r] of withheldRanges(pub)) {
    const [w, dim, , what] = k.split("|") as [string, string, string, string];
    const win = pub.windows[Number(w)]!;
    if (win.total.population < minRange) continue;
    // A dimension of one group: its population is the published total, nothing to withhold it against.
    const alone = Object.keys(win.dimensions[dim] ?? {}).length === 0 && pub.withheld[dim]?.length === 1;
    if (alone && what === "p") continue;
    if (r.hi - r.lo + 1 < minRange) return { dim, hits: what === "h" };
  }
  return undefined;
}

/** Which groups to withhold so that no withheld count can be narrowed to fewer than `minRange` values. */
export function disclosureControl(windows: readonly WindowCounts[], opts: DisclosureOptions): Disclosure {
  const minRange = opts.minRange ?? 5;
  const dims = [...new Set(windows.flatMap((w) => Object.keys(w.dimensions)))];
  const withheld: Record<string, string[]> = {};
  for (const dim of dims) {
    const groups = [...new Set(windows.flatMap((w) => Object.keys(w.dimensions[dim] ?? {})))];
    withheld[dim] = groups.filter((g) =>
      windows.some((w) => (w.dimensions[dim]?.[g]?.population ?? 0) < opts.minCell),
    );
  }
  const d: Disclosure = { withheld, hitsWithheld: false };
  for (;;) {
    const bad = narrowest(publish(windows, d), minRange);
    if (!bad) return d;
    // Complementary suppression: withhold the smallest group still shown in that dimension; when a hit
    // count is too narrow, the smallest with enough hits to widen it.
    const widest = windows.at(-1)!.dimensions[bad.dim] ?? {};
    const candidates = Object.entries(widest)
      .filter(([g]) => !withheld[bad.dim]!.includes(g))
      .sort((a, b) => a[1].population - b[1].population || a[0].localeCompare(b[0]));
    const next = (bad.hits && candidates.find(([, c]) => c.hits >= minRange - 1)) || candidates[0];
    if (next) withheld[bad.dim]!.push(next[0]);
    else if (bad.hits && !d.hitsWithheld) d.hitsWithheld = true;
    else return d;
  }
}
