// Transliteration cross-validation (issue 14), per script (Arabic, Cyrillic, Hebrew):
// - 5 folds, split by Latin name (the first byte of its sha256, mod 5);
// - costs learned on 4 folds (bench/translit-train.ts), evaluated on the fifth;
// - from the evaluated fold, with a fixed seed, 200 query pairs (count ≥ 2, distinct Latin names) and
//   1,000 distinct Latin candidates that include their 200 right ones;
// - each native-script query is scored against every candidate with `compareNames`.
// Reported: top-1 and top-10 (the right Latin name ranked first, or in the first 10; equal scores are
// ordered by a seeded shuffle of the candidates, not in the right one's favour), and the share of
// wrong pairs scoring at or above `refer`. "rules" is the engine without learned costs.
//   npx tsx bench/translit-cv.ts [--quick]
import { createHash } from "node:crypto";
import { compareNames, DEFAULT_THRESHOLDS } from "../src/screening/index.js";
import { type LearnedScript, swapTranslitModel, type TranslitModel } from "../src/screening/learned.js";
import { prng } from "../test/support/prng.js";
import { fixed, pct, renderTable } from "./table.js";
import { readTranslitPairs, type TranslitPair, trainScript } from "./translit-train.js";

const FOLDS = 5;
const SEED = 14;

export interface CvFigures {
  queries: number;
  top1: number;
  top10: number;
  wrongPairs: number;
  wrongAtRefer: number;
}

export interface TranslitCvResult {
  script: LearnedScript;
  rules: CvFigures;
  learned: CvFigures;
}

const foldOf = (latin: string) => createHash("sha256").update(latin, "utf8").digest()[0]! % FOLDS;

function shuffled<T>(xs: readonly T[], rand: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The 200 queries and 1,000 candidates of one evaluated fold. */
function sampleFold(pairs: readonly TranslitPair[], queries: number, candidates: number, seed: number) {
  const rand = prng(seed);
  const byLatin = new Map<string, TranslitPair>();
  for (const p of shuffled(pairs, rand)) if (p.count >= 2 && !byLatin.has(p.latin)) byLatin.set(p.latin, p);
  const chosen = [...byLatin.values()].slice(0, queries);
  const right = new Set(chosen.map((p) => p.latin));
  const others = shuffled(
    [...new Set(pairs.map((p) => p.latin))].filter((l) => !right.has(l)),
    rand,
  );
  const pool = shuffled([...right, ...others.slice(0, candidates - right.size)], rand);
  return { chosen, pool };
}

function evaluate(chosen: readonly TranslitPair[], pool: readonly string[]): CvFigures {
  const refer = DEFAULT_THRESHOLDS.refer;
  const f: CvFigures = { queries: chosen.length, top1: 0, top10: 0, wrongPairs: 0, wrongAtRefer: 0 };
  for (const q of chosen) {
    const scores = pool.map((l) => compareNames(q.native, l));
    const at = pool.indexOf(q.latin);
    const own = scores[at]!;
    // Rank: candidates scoring higher, and equal ones placed before it in the shuffled pool.
    let rank = 1;
    scores.forEach((s, i) => {
      if (i === at) return;
      if (s > own || (s === own && i < at)) rank++;
      f.wrongPairs++;
      if (s >= refer) f.wrongAtRefer++;
    });
    if (rank === 1) f.top1++;
    if (rank <= 10) f.top10++;
  }
  return f;
}

const add = (a: CvFigures, b: CvFigures): CvFigures => ({
  queries: a.queries + b.queries,
  top1: a.top1 + b.top1,
  top10: a.top10 + b.top10,
  wrongPairs: a.wrongPairs + b.wrongPairs,
  wrongAtRefer: a.wrongAtRefer + b.wrongAtRefer,
});
const empty = (): CvFigures => ({ queries: 0, top1: 0, top10: 0, wrongPairs: 0, wrongAtRefer: 0 });

/** Runs the protocol for one script; `queries`/`candidates` are 200/1,000 except in a quick run. */
export function crossValidate(script: LearnedScript, queries = 200, candidates = 1000): TranslitCvResult {
  const pairs = readTranslitPairs(script);
  let rules = empty();
  let learned = empty();
  for (let fold = 0; fold < FOLDS; fold++) {
    const held = pairs.filter((p) => foldOf(p.latin) === fold);
    const train = pairs.filter((p) => foldOf(p.latin) !== fold);
    // Only the Wikidata pairs carry a count ≥ 2, so the queries never come from the uncounted ar2en file.
    const { chosen, pool } = sampleFold(held, queries, candidates, SEED + fold);
    const none: TranslitModel = { version: "none", scripts: {} };
    const fromTraining: TranslitModel = {
      version: `fold ${fold}`,
      scripts: { [script]: trainScript(train) },
    };
    const previous = swapTranslitModel(none);
    try {
      rules = add(rules, evaluate(chosen, pool));
      swapTranslitModel(fromTraining);
      learned = add(learned, evaluate(chosen, pool));
    } finally {
      swapTranslitModel(previous);
    }
  }
  return { script, rules, learned };
}

/** Issue 14's targets per script: top-1, and top-10 ≥ 98% and wrong pairs at refer ≤ 0.1% for all. */
export const TRANSLIT_TARGETS: Record<LearnedScript, number> = { cyrillic: 0.95, arabic: 0.92, hebrew: 0.85 };

export function translitReport(results: readonly TranslitCvResult[]): string {
  const rows = results.flatMap((r) =>
    (["rules", "learned"] as const).map((k) => {
      const f = r[k];
      return [
        `${r.script}, ${k === "rules" ? "rules only" : "learned costs"}`,
        f.queries,
        pct(f.top1 / f.queries),
        pct(f.top10 / f.queries),
        `${pct(f.wrongAtRefer / f.wrongPairs, 3)} (${f.wrongAtRefer}/${f.wrongPairs})`,
        k === "learned" ? `≥ ${pct(TRANSLIT_TARGETS[r.script], 0)} / ≥ 98% / ≤ 0.1%` : "",
      ];
    }),
  );
  return renderTable(
    "6. Transliteration cross-validation: 5 folds by Latin name, 200 queries × 1,000 candidates per fold",
    ["script", "queries", "top-1", "top-10", "wrong pairs ≥ refer", "target (top-1 / top-10 / wrong)"],
    rows,
  ).concat(`\nrefer = ${fixed(DEFAULT_THRESHOLDS.refer, 2)}; compareNames on every query × candidate pair\n`);
}

if (process.argv[1]?.endsWith("translit-cv.ts")) {
  const quick = process.argv.includes("--quick");
  const results = (["arabic", "cyrillic", "hebrew"] as const).map((s) =>
    quick ? crossValidate(s, 40, 200) : crossValidate(s),
  );
  process.stdout.write(`${translitReport(results)}\n`);
}
