// Learns the transliteration costs of src/screening/learned.ts from the training pairs in
// data/real/bench/translit/ (Wikidata and Wikipedia names; see its README). Rerunnable:
//   npx tsx bench/translit-train.ts        → rewrites src/screening/translit-costs.ts
// The cross-validation section (bench/translit-cv.ts) calls `trainModel` on four folds at a time.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  type LearnedScript,
  type ScriptCosts,
  type TranslitModel,
  weightedDistance,
} from "../src/screening/learned.js";
import { tokenizeName } from "../src/screening/tokens.js";
import { REPO_ROOT, realData } from "../test/support/paths.js";
import { prng } from "./synthetic.js";

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

type Counts = Map<string, number>;
const bump = (m: Counts, k: string, w: number) => m.set(k, (m.get(k) ?? 0) + w);

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

/** Viterbi alignment of one pair under the current costs; adds its operations to the counts. */
function countAlignment(costs: ScriptCosts, a: string, b: string, w: number, c: AlignCounts): void {
  const n = a.length;
  const m = b.length;
  const d: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  const ins = (j: number) => costs.ins[b[j - 1]!] ?? costs.unseen;
  const del = (i: number) => costs.del[a[i - 1]!] ?? costs.unseen;
  const sub = (i: number, j: number) => costs.sub[a[i - 1]! + b[j - 1]!] ?? costs.unseen;
  for (let j = 1; j <= m; j++) d[0]![j] = d[0]![j - 1]! + ins(j);
  for (let i = 1; i <= n; i++) {
    d[i]![0] = d[i - 1]![0]! + del(i);
    for (let j = 1; j <= m; j++)
      d[i]![j] = Math.min(d[i - 1]![j - 1]! + sub(i, j), d[i - 1]![j]! + del(i), d[i]![j - 1]! + ins(j));
  }
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = d[i]![j]!;
    if (i > 0 && j > 0 && here === d[i - 1]![j - 1]! + sub(i, j)) {
      bump(c.from, a[i - 1]!, w);
      bump(c.sub, a[i - 1]! + b[j - 1]!, w);
      i--;
      j--;
    } else if (i > 0 && here === d[i - 1]![j]! + del(i)) {
      bump(c.from, a[i - 1]!, w);
      bump(c.del, a[i - 1]!, w);
      i--;
    } else {
      bump(c.ins, b[j - 1]!, w);
      j--;
    }
  }
  c.latinLetters += w * m;
}

interface AlignCounts {
  from: Counts;
  sub: Counts;
  del: Counts;
  ins: Counts;
  latinLetters: number;
}

/** Costs as −ln of the smoothed share of each operation; rounded, and unseen ones left out. */
function costsFrom(c: AlignCounts): ScriptCosts {
  const unseen = 8;
  const cost = (k: number, total: number) => Math.round(-Math.log((k + 0.1) / (total + 1)) * 100) / 100;
  const sub: Record<string, number> = {};
  const del: Record<string, number> = {};
  const ins: Record<string, number> = {};
  // Operations as rare as the unseen ones are left out of the table: it stays small.
  const keep = (table: Record<string, number>, k: string, v: number) => {
    if (v < unseen) table[k] = v;
  };
  for (const [k, v] of [...c.sub].sort()) keep(sub, k, cost(v, c.from.get(k[0]!)!));
  for (const [k, v] of [...c.del].sort()) keep(del, k, cost(v, c.from.get(k)!));
  for (const [k, v] of [...c.ins].sort()) keep(ins, k, cost(v, c.latinLetters));
  return { sub, del, ins, unseen, referCost: 1 };
}

/** Share of wrong pairs a table may bring to `refer` on its own training data (the target is 0.1%). */
const WRONG_AT_REFER = 0.0003;

/** Learns one script's costs from pairs: four rounds of hard EM, then the refer cost from wrong pairs. */
export function trainScript(pairs: readonly TranslitPair[], seed = 14): ScriptCosts {
  let costs = initialCosts();
  for (let round = 0; round < 4; round++) {
    const c: AlignCounts = {
      from: new Map(),
      sub: new Map(),
      del: new Map(),
      ins: new Map(),
      latinLetters: 0,
    };
    for (const p of pairs) countAlignment(costs, p.romanised, p.folded, 1 + Math.log(p.count), c);
    costs = costsFrom(c);
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
    `translit-costs v1 (${scripts.map((s) => `${s} ${pairs[s].length}`).join(", ")} pairs)`,
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
