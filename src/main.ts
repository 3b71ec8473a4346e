// `npm start`: the Limes server on the database named by LIMES_DB (embedded SQLite by default), with the
// sample watchlists loaded and a demo admin created on an empty database.

import { readFileSync } from "node:fs";
import { DEFAULT_DB, migrate, openDatabase } from "./db/index.js";
import { buildApp } from "./http/app.js";
import { createScreener } from "./screening/index.js";
import { composeServices } from "./services.js";
import { createSltdIndex, parseSltdCsv } from "./travel/index.js";
import {
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
// Stolen and lost travel documents, from a CSV named by LIMES_SLTD; the demo's small fictional list otherwise.
const sltdFile = process.env.LIMES_SLTD ?? new URL("../data/samples/sltd-sample.csv", import.meta.url);
// An empty index until the lists are loaded: the server answers /health at once and /ready when done.
const services = composeServices(db, {
  entities: [],
  sltd: createSltdIndex(parseSltdCsv(readFileSync(sltdFile, "utf8"))),
});
const { access, screenings } = services;
const demo = await access.ensureDemoAdmin();
let ready = false;
const app = await buildApp({
  ...services,
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
