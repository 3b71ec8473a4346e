// Sections 2 and 3: every system screens the same UN + OFAC lists with the same queries; quality and
// speed come out of the same run.
import { availableParallelism } from "node:os";
import { createScreener, type ScreeningQuery } from "../src/screening/index.js";
import { pgTrgmBaseline } from "./baselines/pg-trgm.js";
import { DATA_FILES, everyNth, loadWatchlists, readPersons, rowToQuery } from "./data.js";
import type { Plan } from "./plan.js";
import { note } from "./progress.js";
import {
  type FalsePositiveResult,
  falsePositivesOf,
  findTwins,
  type GroundTruth,
  type RecallResult,
  recallOf,
  resolveGroundTruth,
  screenAll,
} from "./screening-quality.js";
import { type Latency, latencyOf, measureBuild, measureLatency } from "./speed.js";
import { type Hit, limesSystem } from "./systems.js";
import { bytes } from "./table.js";
import { createSystem, measureThroughput, screenInWorkers, type Throughput } from "./workers.js";

export interface SystemResult {
  name: string;
  referRule: string;
  unavailable?: string;
  build?: { medianMs: number; heapBytes?: number; rssBytes?: number; note?: string };
  untreated?: RecallResult;
  treated?: RecallResult;
  negatives?: FalsePositiveResult;
  /** Limes only: the negatives screened by name alone, as the baselines screen them. */
  negativesNameOnly?: FalsePositiveResult;
  /** Limes only: its false-positive rate on the JW / pg_trgm sample of the negatives. */
  negativesOnSample?: FalsePositiveResult;
  latency?: Latency;
  /** Limes: batch rate with 1 worker, then with all cores. Baselines: their sequential rate is in `latency`. */
  throughput?: Throughput[];
}

export interface ScreeningReport {
  importMs: number;
  entities: { un: number; ofac: number };
  groundTruth: GroundTruth;
  /** Resolved UN entities that have a same-person record on OFAC. */
  twins: number;
  speedSet: number;
  cores: number;
  buildRepeats: number;
  systems: SystemResult[];
}

interface QuerySets {
  untreated: ScreeningQuery[];
  treated: ScreeningQuery[];
}

/** The query as the baselines see it: names only, no birth date, nationality, gender or document. */
function nameOnlyQuery(q: ScreeningQuery): ScreeningQuery {
  const { birthDate: _b, nationalities: _n, gender: _g, placeOfBirth: _p, documents: _d, ...names } = q;
  return names;
}

const firstMisses = (r: RecallResult): RecallResult => ({ ...r, misses: r.misses.slice(0, 50) });

/** Splits one pass over [untreated, treated, negatives] back into its three results. */
function evaluate(
  hits: Hit[][],
  sets: QuerySets,
  truth: GroundTruth,
  twins: ReadonlyMap<string, ReadonlySet<string>>,
) {
  const u = sets.untreated.length;
  const t = sets.treated.length;
  return {
    untreated: firstMisses(recallOf(hits.slice(0, u), sets.untreated, truth.ids, twins)),
    treated: firstMisses(recallOf(hits.slice(u, u + t), sets.treated, truth.ids, twins)),
    negativeHits: hits.slice(u + t),
  };
}

