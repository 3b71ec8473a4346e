// The printed report: one table per section, then the summary table with targets and a legend.
import type { NamePairsResult } from "./name-pairs.js";
import { TARGETS } from "./plan.js";
import { SCALE_HEAP_MB, type ScaleResult } from "./scale.js";
import type { FalsePositiveResult, RecallResult } from "./screening-quality.js";
import type { ScreeningReport, SystemResult } from "./screening-run.js";
import { bytes, type Cell, check, fixed, ms, pct, rate, ratio, renderTable } from "./table.js";

const prfCells = (x: { precision: number; recall: number; f1: number } | undefined): Cell[] =>
  x ? [fixed(x.precision), fixed(x.recall), fixed(x.f1)] : [undefined, undefined, undefined];

export function namePairsReport(r: NamePairsResult): string {
  const vs = (limes: number, lv2: number) =>
    `${fixed(limes)} vs ${fixed(lv2)}${limes < lv2 ? "  WORSE" : ""}`;
  const rows: Cell[][] = r.groups.map((g) => [
    g.group,
    g.n,
    ...prfCells(g.limes),
    g.covered || undefined,
    ...prfCells(g.logicV2),
    g.logicV2 && g.limesCovered ? vs(g.limesCovered.f1, g.logicV2.f1) : "no logic-v2 predictions",
  ]);
  rows.push([
    "overall",
    r.cases,
    fixed(r.limes.precision),
    fixed(r.limes.recall),
    `${fixed(r.limes.f1)}${check(r.limes.f1 >= TARGETS.namePairsF1)}`,
    r.covered,
    ...prfCells(r.logicV2Covered),
    vs(r.limesCovered.f1, r.logicV2Covered.f1),
  ]);
  for (const half of ["dev", "test"] as const) {
    const h = r.halves[half];
    rows.push([
      `${half} half`,
      h.n,
      ...prfCells(h.limes),
      h.covered,
      ...prfCells(h.logicV2Covered),
      vs(h.limesCovered.f1, h.logicV2Covered.f1),
    ]);
  }
  const worse = r.groups.filter((g) => g.worse).map((g) => g.group);
  const test = r.halves.test;
  const lv2 = r.logicV2Published;
  return [
    renderTable(
      `1. Name pairs (cases.csv, ${r.cases} pairs): Limes compareNames at its default threshold ${r.threshold}; logic-v2 frozen at 0.70`,
      [
        "case group",
        "n",
        "Limes P",
        "R",
        "F1",
        "lv2 n",
        "lv2 P",
        "R",
        "F1",
        "F1 on lv2's pairs: Limes vs lv2",
      ],
      rows,
    ),
    `logic-v2 as published (its own ${r.logicV2Rows} rows and labels): P ${fixed(lv2.precision)} R ${fixed(lv2.recall)} F1 ${fixed(lv2.f1)}`,
    "dev/test halves: a pair is in the test half when the first byte of sha256(name1 + NUL + name2) is odd; " +
      "groups without logic-v2 predictions are reported without a comparison",
    `targets: Limes F1 ≥ ${TARGETS.namePairsF1} on the test half: ${fixed(test.limes.f1)}${check(test.limes.f1 >= TARGETS.namePairsF1)}; ` +
      `no case group worse than logic-v2: ${worse.length === 0 ? "none worse ✓" : `worse in ${worse.join(", ")} ✗`}`,
    `Limes best-F1 threshold (information only; the default is not tuned to it): ${fixed(r.best.threshold)} → ` +
      `P ${fixed(r.best.precision)} R ${fixed(r.best.recall)} F1 ${fixed(r.best.f1)}`,
    `${r.cases} pairs scored in ${Math.round(r.elapsedMs)} ms`,
    "",
  ].join("\n");
}

const share = (part: number, whole: number) => pct(part / whole);
/** Headline recall is strict: only the UN entity itself counts; the figure with OFAC twins stands beside it. */
const recallCell = (r: RecallResult | undefined, target?: number) =>
  r
    ? `${share(r.topStrict, r.n)}${target === undefined ? "" : check(r.topStrict / r.n >= target)}`
    : undefined;
const fpCell = (f: FalsePositiveResult | undefined, target?: number) =>
  f
    ? `${pct(f.rate, 2)} of ${f.n.toLocaleString("en-US")}${target === undefined ? "" : check(f.rate <= target)}`
    : undefined;
const isLimes = (r: SystemResult) => r.name === "Limes";

