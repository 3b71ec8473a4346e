// Learned transliteration costs: a weighted edit distance per script between a native-script name part,
// as romanised by translit.ts, and a Latin spelling. The costs are learned from Wikidata and Wikipedia
// name pairs by bench/translit-train.ts (never from the benchmark lists) and committed as a small table,
// translit-costs.ts, so the engine stays pure.
//
// Besides one letter for one letter, an operation may rewrite up to two romanised letters as up to two
// Latin ones ("kh" → "h", "u" → "ou", "iy" → "i"): romanisation systems differ in digraphs, which a
// letter-by-letter cost can only price as a substitution plus an insertion.

import { TRANSLIT_COSTS } from "./translit-costs.js";
import type { LearnedScript, ScriptCosts, TranslitModel } from "./translit-model.js";

export {
  LEARNED_SCRIPTS,
  type LearnedScript,
  type ScriptCosts,
  type TranslitModel,
} from "./translit-model.js";

let active: TranslitModel = TRANSLIT_COSTS;

/**
 * Swaps the model the comparer uses and returns the previous one. For training and cross-validation
 * only (a fold's table is evaluated on the held-out fold); the engine otherwise uses the committed table.
 */
export function swapTranslitModel(model: TranslitModel): TranslitModel {
  const previous = active;
  active = model;
  return previous;
}

/** Code of a unit of 0–2 ASCII letters: 0 is empty, 1–127 one letter, above that two letters. */
export const unitCode = (s: string): number =>
  s.length === 0
    ? 0
    : s.length === 1
      ? s.charCodeAt(0) & 127
      : 128 + (s.charCodeAt(0) & 127) * 128 + (s.charCodeAt(1) & 127);
const UNITS = 128 + 128 * 128;
/** Key of a multi-letter operation from the codes of its two sides. */
export const opKey = (from: number, to: number): number => from * UNITS + to;

/** A script's costs as dense tables over character codes below 128 (romanised and folded parts are ASCII). */
export interface Compiled {
  sub: Float64Array;
  del: Float64Array;
  ins: Float64Array;
  multi: Map<number, number>;
}

const compiledCache = new WeakMap<ScriptCosts, Compiled>();

export function compile(costs: ScriptCosts): Compiled {
  let c = compiledCache.get(costs);
  if (c) return c;
  c = {
    sub: new Float64Array(128 * 128).fill(costs.unseen),
    del: new Float64Array(128).fill(costs.unseen),
    ins: new Float64Array(128).fill(costs.unseen),
    multi: new Map(),
  };
  for (const [k, v] of Object.entries(costs.sub))
    c.sub[(k.charCodeAt(0) & 127) * 128 + (k.charCodeAt(1) & 127)] = v;
  for (const [k, v] of Object.entries(costs.del)) c.del[k.charCodeAt(0) & 127] = v;
  for (const [k, v] of Object.entries(costs.ins)) c.ins[k.charCodeAt(0) & 127] = v;
  for (const [k, v] of Object.entries(costs.multi ?? {})) {
    const [from, to] = k.split(">") as [string, string];
    c.multi.set(opKey(unitCode(from), unitCode(to)), v);
  }
  compiledCache.set(costs, c);
  return c;
}

/** Prices a multi-letter operation by its key (the trainer prices ones its table has not seen yet). */
export type MultiCost = (key: number) => number;

/** Unit lengths [romanised, Latin] of the operations: sub, del, ins, one → two, two → 0, 1 or 2. */
export const STEPS: readonly (readonly [number, number])[] = [
  [1, 1],
  [1, 0],
  [0, 1],
  [1, 2],
  [2, 0],
  [2, 1],
  [2, 2],
];

/** Cost of operation `k` of STEPS ending at cell (i, j), or Infinity where it does not fit. */
export function stepCost(
  t: Compiled,
  multi: MultiCost | undefined,
  a: string,
  b: string,
  i: number,
  j: number,
  k: number,
): number {
  const [da, db] = STEPS[k]!;
  if (i < da || j < db || (k >= 3 && !multi)) return Number.POSITIVE_INFINITY;
  const ai = a.charCodeAt(i - 1) & 127;
  const bj = b.charCodeAt(j - 1) & 127;
  if (k === 0) return t.sub[ai * 128 + bj]!;
  if (k === 1) return t.del[ai]!;
  if (k === 2) return t.ins[bj]!;
  return multi!(opKey(unitCode(a.slice(i - da, i)), unitCode(b.slice(j - db, j))));
}

