// Work spread over worker threads. Each worker builds its own index from the entities it is given (the
// index is per thread, as in a real deployment). Two uses: Limes's batch throughput, where only
// screening is timed; and the quality passes of the in-process systems, split over the cores so that the
// slow baselines finish in minutes (their latency is measured separately, alone on the main thread).
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { createScreener, type ScreeningQuery } from "../src/screening/index.js";
import type { Entity } from "../src/watchlists/model.js";
import { fuseBaseline } from "./baselines/fuse.js";
import { jaroWinklerBaseline } from "./baselines/jaro-winkler.js";
import { median } from "./metrics.js";
import { progress } from "./progress.js";
import type { Screened } from "./screening-quality.js";
import { type Hit, limesSystem, type ScreeningSystem } from "./systems.js";

const WORKER_KIND = "limes-bench";

export type SystemKey = "limes" | "fuse" | "jw";

export function createSystem(key: SystemKey, entities: readonly Entity[]): ScreeningSystem {
  if (key === "fuse") return fuseBaseline(entities);
  if (key === "jw") return jaroWinklerBaseline(entities);
  return limesSystem(createScreener(entities));
}

interface WorkerInput {
  kind: typeof WORKER_KIND;
  mode: "throughput" | "screen";
  system: SystemKey;
  entities: Entity[];
  queries: ScreeningQuery[];
}

type FromWorker =
  | { type: "ready"; buildMs: number }
  | { type: "done" }
  | { type: "progress"; done: number }
  | { type: "screened"; hits: Hit[][]; latenciesMs: number[] };

function workerMain(input: WorkerInput): void {
  const port = parentPort!;
  const post = (m: FromWorker) => port.postMessage(m);
  if (input.mode === "throughput") {
    const t0 = performance.now();
    const screener = createScreener(input.entities);
    post({ type: "ready", buildMs: performance.now() - t0 });
    port.on("message", () => {
      screener.screenBatch(input.queries);
      post({ type: "done" });
    });
    return;
  }
  const system = createSystem(input.system, input.entities);
  const hits: Hit[][] = [];
  const latenciesMs: number[] = [];
  const every = Math.max(1, Math.floor(input.queries.length / 100));
  input.queries.forEach((q, i) => {
    const t0 = performance.now();
    hits.push(system.screen(q) as Hit[]);
    latenciesMs.push(performance.now() - t0);
    if ((i + 1) % every === 0) post({ type: "progress", done: i + 1 });
  });
  post({ type: "screened", hits, latenciesMs });
}

if (!isMainThread && (workerData as WorkerInput | undefined)?.kind === WORKER_KIND) workerMain(workerData);

// A worker thread does not inherit tsx's loader hooks on Node 20, so it registers them before loading
// this file again.
function spawn(input: WorkerInput): Worker {
  const tsx = import.meta.resolve("tsx/esm/api");
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  return new Worker(code, { eval: true, workerData: input });
}

/** The next message of a worker other than progress, passing progress to `onProgress`. */
function next(worker: Worker, onProgress?: (done: number) => void): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: FromWorker) => {
      if (m.type === "progress") {
        onProgress?.(m.done);
        return;
      }
      worker.off("message", onMessage);
      worker.off("error", onError);
      resolve(m);
    };
    const onError = (err: Error) => {
      worker.off("message", onMessage);
      reject(err);
    };
    worker.on("message", onMessage);
    worker.once("error", onError);
  });
}

export interface Throughput {
  workers: number;
  queries: number;
  /** Median over the timed rounds of persons screened per second, all workers together. */
  perSecond: number;
  roundsPerSecond: number[];
  /** Median of the workers' own index build times (ms), built concurrently. */
  workerBuildMs: number;
}

export async function measureThroughput(
  entities: readonly Entity[],
  queries: readonly ScreeningQuery[],
  workers: number,
  rounds: number,
): Promise<Throughput> {
  const pool = Array.from({ length: workers }, (_, w) =>
    spawn({
      kind: WORKER_KIND,
      mode: "throughput",
      system: "limes",
      entities: [...entities],
      queries: queries.filter((_, i) => i % workers === w),
    }),
  );
  try {
    const ready = await Promise.all(pool.map((w) => next(w)));
    const buildMs = ready.map((m) => (m.type === "ready" ? m.buildMs : Number.NaN));
    const round = async () => {
      const t0 = performance.now();
      const done = pool.map((w) => next(w));
      for (const w of pool) w.postMessage("run");
      await Promise.all(done);
      return (queries.length / (performance.now() - t0)) * 1000;
    };
    await round(); // warm-up: JIT and caches, not counted
    const perRound: number[] = [];
    for (let r = 0; r < rounds; r++) perRound.push(await round());
    return {
      workers,
      queries: queries.length,
      perSecond: median(perRound),
      roundsPerSecond: perRound,
      workerBuildMs: median(buildMs),
    };
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/** Screens the queries with `workers` threads, each taking a contiguous share; hits come back in order. */
export async function screenInWorkers(
  key: SystemKey,
  label: string,
  entities: readonly Entity[],
  queries: readonly ScreeningQuery[],
  workers: number,
): Promise<Screened> {
  const size = Math.ceil(queries.length / workers);
  const shares = Array.from({ length: workers }, (_, w) => queries.slice(w * size, (w + 1) * size));
  const bar = progress(label, queries.length);
  const done = shares.map(() => 0);
  const pool = shares.map((share) =>
    spawn({ kind: WORKER_KIND, mode: "screen", system: key, entities: [...entities], queries: share }),
  );
  try {
    const results = await Promise.all(
      pool.map((w, i) =>
        next(w, (n) => {
          done[i] = n;
          bar.tick(done.reduce((a, b) => a + b, 0));
        }),
      ),
    );
    bar.stop();
    const out: Screened = { hits: [], latenciesMs: [] };
    for (const r of results) {
      if (r.type !== "screened") throw new Error(`worker answered ${r.type} instead of its hits`);
      out.hits.push(...r.hits);
      out.latenciesMs.push(...r.latenciesMs);
    }
    return out;
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
