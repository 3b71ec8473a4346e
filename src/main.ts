// `npm start`: the Limes server with the sample watchlists loaded.
import { buildApp } from "./http/app.js";
import { createScreener } from "./screening/index.js";
import type { ImportResult } from "./watchlists/index.js";
import { loadSampleWatchlists } from "./watchlists/index.js";

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? "127.0.0.1";
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`limes: PORT must be a port number, not "${process.env.PORT}"\n`);
  process.exit(1);
}

let lists: ImportResult[] | undefined;
const app = buildApp({ watchlists: () => lists, logger: { level: process.env.LOG_LEVEL ?? "info" } });

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    app.close().then(() => process.exit(0));
  });
}

await app.listen({ port, host });
const started = Date.now();
lists = await loadSampleWatchlists();
const screener = createScreener(lists.flatMap((l) => l.entities));
app.log.info(
  {
    watchlists: lists.map((l) => `${l.list}: ${l.counts.entities}`),
    indexed: screener.size,
    ms: Date.now() - started,
  },
  "sample watchlists loaded",
);
