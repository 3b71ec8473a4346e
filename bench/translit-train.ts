// Learns the transliteration costs of src/screening/learned.ts from the training pairs in
// data/real/bench/translit/ (Wikidata and Wikipedia names; see its README). Rerunnable:
//   npx tsx bench/translit-train.ts        → rewrites src/screening/translit-costs.ts
// The cross-validation section (bench/translit-cv.ts) calls `trainModel` on four folds at a time.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  alignmentTable,
  type Compiled,
  compile,
  type LearnedScript,
  type MultiCost,
  opKey,
  type ScriptCosts,
  STEPS,
  stepCost,
  type TranslitModel,
  unitCode,
  weightedDistance,
} from "../src/screening/learned.js";
import { tokenizeName } from "../src/screening/tokens.js";
import { REPO_ROOT, realData } from "../test/support/paths.js";
import { prng } from "../test/support/prng.js";

export interface TranslitPair {
  native: string;
  latin: string;
  count: number;
  /** The romanised native part and the folded Latin part, as the comparer sees them. */
  romanised: string;
  folded: string;
}

const FILES: Record<LearnedScript, { file: string; counted: boolean }[]> = {
  arabic: [
    { file: "wd-arabic-train.tsv", counted: true },
    { file: "ar2en-train.tsv", counted: false },
  ],
  cyrillic: [{ file: "wd-russian-train.tsv", counted: true }],
  hebrew: [{ file: "wd-hebrew-train.tsv", counted: true }],
};

/** One name part on each side, as the tokenizer reads it; pairs it splits (al-, abd) are left out. */
function toPair(
  native: string,
  latin: string,
  count: number,
  script: LearnedScript,
): TranslitPair | undefined {
  const n = tokenizeName(native);
  const l = tokenizeName(latin);
  if (n.length !== 1 || l.length !== 1 || n[0]!.script !== script || l[0]!.script !== "latin")
    return undefined;
  return { native, latin, count, romanised: n[0]!.norm, folded: l[0]!.norm };
}

/** The training pairs of a script: Wikidata files carry a count, ar2en pairs count once. */
export function readTranslitPairs(script: LearnedScript): TranslitPair[] {
  const out: TranslitPair[] = [];
  for (const { file, counted } of FILES[script]) {
    for (const line of readFileSync(realData("bench", "translit", file), "utf8").split("\n")) {
      const cols = line.split("\t");
      if (cols.length < 2) continue;
      const [native, latin, count] = counted
        ? [cols[1]!.replaceAll(" ", ""), cols[0]!, Number(cols[2] ?? 1)]
        : [cols[0]!, cols[1]!, 1];
      const p = toPair(native, latin, count, script);
      if (p) out.push(p);
    }
  }
  return out;
}

const bump = (m: Map<number, number>, k: number, w: number) => m.set(k, (m.get(k) ?? 0) + w);

/**
 * Costs before any training: keeping a letter is free, adding a vowel is cheap (Arabic and Hebrew do not
 * write short vowels, and romanisations differ most in vowels), anything else costs more.
 */
function initialCosts(): ScriptCosts {
  const sub: Record<string, number> = {};
  for (let c = 97; c <= 122; c++) sub[String.fromCharCode(c, c)] = 0;
  const ins: Record<string, number> = { a: 1, e: 1, i: 1, o: 1, u: 1, y: 1.5 };
  return { sub, del: {}, ins, unseen: 3, referCost: 1 };
}

/** Operation counts of the Viterbi alignments, keyed by `opKey(from, to)` of unit codes. */
interface AlignCounts {
  ops: Map<number, number>;
  /** Alignment units starting with each romanised letter: what sub, del and multi costs are shares of. */
  from: Float64Array;
  latinLetters: number;
}

/** Viterbi alignment of one pair under the current costs; adds its operations to the counts. */
function countAlignment(
  t: Compiled,
  multi: MultiCost | undefined,
  a: string,
  b: string,
  w: number,
  c: AlignCounts,
): void {
  const d = alignmentTable(t, multi, a, b);
  const width = b.length + 1;
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    const here = d[i * width + j]!;
    // The operation that reached this cell: the same sum as the table's, so equality is exact.
    const k = STEPS.findIndex(
      ([da, db], k) =>
        i >= da && j >= db && d[(i - da) * width + j - db]! + stepCost(t, multi, a, b, i, j, k) === here,
    );
    const [da, db] = STEPS[k]!;
    const from = a.slice(i - da, i);
    bump(c.ops, opKey(unitCode(from), unitCode(b.slice(j - db, j))), w);
    if (da > 0) c.from[from.charCodeAt(0) & 127]! += w;
    i -= da;
    j -= db;
  }
  c.latinLetters += w * b.length;
}

const unitOf = (code: number): string =>
  code === 0
    ? ""
    : code < 128
      ? String.fromCharCode(code)
      : String.fromCharCode((code - 128) >> 7, (code - 128) & 127);

