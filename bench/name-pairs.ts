// Name-pair quality: Limes's compareNames at its default threshold against the frozen logic-v2 predictions.
import { createHash } from "node:crypto";
import { type Prf, prf } from "./metrics.js";

export type PairSchema = "person" | "organization" | "vessel" | "aircraft";

export interface PairCase {
  group: string;
  /** The file's own schema name (Person, Company, LegalEntity, ...), which the logic-v2 join keys on. */
  sourceSchema: string;
  schema: PairSchema;
  name1: string;
  name2: string;
  isMatch: boolean;
}

export type CompareFn = (name1: string, name2: string, schema: PairSchema) => number;

const SCHEMAS: Record<string, PairSchema> = {
  Person: "person",
  Company: "organization",
  Organization: "organization",
  LegalEntity: "organization",
  Vessel: "vessel",
  Airplane: "aircraft",
};

export function toPairCase(r: Record<string, string>): PairCase {
  const schema = SCHEMAS[r.schema ?? ""];
  if (!schema) throw new Error(`name pair with unknown schema "${r.schema}": ${r.name1} / ${r.name2}`);
  return {
    group: r.case_group ?? "",
    sourceSchema: r.schema ?? "",
    schema,
    name1: r.name1 ?? "",
    name2: r.name2 ?? "",
    isMatch: r.is_match === "true",
  };
}

/**
 * logic-v2 was frozen on an older cases.csv: some groups were renamed or added since, and a few
 * labels changed. Its predictions are joined to today's cases by schema and names, and scored against
 * today's labels; its own published figure is recomputed from its file as it stands.
 */
const pairKey = (schema: string, name1: string, name2: string) => `${schema}\u0000${name1}\u0000${name2}`;

export interface LogicV2 {
  /** P/R/F1 of the frozen file against its own labels (the published 0.762 / 0.821 / 0.790). */
  published: Prf;
  rows: number;
  predicted: Map<string, boolean>;
}

export function readLogicV2(rows: Record<string, string>[]): LogicV2 {
  const predicted = new Map<string, boolean>();
  for (const r of rows)
    predicted.set(pairKey(r.schema ?? "", r.name1 ?? "", r.name2 ?? ""), r.predicted_match === "true");
  const published = prf(
    rows.map((r) => r.predicted_match === "true"),
    rows.map((r) => r.is_match === "true"),
  );
  return { published, rows: rows.length, predicted };
}

export type Half = "dev" | "test";

/**
 * The fixed split of issue 14: a pair is in the test half when the first byte of
 * sha256(name1 + "\u0000" + name2) is odd. The test half is never looked at while changing the engine.
 */
export function halfOf(name1: string, name2: string): Half {
  const first = createHash("sha256").update(`${name1}\u0000${name2}`, "utf8").digest()[0]!;
  return first % 2 === 1 ? "test" : "dev";
}

export interface HalfResult {
  n: number;
  limes: Prf;
  /** Pairs of the half that logic-v2 has a prediction for, and both systems on exactly those. */
  covered: number;
  limesCovered: Prf;
  logicV2Covered: Prf;
}

export interface GroupResult {
  group: string;
  n: number;
  limes: Prf;
  /** Cases of the group that logic-v2 has a prediction for. */
  covered: number;
  logicV2?: Prf;
  /** Limes on the covered cases only: the like-for-like figure the "worse" mark compares. */
  limesCovered?: Prf;
  worse: boolean;
}

export interface NamePairsResult {
  threshold: number;
  cases: number;
  limes: Prf;
  logicV2Published: Prf;
  logicV2Rows: number;
  /** logic-v2 against today's labels, on the cases it covers, next to Limes on the same cases. */
  logicV2Covered: Prf;
  limesCovered: Prf;
  covered: number;
  groups: GroupResult[];
  halves: Record<Half, HalfResult>;
  best: { threshold: number; f1: number; precision: number; recall: number };
  /** Wall time of scoring every pair once, in ms. */
  elapsedMs: number;
}

export function runNamePairs(
  cases: readonly PairCase[],
  logicV2Rows: Record<string, string>[],
  compare: CompareFn,
  threshold: number,
): NamePairsResult {
  const started = performance.now();
  const scores = cases.map((c) => compare(c.name1, c.name2, c.schema));
  const elapsedMs = performance.now() - started;
  const logicV2 = readLogicV2(logicV2Rows);
  const lv2 = cases.map((c) => logicV2.predicted.get(pairKey(c.sourceSchema, c.name1, c.name2)));
  const actual = cases.map((c) => c.isMatch);
  const predicted = scores.map((s) => s >= threshold);

  const subset = (idx: number[]) => ({
    limes: prf(
      idx.map((i) => predicted[i]!),
      idx.map((i) => actual[i]!),
    ),
    logicV2: prf(
      idx.map((i) => lv2[i]!),
      idx.map((i) => actual[i]!),
    ),
  });
  const all = cases.map((_, i) => i);
  const coveredIdx = all.filter((i) => lv2[i] !== undefined);
  const coveredAll = subset(coveredIdx);

  const groups: GroupResult[] = [...new Set(cases.map((c) => c.group))].map((group) => {
    const idx = all.filter((i) => cases[i]!.group === group);
    const cov = idx.filter((i) => lv2[i] !== undefined);
    const limes = subset(idx).limes;
    if (cov.length === 0) return { group, n: idx.length, limes, covered: 0, worse: false };
    const c = subset(cov);
    return {
      group,
      n: idx.length,
      limes,
      covered: cov.length,
      logicV2: c.logicV2,
      limesCovered: c.limes,
      worse: c.limes.f1 < c.logicV2.f1,
    };
  });

  const halfResult = (half: Half): HalfResult => {
    const idx = all.filter((i) => halfOf(cases[i]!.name1, cases[i]!.name2) === half);
    const cov = subset(idx.filter((i) => lv2[i] !== undefined));
    return {
      n: idx.length,
      limes: subset(idx).limes,
      covered: idx.filter((i) => lv2[i] !== undefined).length,
      limesCovered: cov.limes,
      logicV2Covered: cov.logicV2,
    };
  };

  return {
    threshold,
    cases: cases.length,
    halves: { dev: halfResult("dev"), test: halfResult("test") },
    limes: prf(predicted, actual),
    logicV2Published: logicV2.published,
    logicV2Rows: logicV2.rows,
    logicV2Covered: coveredAll.logicV2,
    limesCovered: coveredAll.limes,
    covered: coveredIdx.length,
    groups,
    best: bestF1Threshold(scores, actual),
    elapsedMs,
  };
}

/** The threshold (one of the observed scores) at which `score ≥ threshold` reaches the highest F1. */
export function bestF1Threshold(
  scores: readonly number[],
  actual: readonly boolean[],
): NamePairsResult["best"] {
  let best = { threshold: 1, f1: -1, precision: 0, recall: 0 };
  for (const t of [...new Set(scores)].sort((a, b) => a - b)) {
    const r = prf(
      scores.map((s) => s >= t),
      actual,
    );
    if (r.f1 > best.f1) best = { threshold: t, f1: r.f1, precision: r.precision, recall: r.recall };
  }
  return best;
}
