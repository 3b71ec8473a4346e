// `npm start`: the Limes server on the database named by LIMES_DB (embedded SQLite by default), with the
// sample watchlists loaded and a demo admin created on an empty database. Configuration: src/config.ts.
import { type Config, readConfig } from "./config.js";
import { type RunningServer, startServer } from "./http/server.js";

function fail(message: string): never {
  process.stderr.write(`limes: ${message}\n`);
  process.exit(1);
}

let config: Config;
try {
  config = readConfig();
} catch (err) {
  fail(`configuration: ${(err as Error).message}`);
}

let server: RunningServer;
try {
  server = await startServer(config);
} catch (err) {
  fail(`cannot start: ${(err as Error).message}`);
}

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // A second signal does not wait for running requests.
    if (stopping) process.exit(1);
    stopping = true;
    server.app.log.info({ signal }, "shutting down");
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

if (server.demoAdmin) {
  process.stdout.write(
    `\n  Demo admin created. Username: ${server.demoAdmin.username}  One-time password: ${server.demoAdmin.password}\n` +
      server.demoAdmin.officers
        .map((o) => `  Demo officer ${o.username.padEnd(10)} (${o.roles.join(", ")}), same password\n`)
        .join("") +
      "  Each account must replace it with its own at its first sign-in.\n" +
      `  Web UI: ${server.url}/\n` +
      "  Create officers with POST /api/v1/users or `limes user create`.\n" +
      `  API docs: ${server.url}/api/docs\n\n`,
  );
}

server.indexed.catch(async (err: unknown) => {
  if (stopping) return;
  server.app.log.fatal({ err }, "cannot load the watchlists");
  await server.close().catch(() => undefined);
  process.exit(1);
});