export async function runScreening(p: Plan): Promise<ScreeningReport> {
  note("loading UN + OFAC");
  const t0 = performance.now();
  const lists = await loadWatchlists();
  const importMs = performance.now() - t0;
  note(`loaded ${lists.un.length} UN + ${lists.ofac.length} OFAC entities in ${Math.round(importMs)} ms`);

  const untreatedRows = readPersons(DATA_FILES.untreated).slice(0, p.positives);
  const treatedRows = readPersons(DATA_FILES.treated).slice(0, p.positives);
  const negativeRows = readPersons(DATA_FILES.negatives);
  const truth = resolveGroundTruth(untreatedRows, lists.un);
  const twins = findTwins(
    truth.ids.flatMap((ids) => ids ?? []),
    lists.all,
  );
  const sets: QuerySets = { untreated: untreatedRows.map(rowToQuery), treated: treatedRows.map(rowToQuery) };
  const negatives = (every: number) => everyNth(negativeRows, every).map(rowToQuery);
  const workload = (every: number) => [...sets.untreated, ...sets.treated, ...negatives(every)];
  const speedSet = workload(p.speedNegativesEvery);
  const cores = availableParallelism();
  const systems: SystemResult[] = [];

  note("Limes: building the index");
  const build = measureBuild(() => createScreener(lists.all), p.buildRepeats);
  const limes = limesSystem(build.instance);
  const limesWork = workload(p.negativesEvery.limes);
  const limesPass = await screenInWorkers(
    "limes",
    `Limes: quality, ${cores} threads`,
    lists.all,
    limesWork,
    cores,
  );
  const lq = evaluate(limesPass.hits, sets, truth, twins);
  const nameOnly = await screenInWorkers(
    "limes",
    `Limes: negatives by name only, ${cores} threads`,
    lists.all,
    negatives(p.negativesEvery.limes).map(nameOnlyQuery),
    cores,
  );
  const onSample = lq.negativeHits.filter((_, i) => (i * p.negativesEvery.limes) % p.negativesEvery.jw === 0);
  const latency = measureLatency("Limes: latency", limes, speedSet, p.rounds, Math.min(500, speedSet.length));
  const throughput: Throughput[] = [];
  for (const workers of cores > 1 ? [1, cores] : [1]) {
    note(`Limes: batch throughput with ${workers} worker(s)`);
    throughput.push(await measureThroughput(lists.all, speedSet, workers, p.rounds));
  }
  systems.push({
    name: limes.name,
    referRule: limes.referRule,
    build: { medianMs: build.medianMs, heapBytes: build.heapBytes, rssBytes: build.rssBytes },
    untreated: lq.untreated,
    treated: lq.treated,
    negatives: falsePositivesOf(lq.negativeHits),
    negativesNameOnly: falsePositivesOf(nameOnly.hits),
    negativesOnSample: falsePositivesOf(onSample),
    latency,
    throughput,
  });

  for (const key of ["fuse", "jw"] as const) {
    const b = measureBuild(() => createSystem(key, lists.all), p.buildRepeats);
    const system = b.instance;
    const work = workload(p.negativesEvery[key]);
    const pass = await screenInWorkers(
      key,
      `${system.name}: quality, ${cores} threads`,
      lists.all,
      work,
      cores,
    );
    const q = evaluate(pass.hits, sets, truth, twins);
    systems.push({
      name: system.name,
      referRule: system.referRule,
      build: { medianMs: b.medianMs, heapBytes: b.heapBytes, rssBytes: b.rssBytes },
      untreated: q.untreated,
      treated: q.treated,
      negatives: falsePositivesOf(q.negativeHits),
      // Timed alone on the main thread: the quality pass above shares the cores.
      latency: measureLatency(`${system.name}: latency`, system, everyNth(work, p.latencyEvery[key]), 1, 20),
    });
  }

  note("pg_trgm: creating a throw-away database");
  try {
    const pg = await pgTrgmBaseline(lists.all);
    try {
      const work = workload(p.negativesEvery.pg);
      for (const q of work.slice(0, 50)) await pg.system.screen(q);
      const pass = await screenAll(pg.system, "pg_trgm: quality and latency, 1 connection", work);
      const q = evaluate(pass.hits, sets, truth, twins);
      systems.push({
        name: pg.system.name,
        referRule: pg.system.referRule,
        build: { medianMs: pg.buildMs, note: `${bytes(pg.relationBytes)} on disk` },
        untreated: q.untreated,
        treated: q.treated,
        negatives: falsePositivesOf(q.negativeHits),
        latency: latencyOf(pass.latenciesMs),
      });
    } finally {
      await pg.system.close?.();
    }
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    note(`pg_trgm: unavailable (${reason})`);
    systems.push({ name: "pg_trgm", referRule: "", unavailable: reason });
  }

  return {
    importMs,
    entities: { un: lists.un.length, ofac: lists.ofac.length },
    groundTruth: truth,
    twins: [...twins.values()].filter((s) => s.size > 0).length,
    speedSet: speedSet.length,
    cores,
    buildRepeats: p.buildRepeats,
    systems,
  };
}
