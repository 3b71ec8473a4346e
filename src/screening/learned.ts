// Learned transliteration costs: a weighted edit distance per script between a native-script name part,
// as romanised by translit.ts, and a Latin spelling. The costs are learned from Wikidata and Wikipedia
// name pairs by tools/translit/train.ts (never from the benchmark lists) and committed as a small table,
// translit-costs.ts, so the engine stays pure.

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

/** A script's costs as dense tables over character codes below 128 (romanised and folded parts are ASCII). */
interface Compiled {
  sub: Float64Array;
  del: Float64Array;
  ins: Float64Array;
}

const compiledCache = new WeakMap<ScriptCosts, Compiled>();

function compile(costs: ScriptCosts): Compiled {
  let c = compiledCache.get(costs);
  if (c) return c;
  c = {
    sub: new Float64Array(128 * 128).fill(costs.unseen),
    del: new Float64Array(128).fill(costs.unseen),
    ins: new Float64Array(128).fill(costs.unseen),
  };
  for (const [k, v] of Object.entries(costs.sub))
    c.sub[(k.charCodeAt(0) & 127) * 128 + (k.charCodeAt(1) & 127)] = v;
  for (const [k, v] of Object.entries(costs.del)) c.del[k.charCodeAt(0) & 127] = v;
  for (const [k, v] of Object.entries(costs.ins)) c.ins[k.charCodeAt(0) & 127] = v;
  compiledCache.set(costs, c);
  return c;
}

let prevRow = new Float64Array(64);
let curRow = new Float64Array(64);

/** Minimum total cost of writing the romanised native part `a` as the Latin part `b`. */
export function weightedDistance(costs: ScriptCosts, a: string, b: string): number {
  const { sub, del, ins } = compile(costs);
  const n = a.length;
  const m = b.length;
  if (m + 1 > prevRow.length) {
    prevRow = new Float64Array(2 * m + 2);
    curRow = new Float64Array(2 * m + 2);
  }
  let prev = prevRow;
  let cur = curRow;
  prev[0] = 0;
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1]! + ins[b.charCodeAt(j - 1) & 127]!;
  for (let i = 1; i <= n; i++) {
    const ai = a.charCodeAt(i - 1) & 127;
    const d = del[ai]!;
    cur[0] = prev[0]! + d;
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1) & 127;
      cur[j] = Math.min(prev[j - 1]! + sub[ai * 128 + bj]!, prev[j]! + d, cur[j - 1]! + ins[bj]!);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m]!;
}

/** Similarity at the learned refer cost: pairs below it are no better than chance, above it aligned. */
const AT_REFER = 0.75;
const BEST = 0.95;

/**
 * Similarity of a native-script part (romanised) and a Latin part under the learned costs, or 0 when
 * the script has no table. Cost per letter is mapped linearly: 0 → 0.95, the refer cost → 0.75.
 */
export function learnedSimilarity(script: string, romanised: string, latin: string): number {
  const costs = active.scripts[script as LearnedScript];
  if (!costs || romanised.length === 0 || latin.length === 0) return 0;
  const perLetter = weightedDistance(costs, romanised, latin) / Math.max(romanised.length, latin.length);
  const sim = BEST - ((BEST - AT_REFER) * perLetter) / costs.referCost;
  return sim >= 0.7 ? Math.min(BEST, sim) : 0;
}