export function qualityReport(s: ScreeningReport): string {
  const gt = s.groundTruth;
  const rows: Cell[][] = s.systems.map((r) =>
    r.unavailable
      ? [r.name, `n/a (${r.unavailable})`]
      : [
          r.name,
          recallCell(r.untreated, isLimes(r) ? TARGETS.recallUntreated : undefined),
          r.untreated && share(r.untreated.top, r.untreated.n),
          r.untreated && share(r.untreated.anywhere, r.untreated.n),
          recallCell(r.treated, isLimes(r) ? TARGETS.recallTreated : undefined),
          r.treated && share(r.treated.top, r.treated.n),
          r.treated && share(r.treated.anywhere, r.treated.n),
          fpCell(r.negatives, isLimes(r) ? TARGETS.falsePositiveRate : undefined),
          fpCell(r.negativesNameOnly, TARGETS.falsePositiveRateNameOnly),
          fpCell(r.negativesOnSample),
        ],
  );
  const lines = [
    renderTable(
      `2. Screening quality, UN + OFAC loaded together (${s.entities.un} + ${s.entities.ofac} entities)`,
      [
        "system",
        "untreated: strict top",
        "with twins",
        "anywhere",
        "treated: strict top",
        "with twins",
        "anywhere",
        "FP rate (persons)",
        "FP name only",
        "FP on JW/pg sample",
      ],
      rows,
    ),
    `ground truth: ${gt.ids.filter(Boolean).length}/${gt.ids.length} untreated rows resolved to a UN entity ` +
      `(folded name equal ${gt.byResolution.exact}, same tokens reordered ${gt.byResolution["token-order"]}, ` +
      `equal without spaces ${gt.byResolution.spacing}; ${gt.disambiguated} picked among several by birth date/nationality); ` +
      `${s.twins} of these people also have an OFAC record, which counts as the right entity`,
    ...gt.listedTwice.map(
      (t) => `  row ${t.row} "${t.name}" is listed twice (${t.refs.join(", ")}): either counts`,
    ),
    ...gt.unresolved.map((u) => `  unresolved row ${u.row} "${u.name}": ${u.reason}; left out of recall`),
  ];
  const limes = s.systems.find(isLimes);
  for (const [label, r] of [
    ["untreated", limes?.untreated],
    ["treated", limes?.treated],
  ] as const) {
    if (!r || r.misses.length === 0) continue;
    lines.push(`Limes misses on ${label} (first ${Math.min(10, r.misses.length)} of ${r.n - r.top}):`);
    for (const m of r.misses.slice(0, 10))
      lines.push(`  row ${m.row} "${m.name}" → top: ${m.top ?? "no match"}`);
  }
  lines.push("");
  return lines.join("\n");
}

/** Persons per second on one core: Limes's one-worker batch rate, a baseline's sequential rate. */
const perCore = (r: SystemResult) => (isLimes(r) ? r.throughput?.[0]?.perSecond : r.latency?.perSecond);

export function speedReport(s: ScreeningReport): string {
  const limes = s.systems.find(isLimes);
  const limesRate = limes && perCore(limes);
  const rows: Cell[][] = s.systems.map((r) => {
    if (r.unavailable) return [r.name, `n/a (${r.unavailable})`];
    const own = perCore(r);
    const all = isLimes(r) ? r.throughput?.at(-1) : undefined;
    const speedup = !isLimes(r) && limesRate && own ? limesRate / own : undefined;
    const target = r.name === "pg_trgm" ? 1 : TARGETS.fasterThanBruteForce;
    return [
      r.name,
      `${ms(r.build?.medianMs)}${isLimes(r) ? check((r.build?.medianMs ?? Infinity) < TARGETS.buildMs) : ""}`,
      r.build?.note ?? `${bytes(r.build?.heapBytes)} / ${bytes(r.build?.rssBytes)}`,
      r.latency?.n,
      ms(r.latency?.p50),
      `${ms(r.latency?.p99)}${isLimes(r) ? check((r.latency?.p99 ?? Infinity) <= TARGETS.p99Ms) : ""}`,
      `${rate(own)}${isLimes(r) ? check((own ?? 0) >= TARGETS.perCore) : ""}`,
      all && all.workers > 1 ? `${rate(all.perSecond)} (${all.workers} workers)` : undefined,
      isLimes(r) ? "" : `${ratio(speedup)}${check(speedup === undefined ? undefined : speedup >= target)}`,
    ];
  });
  const threads = limes?.throughput?.map((t) => `${t.workers} worker(s): ${ms(t.workerBuildMs)}`).join(", ");
  return [
    renderTable(
      `3. Speed on ${s.cores} cores (build: median of ${s.buildRepeats}; latency and rates: medians, after warm-up)`,
      [
        "system",
        "build",
        "memory: heap / RSS",
        "queries",
        "p50",
        "p99",
        "persons/s, 1 core",
        "persons/s, all cores",
        "Limes faster by",
      ],
      rows,
    ),
    `targets: Limes build < ${TARGETS.buildMs / 1000} s; p99 ≤ ${TARGETS.p99Ms} ms; ≥ ${TARGETS.perCore.toLocaleString("en-US")} persons/s per core; ` +
      `≥ ${TARGETS.fasterThanBruteForce}× faster than fuse.js and JW brute force; faster than pg_trgm`,
    `queries: Limes on ${s.speedSet} (all positives + the JW/pg_trgm negatives sample, ${s.buildRepeats > 1 ? "3 rounds" : "1 round"}); ` +
      "fuse.js and JW on an even sample of their workload, alone on the main thread; pg_trgm on its whole workload, one connection",
    `Limes index build inside the throughput workers (built concurrently): ${threads ?? "–"}`,
    "",
  ].join("\n");
}

