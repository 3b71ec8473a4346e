// SQLite's WAL checkpoints, off the event loop. A checkpoint copies the pages written since the last one
// from the WAL into the database file: a few milliseconds of synchronous I/O that, run on a timer in the
// server's thread, held up whichever requests arrived meanwhile (6% of the server's thread under the
// crossing load, and a step in the p99). A worker thread with its own connection runs them instead: a
// PASSIVE checkpoint neither waits for nor blocks the writer, so the two go side by side.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

const WORKER = `
const { workerData, parentPort } = require("node:worker_threads");
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
db.pragma("busy_timeout = 0");
const timer = setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    // busy or locked: the next tick tries again
  }
}, workerData.everyMs);
parentPort.on("message", () => {
  clearInterval(timer);
  db.close();
  process.exit(0);
});
`;

/** Checkpoints the WAL of `file` every `everyMs` in a worker thread; the returned stop ends it. */
export function startCheckpointer(file: string, everyMs = 250): () => Promise<void> {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, everyMs } });
  // A checkpoint that cannot run is no error of the server's: the database's own bound still applies.
  worker.on("error", () => {});
  worker.unref();
  return async () => {
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    // Held until it has closed its connection: an unreferenced worker would let the process end first.
    worker.ref();
    worker.postMessage("stop");
    await exited;
  };
}