let table = new Float64Array(1024);

/**
 * Fills the alignment table of `a` and `b` (row-major, width b.length + 1) and returns it. Inlined on
 * purpose: the comparer runs it for every native-script part against every Latin candidate part.
 */
export function alignmentTable(
  t: Compiled,
  multi: MultiCost | undefined,
  a: string,
  b: string,
): Float64Array {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  if ((n + 1) * w > table.length) table = new Float64Array(2 * (n + 1) * w);
  const d = table;
  const { sub, del, ins } = t;
  d[0] = 0;
  for (let j = 1; j <= m; j++) d[j] = d[j - 1]! + ins[b.charCodeAt(j - 1) & 127]!;
  for (let i = 1; i <= n; i++) {
    const ai = a.charCodeAt(i - 1) & 127;
    const a2 = i > 1 ? 128 + (a.charCodeAt(i - 2) & 127) * 128 + ai : -1;
    const row = i * w;
    d[row] = d[row - w]! + del[ai]!;
    if (multi && a2 >= 0) d[row] = Math.min(d[row]!, d[row - 2 * w]! + multi(opKey(a2, 0)));
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1) & 127;
      let best = Math.min(
        d[row - w + j - 1]! + sub[ai * 128 + bj]!,
        d[row - w + j]! + del[ai]!,
        d[row + j - 1]! + ins[bj]!,
      );
      if (multi) {
        const b2 = j > 1 ? 128 + (b.charCodeAt(j - 2) & 127) * 128 + bj : -1;
        if (b2 >= 0) best = Math.min(best, d[row - w + j - 2]! + multi(opKey(ai, b2)));
        if (a2 >= 0) {
          const up2 = row - 2 * w + j;
          best = Math.min(best, d[up2]! + multi(opKey(a2, 0)), d[up2 - 1]! + multi(opKey(a2, bj)));
          if (b2 >= 0) best = Math.min(best, d[up2 - 2]! + multi(opKey(a2, b2)));
        }
      }
      d[row + j] = best;
    }
  }
  return d;
}

const multiOf = (t: Compiled, costs: ScriptCosts): MultiCost | undefined =>
  t.multi.size > 0 ? (k) => t.multi.get(k) ?? costs.unseen : undefined;

/** Minimum total cost of writing the romanised native part `a` as the Latin part `b`. */
export function weightedDistance(costs: ScriptCosts, a: string, b: string): number {
  const t = compile(costs);
  return alignmentTable(t, multiOf(t, costs), a, b)[a.length * (b.length + 1) + b.length]!;
}

/** Similarity at the learned refer cost: pairs below it are no better than chance, above it aligned. */
const AT_REFER = 0.75;
/** The similarity of a pair that costs nothing under the learned table. */
export const LEARNED_BEST = 0.95;

/** Whether the active model has costs for the script. */
export function hasLearnedCosts(script: string): boolean {
  return active.scripts[script as LearnedScript] !== undefined;
}

/**
 * Similarity of a native-script part (romanised) and a Latin part under the learned costs, or 0 when
 * the script has no table. Cost per letter is mapped linearly: 0 → 0.95, the refer cost → 0.75.
 */
export function learnedSimilarity(script: string, romanised: string, latin: string): number {
  const costs = active.scripts[script as LearnedScript];
  if (!costs || romanised.length === 0 || latin.length === 0) return 0;
  const perLetter = weightedDistance(costs, romanised, latin) / Math.max(romanised.length, latin.length);
  const sim = LEARNED_BEST - ((LEARNED_BEST - AT_REFER) * perLetter) / costs.referCost;
  return sim >= 0.7 ? Math.min(LEARNED_BEST, sim) : 0;
}