/** Costs as −ln of the smoothed share of each operation; rounded, and unseen ones left out. */
function costsFrom(c: AlignCounts): ScriptCosts {
  const unseen = 8;
  const cost = (k: number, total: number) => Math.round(-Math.log((k + 0.1) / (total + 1)) * 100) / 100;
  const out: Required<Pick<ScriptCosts, "sub" | "del" | "ins" | "multi">> = {
    sub: {},
    del: {},
    ins: {},
    multi: {},
  };
  const units = 128 + 128 * 128;
  for (const [key, k] of [...c.ops].sort((x, y) => x[0] - y[0])) {
    const from = unitOf(Math.floor(key / units));
    const to = unitOf(key % units);
    const v = from === "" ? cost(k, c.latinLetters) : cost(k, c.from[from.charCodeAt(0) & 127]!);
    // Operations as rare as the unseen ones are left out of the table, and so are multi-letter ones
    // seen less than twice (one noisy pair): it stays small.
    if (v >= unseen) continue;
    if (from.length === 1 && to.length === 1) out.sub[from + to] = v;
    else if (to === "" && from.length === 1) out.del[from] = v;
    else if (from === "") out.ins[to] = v;
    else if (k >= 2) out.multi[`${from}>${to}`] = v;
  }
  return { ...out, unseen, referCost: 1 };
}

const LETTER_ROUNDS = 3;
const ROUNDS = 6;
/** Cost of a multi-letter operation in its first round: dearer than a likely letter, cheaper than two edits. */
const MULTI_START = 3;

/** Share of wrong pairs a table may bring to `refer` on its own training data (the target is 0.1%). */
const WRONG_AT_REFER = 0.0003;

/** Learns one script's costs from pairs: four rounds of hard EM, then the refer cost from wrong pairs. */
export function trainScript(pairs: readonly TranslitPair[], seed = 14): ScriptCosts {
  let costs = initialCosts();
  // Letter-by-letter rounds first; then multi-letter operations join, each priced at MULTI_START until
  // the alignments have counted it.
  for (let round = 0; round < ROUNDS; round++) {
    const t = compile(costs);
    const multi: MultiCost | undefined =
      round < LETTER_ROUNDS
        ? undefined
        : (k) => t.multi.get(k) ?? (round === LETTER_ROUNDS ? MULTI_START : costs.unseen);
    const c: AlignCounts = { ops: new Map(), from: new Float64Array(128), latinLetters: 0 };
    for (const p of pairs) countAlignment(t, multi, p.romanised, p.folded, 1 + Math.log(p.count), c);
    const next = costsFrom(c);
    // The letter operations keep their letter-round costs: in the later rounds the multi-letter ones
    // would take their counts (d → de instead of d, then e), and a spelling no multi-letter operation
    // covers would then pay the unseen cost for every vowel it adds.
    costs = round < LETTER_ROUNDS ? next : { ...costs, multi: next.multi };
  }
  const rand = prng(seed);
  const wrong: number[] = [];
  for (let k = 0; k < 20_000 && pairs.length > 1; k++) {
    const a = pairs[Math.floor(rand() * pairs.length)]!;
    const b = pairs[Math.floor(rand() * pairs.length)]!;
    if (a.folded === b.folded) continue;
    wrong.push(perLetterCost(costs, a.romanised, b.folded));
  }
  wrong.sort((x, y) => x - y);
  costs.referCost = Math.round((wrong[Math.floor(wrong.length * WRONG_AT_REFER)] ?? 1) * 1000) / 1000;
  return costs;
}

function perLetterCost(costs: ScriptCosts, a: string, b: string): number {
  return weightedDistance(costs, a, b) / Math.max(a.length, b.length);
}

export function trainModel(
  pairs: Record<LearnedScript, readonly TranslitPair[]>,
  version: string,
): TranslitModel {
  return {
    version,
    scripts: {
      arabic: trainScript(pairs.arabic),
      cyrillic: trainScript(pairs.cyrillic),
      hebrew: trainScript(pairs.hebrew),
    },
  };
}

function main(): void {
  const scripts = ["arabic", "cyrillic", "hebrew"] as const;
  const pairs = Object.fromEntries(scripts.map((s) => [s, readTranslitPairs(s)])) as Record<
    LearnedScript,
    TranslitPair[]
  >;
  const model = trainModel(
    pairs,
    `translit-costs v3, multi-letter, Hebrew alef, ayin and vav kept (${scripts.map((s) => `${s} ${pairs[s].length}`).join(", ")} pairs)`,
  );
  const out = join(REPO_ROOT, "src", "screening", "translit-costs.ts");
  writeFileSync(
    out,
    "// Generated by bench/translit-train.ts from data/real/bench/translit/ (Wikidata, Wikipedia). Do not edit.\n" +
      `import type { TranslitModel } from "./translit-model.js";\n\nexport const TRANSLIT_COSTS: TranslitModel = ${JSON.stringify(model)};\n`,
  );
  process.stdout.write(`${model.version} → ${out}\n`);
}

if (process.argv[1]?.endsWith("translit-train.ts")) main();