export function scaleReport(r: ScaleResult): string {
  return renderTable(
    `4. Scale: synthetic watchlist of ${r.persons.toLocaleString("en-US")} persons (own process, heap limit ${SCALE_HEAP_MB} MB)`,
    ["figure", "value", "target"],
    [
      ["generating the list", ms(r.generateMs), ""],
      [
        "index build (one build)",
        `${ms(r.buildMs)}${check(r.buildMs <= TARGETS.scaleBuildMs)}`,
        `≤ ${TARGETS.scaleBuildMs / 1000} s`,
      ],
      ["index heap", bytes(r.indexHeapBytes), ""],
      ["process RSS after build", bytes(r.rssBytes), ""],
      [
        "process peak RSS",
        `${bytes(r.peakRssBytes)}${check(r.peakRssBytes <= TARGETS.scaleMemoryBytes)}`,
        `≤ ${bytes(TARGETS.scaleMemoryBytes)}`,
      ],
      [`latency p50 (${r.latency.n} queries)`, ms(r.latency.p50), ""],
      [
        "latency p99",
        `${ms(r.latency.p99)}${check(r.latency.p99 <= TARGETS.scaleP99Ms)}`,
        `≤ ${TARGETS.scaleP99Ms} ms`,
      ],
      ["listed persons (one typo) found as top refer", `${r.listedFoundTop}/${r.listedQueries}`, ""],
      ["negatives with a refer", `${r.negativesReferred}/${r.negativeQueries}`, ""],
    ],
  );
}

export function summaryReport(s: ScreeningReport, names: NamePairsResult | undefined): string {
  const rows: Cell[][] = s.systems.map((r) =>
    r.unavailable
      ? [r.name, `n/a (${r.unavailable})`]
      : [
          r.name,
          recallCell(r.untreated),
          recallCell(r.treated),
          r.treated && share(r.treated.top, r.treated.n),
          fpCell(r.negatives),
          fpCell(r.negativesNameOnly),
          ms(r.latency?.p50),
          ms(r.latency?.p99),
          rate(perCore(r)),
          ms(r.build?.medianMs),
        ],
  );
  rows.push([
    "target (Limes)",
    "100%",
    `≥ ${pct(TARGETS.recallTreated, 1)}`,
    "",
    `≤ ${pct(TARGETS.falsePositiveRate, 1)}`,
    `≤ ${pct(TARGETS.falsePositiveRateNameOnly, 1)}`,
    "",
    `≤ ${TARGETS.p99Ms} ms`,
    `≥ ${TARGETS.perCore.toLocaleString("en-US")}/s`,
    `< ${TARGETS.buildMs / 1000} s`,
  ]);
  return [
    renderTable(
      "SUMMARY: Limes and the baselines on the same lists and queries",
      [
        "system",
        "strict recall untreated",
        "strict treated",
        "treated with twins",
        "FP rate (persons)",
        "FP name only",
        "p50",
        "p99",
        "persons/s/core",
        "build",
      ],
      rows,
    ),
    "Legend. strict recall: share of the UN positives whose UN entity itself is the TOP match and is referred; with",
    "twins: that person's OFAC record counts too. FP name only: Limes given no birth date, nationality or gender. FP rate: share of the synthetic negatives (on no list) with ANY referred match, over the number of",
    "persons shown (the slow baselines screen a deterministic sample). p50/p99: single-person latency. persons/s/core:",
    "batch rate on one core (Limes: one worker thread; baselines: one after another). build: index build, median.",
    "Refer rules:",
    ...s.systems.filter((r) => !r.unavailable).map((r) => `  ${r.name}: ${r.referRule}`),
    ...(names
      ? [
          `Name pairs: Limes F1 dev ${fixed(names.halves.dev.limes.f1)}, test ${fixed(names.halves.test.limes.f1)} (target ≥ ${TARGETS.namePairsF1} on test); ` +
            `on logic-v2's pairs of the test half ${fixed(names.halves.test.limesCovered.f1)} vs logic-v2 ${fixed(names.halves.test.logicV2Covered.f1)}.`,
        ]
      : []),
    "",
  ].join("\n");
}
