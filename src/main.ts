// `npm start`: the Limes server on the database named by LIMES_DB (embedded SQLite by default), with the
// sample watchlists loaded and a demo admin created on an empty database.

import { readFileSync } from "node:fs";
import { createAccessService } from "./access/index.js";
import { createCrossingPointService } from "./crossing-points/service.js";
import { createCrossingService } from "./crossings/service.js";
import { DEFAULT_DB, migrate, openDatabase } from "./db/index.js";
import { buildApp } from "./http/app.js";
import { createScreener } from "./screening/index.js";
import { createScreeningService } from "./screenings/index.js";
import { createSltdIndex, parseSltdCsv } from "./travel/index.js";
import {
  createWatchlistService,
  listWatchlists,
  loadLatestEntities,
  loadSampleWatchlists,
  saveWatchlistVersion,
} from "./watchlists/index.js";

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? "127.0.0.1";
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`limes: PORT must be a port number, not "${process.env.PORT}"\n`);
  process.exit(1);
}

const db = await openDatabase(process.env.LIMES_DB ?? DEFAULT_DB);
const { applied } = await migrate(db);
const access = createAccessService(db);
const demo = await access.ensureDemoAdmin();
const sltd = createSltdIndex(
  parseSltdCsv(readFileSync(new URL("../data/samples/sltd-sample.csv", import.meta.url), "utf8")),
);
// An empty index until the lists are loaded: the server answers /health at once and /ready when done.
const screenings = createScreeningService(db, createScreener([]));
let ready = false;
const app = await buildApp({
  db,
  access,
  screenings,
  crossingPoints: createCrossingPointService(db),
  // The demo's stolen and lost documents: a small fictional list shipped in data/samples.
  crossings: createCrossingService(db, screenings, () => sltd),
  // A new list version builds a new index in the background and swaps it in; queries never stop.
  watchlists: createWatchlistService(db, (entities) => screenings.swap(createScreener(entities))),
  ready: () => ready,
  logger: { level: process.env.LOG_LEVEL ?? "info" },
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    app
      .close()
      .then(() => db.close())
      .then(() => process.exit(0));
  });
}

await app.listen({ port, host });
app.log.info({ db: db.describe, migrations: applied }, "database ready");
if (demo) {
  process.stdout.write(
    `\n  Demo admin created. Username: ${demo.username}  One-time password: ${demo.password}\n  Create officers with POST /api/v1/users or \`limes user create\`. API docs: http://${host}:${port}/api/docs\n\n`,
  );
}
const started = Date.now();
if ((await listWatchlists(db)).length === 0) {
  // A fresh database: load the public sample lists shipped in data/samples so the demo has data.
  for (const result of await loadSampleWatchlists()) {
    await saveWatchlistVersion(db, result, { actor: "system", file: `data/samples (${result.format})` });
  }
}
const entities = await loadLatestEntities(db);
screenings.swap(createScreener(entities));
ready = true;
app.log.info(
  { entities: entities.length, ms: Date.now() - started },
  "watchlists loaded from the database and indexed",
);
