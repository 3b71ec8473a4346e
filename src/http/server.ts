// A Limes server process: open and migrate the database, make sure someone can sign in, listen at once
// (so /health answers), then load the watchlists from the database (seeding the public samples into a
// fresh one) and index them; /ready says when that is done.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { type AuditSigning, resolveAuditSigning, startCheckpointer } from "../audit/index.js";
import type { Config } from "../config.js";
import { type Db, migrate, openDatabase, schedulePartitions } from "../db/index.js";
import { scheduleRetention } from "../retention/index.js";
import { composeServices, configuredOptions } from "../services.js";
import { ConflictError } from "../shared/errors.js";
import { type SyncRuntime, startRevocationBus, startSync } from "../sync/index.js";
import { createSltdIndex, parseSltdCsv } from "../travel/index.js";
import {
  importWatchlist,
  listWatchlists,
  loadLatestEntities,
  SAMPLE_WATCHLISTS,
  type SourceFormat,
  saveWatchlistVersion,
} from "../watchlists/index.js";
import { buildApp } from "./app.js";
import { loadAtPostLists } from "./at-post-lists.js";

const SAMPLE_SLTD = fileURLToPath(new URL("../../data/samples/sltd-sample.csv", import.meta.url));

export interface ServerOptions {
  /** Lists loaded into a database that has none (default: the UN and OFAC samples in data/samples). */
  samples?: readonly { format: SourceFormat; path: string }[];
}

export interface RunningServer {
  app: FastifyInstance;
  db: Db;
  /** Where it listens, e.g. http://127.0.0.1:8080. */
  url: string;
  /** Set when this start created the demo admin on an empty database: its one-time password. */
  demoAdmin?: { username: string; password: string; officers: { username: string; roles: string[] }[] };
  /** Settles when the watchlists are indexed (then /ready answers 200), or fails with the reason. */
  indexed: Promise<{ entities: number; seeded: boolean; ms: number }>;
  /** Stops taking requests, lets running ones finish, and closes the database. */
  close(): Promise<void>;
}

/** The service graph of this process, with an empty index until the lists are loaded. */
async function composeFor(db: Db, config: Config) {
  const sltd = createSltdIndex(parseSltdCsv(await readFile(config.sltdFile ?? SAMPLE_SLTD, "utf8")));
  return composeServices(db, {
    entities: [],
    sltd,
    atPost: await loadAtPostLists(config, db),
    ...configuredOptions(config),
  });
}

/** Seeds the samples into a database that has no list, then indexes the lists for screening. */
async function indexWatchlists(
  db: Db,
  config: Config,
  opts: ServerOptions,
  services: Awaited<ReturnType<typeof composeFor>>,
  app: FastifyInstance,
  onIndexed: () => void,
): Promise<{ entities: number; seeded: boolean; ms: number }> {
  const started = Date.now();
  // A post screens with the versions the centre sends, never with samples of its own.
  const seeded = config.sync?.role !== "post" && (await listWatchlists(db)).length === 0;
  if (seeded) {
    for (const { format, path } of opts.samples ?? SAMPLE_WATCHLISTS) {
      const result = await importWatchlist(format, path);
      await saveWatchlistVersion(db, result, { actor: "system", file: path }).catch((err: unknown) => {
        // Another server starting on the same fresh database saved it first: theirs is as good.
        if (!(err instanceof ConflictError)) throw err;
      });
    }
  }
  const entities = await loadLatestEntities(db);
  services.swapLists(entities);
  onIndexed();
  const done = { entities: entities.length, seeded, ms: Date.now() - started };
  app.log.info(done, "watchlists loaded from the database and indexed");
  return done;
}

/**
 * What a server runs beside its requests: retention and next months' partitions on a schedule, the
 * partner outbox and the monthly regional bundle it carries, the sync with posts and the centre, and the revocation bus between centre processes.
 */
