// The scale benchmark runs in a child process of its own, so that its memory is measured alone and
// it can have a larger heap than the parent: `runScale` forks this file, which then runs `child`.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createScreener } from "../src/screening/index.js";
import { DATA_FILES, everyNth, loadWatchlists, readPersons, rowToQuery } from "./data.js";
import { note, progress } from "./progress.js";
import { gc, type Latency, latencyOf } from "./speed.js";
import { listedQueries, namePools, syntheticWatchlist } from "./synthetic.js";

const CHILD_ENV = "LIMES_BENCH_SCALE_CHILD";
export const SCALE_HEAP_MB = 6144;

export interface ScaleOptions {
  persons: number;
  /** Queries drawn from the synthetic list (with typos) and from the negatives, half each. */
  queries: number;
}

export interface ScaleResult {
  persons: number;
  generateMs: number;
  buildMs: number;
  /** Heap (and external) retained by the index alone, after a full collection. */
  indexHeapBytes: number;
  /** Resident set of the whole process with entities and index loaded, and its peak so far. */
  rssBytes: number;
  peakRssBytes: number;
  latency: Latency;
  listedQueries: number;
  /** Listed queries whose own entity came back as the top match with decision refer. */
  listedFoundTop: number;
  negativeQueries: number;
  negativesReferred: number;
}

async function child(opts: ScaleOptions): Promise<ScaleResult> {
  const negatives = readPersons(DATA_FILES.negatives);
  const lists = await loadWatchlists();
  const pools = namePools(lists.all, negatives);
  let t0 = performance.now();
  const entities = syntheticWatchlist(pools, opts.persons);
  const generateMs = performance.now() - t0;
  note(
    `scale: ${entities.length} synthetic persons generated in ${Math.round(generateMs)} ms; building the index`,
  );
  gc();
  const before = process.memoryUsage();
  t0 = performance.now();
  const screener = createScreener(entities);
  const buildMs = performance.now() - t0;
  gc();
  const after = process.memoryUsage();
  note(`scale: index built in ${Math.round(buildMs)} ms`);

  const half = Math.floor(opts.queries / 2);
  const listed = listedQueries(entities, half);
  const negativeQueries = everyNth(negatives, Math.max(1, Math.floor(negatives.length / half)))
    .slice(0, half)
    .map(rowToQuery);
  const queries = [...listed.map((l) => l.query), ...negativeQueries];
  for (const q of queries.slice(0, 200)) screener.screen(q);
  const ms: number[] = [];
  let listedFoundTop = 0;
  let negativesReferred = 0;
  const bar = progress("scale: screening", queries.length);
  queries.forEach((q, i) => {
    const s = performance.now();
    const { matches } = screener.screen(q);
    ms.push(performance.now() - s);
    bar.tick(i + 1);
    const top = matches[0];
    if (i < listed.length) {
      if (top?.decision === "refer" && top.entityId === listed[i]!.entityId) listedFoundTop++;
    } else if (matches.some((m) => m.decision === "refer")) negativesReferred++;
  });
  bar.stop();
  return {
    persons: entities.length,
    generateMs,
    buildMs,
    indexHeapBytes: after.heapUsed + after.external - before.heapUsed - before.external,
    rssBytes: after.rss,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    latency: latencyOf(ms),
    listedQueries: listed.length,
    listedFoundTop,
    negativeQueries: negativeQueries.length,
    negativesReferred,
  };
}

/** Runs the scale benchmark in a child process with a `SCALE_HEAP_MB` heap and returns what it measured. */
export function runScale(opts: ScaleOptions): Promise<ScaleResult> {
  return new Promise((resolve, reject) => {
    const proc = fork(fileURLToPath(import.meta.url), [JSON.stringify(opts)], {
      // process.execArgv carries tsx's loader; the child needs it too.
      execArgv: [...process.execArgv, `--max-old-space-size=${SCALE_HEAP_MB}`],
      env: { ...process.env, [CHILD_ENV]: "1" },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let result: ScaleResult | undefined;
    proc.on("message", (m) => {
      result = m as ScaleResult;
    });
    proc.on("error", reject);
    proc.on("exit", (code, signal) => {
      if (result) resolve(result);
      else reject(new Error(`scale child process ended without a result (exit ${code ?? signal})`));
    });
  });
}

if (process.env[CHILD_ENV] === "1" && process.send) {
  const opts = JSON.parse(process.argv[2] ?? "{}") as ScaleOptions;
  child(opts).then(
    (r) => process.send!(r, () => process.exit(0)),
    (err: unknown) => {
      process.stderr.write(
        `scale benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
      process.exit(1);
    },
  );
}
