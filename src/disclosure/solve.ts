// What someone holding every published figure at once can work out about a withheld one: each withheld
// count's feasible range, by bound propagation over the linear constraints the figures impose (sums per
// table, hits within population, nested time windows). Pure. Propagation may leave a range wider than the
// exact one only where constraints interlock; for the tables this module publishes (one sum per margin,
// nesting between windows) it is what the checks below rely on.

export interface Interval {
  lo: number;
  hi: number;
}

/** Σ coef·x  ≤ bound (or = bound), coefficients ±1. */
export interface Linear {
  terms: readonly (readonly [string, 1 | -1])[];
  bound: number;
  equal?: boolean;
}

function tighten(c: Linear, sign: 1 | -1, box: Map<string, Interval>): boolean {
  // sign·(Σ coef·x) ≤ sign·bound; an equality is both directions.
  let changed = false;
  const min = (v: string, coef: number) => {
    const b = box.get(v)!;
    return coef > 0 ? b.lo : -b.hi;
  };
  const mins = c.terms.map(([v, k]) => min(v, sign * k));
  const total = mins.reduce((a, b) => a + b, 0);
  for (const [i, [v, k]] of c.terms.entries()) {
    const coef = sign * k;
    const rest = total - mins[i]!;
    const b = box.get(v)!;
    const limit = sign * c.bound - rest;
    if (coef > 0 && limit < b.hi) {
      b.hi = limit;
      changed = true;
    } else if (coef < 0 && -limit > b.lo) {
      b.lo = -limit;
      changed = true;
    }
  }
  return changed;
}

/** Bounds of every variable, from starting boxes and the constraints; empty if inconsistent. */
export function propagate(
  start: ReadonlyMap<string, Interval>,
  constraints: readonly Linear[],
): Map<string, Interval> {
  const box = new Map([...start].map(([k, v]) => [k, { ...v }]));
  for (let round = 0; round < 200; round++) {
    let changed = false;
    for (const c of constraints) {
      if (tighten(c, 1, box)) changed = true;
      if (c.equal && tighten(c, -1, box)) changed = true;
    }
    if (!changed) break;
  }
  return box;
}