function startBackground(
  db: Db,
  config: Config,
  services: Awaited<ReturnType<typeof composeFor>>,
  app: FastifyInstance,
  auditSigning: AuditSigning,
  sync: ReturnType<typeof syncSlot>,
) {
  // Retention on a schedule when the configuration asks for it (readConfig does, unless set to 0).
  const retention = config.retention
    ? scheduleRetention(db, config.retention, auditSigning, app.log)
    : undefined;
  const partitions = schedulePartitions(db, app.log);
  const outbox = services.partners.startOutbox((err) =>
    app.log.error({ err }, "cannot retry the messages waiting for partners"),
  );
  const bundles = services.regional.startMonthly((err) =>
    app.log.error({ err }, "cannot publish the monthly regional bundle"),
  );
  sync.start(db, async () => services.swapLists(await loadLatestEntities(db)), app);
  // Centre processes tell each other of revocations, so that no cached principal outlives one.
  const revocations =
    config.sync?.natsUrl && config.sync.role === "centre"
      ? startRevocationBus(config.sync.natsUrl, services.access, (err) =>
          app.log.warn({ err }, "revocation bus"),
        )
      : undefined;
  return {
    async stop() {
      retention?.stop();
      partitions.stop();
      await bundles.stop();
      await outbox.stop();
      await revocations?.stop();
    },
  };
}

export async function startServer(config: Config, opts: ServerOptions = {}): Promise<RunningServer> {
  const db = await openDatabase(config.db);
  try {
    const { applied } = await migrate(db);
    const warnings: string[] = [];
    // Before anything is appended: PostgreSQL without a key refuses to start here.
    const auditSigning = resolveAuditSigning(config.db, config.audit ?? {}, (w) => warnings.push(w));
    const services = await composeFor(db, config);
    const demoAdmin = await services.access.ensureDemoAdmin({ officers: config.demoUsers ?? false });
    let ready = false;
    const sync = syncSlot(config);
    const app = await buildApp({
      ...services,
      auditSigning,
      ready: () => ready,
      logger: { level: config.logLevel },
      ...(config.yenteGetSearch ? { yenteGetSearch: true } : {}),
      rateLimit: {
        ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
        ...(config.loginPerMinute ? { loginPerMinute: config.loginPerMinute } : {}),
      },
      ...(config.trustProxy !== undefined ? { trustProxy: config.trustProxy } : {}),
      ...(sync.deps ? { sync: sync.deps } : {}),
    });
    for (const w of warnings) app.log.warn(w);
    const checkpointer = startCheckpointer(db, auditSigning, {
      ...(config.audit?.checkpointEntries ? { everyEntries: config.audit.checkpointEntries } : {}),
      ...(config.audit?.checkpointSeconds ? { everyMs: config.audit.checkpointSeconds * 1000 } : {}),
      onError: (err) => app.log.error({ err }, "cannot write an audit checkpoint"),
    });
    const url = await app.listen({ port: config.port, host: config.host }).catch(async (err: unknown) => {
      await checkpointer.stop();
      throw err;
    });
    app.log.info(
      { db: db.describe, migrations: applied, auditCheckpoints: auditSigning.checkpointFile },
      "database ready",
    );

    const index = () =>
      indexWatchlists(db, config, opts, services, app, () => {
        ready = true;
      });

    const background = startBackground(db, config, services, app, auditSigning, sync);

    return {
      app,
      db,
      url,
      ...(demoAdmin ? { demoAdmin } : {}),
      indexed: index(),
      async close() {
        await background.stop();
        await app.close();
        await sync.stop();
        await services.access.flushFailedLogins();
        await services.partners.rejections.flush();
        // The last checkpoint covers every entry the finished requests appended.
        await checkpointer.stop();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}

/**
 * The sync of this process (issue 18), when LIMES_NATS_URL is set. Started without waiting: a post
 * whose link is down starts and screens with the lists it has, and connects when the link is back.
 */
function syncSlot(config: Config) {
  let runtime: SyncRuntime | undefined;
  let closed = false;
  const settings = config.sync;
  return {
    deps: settings ? { runtime: () => runtime, listWarnHours: settings.listWarnHours } : undefined,
    start(db: Db, reindex: () => Promise<void>, app: FastifyInstance) {
      const natsUrl = settings?.natsUrl;
      if (!settings || !natsUrl) return;
      startSync(db, { ...settings, natsUrl }, { reindex, log: app.log }).then(
        (r) => {
          // A post closed while it still waited for its first connection: stop what came too late.
          if (closed) r.stop().catch(() => undefined);
          else runtime = r;
        },
        (err: unknown) => app.log.error({ err }, "cannot start the sync"),
      );
    },
    async stop() {
      closed = true;
      await runtime?.stop();
    },
  };
}
