// Index build time and memory, and single-person latency, measured in this process.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { ScreeningQuery } from "../src/screening/index.js";
import { median, percentile } from "./metrics.js";
import { progress } from "./progress.js";
import type { ScreeningSystem } from "./systems.js";

// Memory deltas mean something only after a full collection; `npm run bench` cannot pass --expose-gc.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

export function gc(): void {
  collect();
  collect();
}

export interface BuildResult<T> {
  instance: T;
  /** Median of the build times, in ms. */
  medianMs: number;
  timesMs: number[];
  /** Retained heap and resident set growth of one built instance, in bytes (median over the builds). */
  heapBytes: number;
  rssBytes: number;
}

export function measureBuild<T>(build: () => T, repeats: number): BuildResult<T> {
  const times: number[] = [];
  const heaps: number[] = [];
  const rsss: number[] = [];
  let instance: T | undefined;
  for (let i = 0; i < repeats; i++) {
    instance = undefined;
    gc();
    const before = process.memoryUsage();
    const t0 = performance.now();
    instance = build();
    times.push(performance.now() - t0);
    gc();
    const after = process.memoryUsage();
    heaps.push(after.heapUsed + after.external - before.heapUsed - before.external);
    rsss.push(after.rss - before.rss);
  }
  return {
    instance: instance!,
    medianMs: median(times),
    timesMs: times,
    heapBytes: median(heaps),
    rssBytes: median(rsss),
  };
}

export interface Latency {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  /** Persons per second when screened one after another on one core. */
  perSecond: number;
  rounds: number;
}

/** Latency of one pass: p50, p99 and the sequential rate. */
export function latencyOf(latenciesMs: readonly number[]): Latency {
  const total = latenciesMs.reduce((s, v) => s + v, 0);
  return {
    n: latenciesMs.length,
    p50: percentile(latenciesMs, 50),
    p99: percentile(latenciesMs, 99),
    mean: total / latenciesMs.length,
    perSecond: (latenciesMs.length / total) * 1000,
    rounds: 1,
  };
}

/**
 * Single-person latency of a synchronous system: a warm-up pass over the first queries, then `rounds`
 * timed passes over all of them; each figure is the median over the rounds.
 */
export function measureLatency(
  label: string,
  system: ScreeningSystem,
  queries: readonly ScreeningQuery[],
  rounds: number,
  warmup: number,
): Latency {
  for (const q of queries.slice(0, warmup)) system.screen(q);
  const passes: Latency[] = [];
  const bar = progress(label, rounds * queries.length);
  for (let r = 0; r < rounds; r++) {
    const ms: number[] = [];
    queries.forEach((q, i) => {
      const t0 = performance.now();
      system.screen(q);
      ms.push(performance.now() - t0);
      bar.tick(r * queries.length + i + 1);
    });
    passes.push(latencyOf(ms));
  }
  bar.stop();
  return {
    n: queries.length,
    p50: median(passes.map((p) => p.p50)),
    p99: median(passes.map((p) => p.p99)),
    mean: median(passes.map((p) => p.mean)),
    perSecond: median(passes.map((p) => p.perSecond)),
    rounds,
  };
}
