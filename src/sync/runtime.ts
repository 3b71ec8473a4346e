// The sync of one Limes process, started by the server when LIMES_NATS_URL is set, stopped at close.
//   centre: creates the JetStream resources, ingests the posts' messages (one durable consumer shared by
//           every centre process), publishes live list versions and decisions on the posts' alerts,
//           and rebuilds its index when another centre process activated a version
//   post:   publishes its outbox, fetches the active list versions and applies the centre's decisions
// Every loop survives an outage: a failed pass is logged and retried on the next tick.
import { type Db, runExclusive } from "../db/index.js";
import type { SyncConfig } from "./config.js";
import { publishDecisions, watchDecisions } from "./decisions.js";
import { ingestMessages } from "./ingest.js";
import type { ListRelease, PostStatus, SyncMessage } from "./model.js";
import {
  ACTIVE_LISTS,
  allKeys,
  type Bus,
  bindKv,
  connectBus,
  ensureCentreResources,
  INGEST_CONSUMER,
  POST_STATUS,
  SYNC_STREAM,
} from "./nats.js";
import { publishOutbox } from "./outbox.js";
import { publishLiveLists } from "./publish-lists.js";
import { receiveLists } from "./receive-lists.js";

export interface SyncLog {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface SyncRuntime {
  role: SyncConfig["role"];
  post?: string;
  /** False while the link to NATS is down. */
  connected(): boolean;
  /** Centre: what each post reported, newest report per post. */
  posts(): Promise<PostStatus[]>;
  stop(): Promise<void>;
}

/** Runs `pass` every `ms` (again at once while it reports more work), never two passes at a time. */
function every(ms: number, pass: () => Promise<boolean | undefined>, onError: (err: unknown) => void) {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = pass().then(
      (more) => {
        if (!stopped) timer = setTimeout(tick, more ? 0 : ms);
      },
      (err: unknown) => {
        onError(err);
        if (!stopped) timer = setTimeout(tick, ms);
      },
    );
  };
  tick();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}

function ingestLoop(db: Db, bus: Bus, onError: (err: unknown) => void) {
  const decoder = new TextDecoder();
  return every(
    200,
    async () => {
      const consumer = await bus.js.consumers.get(SYNC_STREAM, INGEST_CONSUMER);
      const batch = await consumer.fetch({ max_messages: 500, expires: 1000 });
      const msgs = [];
      for await (const m of batch) msgs.push(m);
      if (msgs.length === 0) return false;
      await ingestMessages(
        db,
        msgs.map((m) => JSON.parse(decoder.decode(m.data)) as SyncMessage),
      );
      // After the commit: a crash before this line redelivers, and sync_inbox makes that harmless.
      for (const m of msgs) m.ack();
      return true;
    },
    onError,
  );
}

function centreLoops(db: Db, bus: Bus, reindex: () => Promise<void>, onError: (err: unknown) => void) {
  const seen = new Map<string, number>();
  let baseline = false;
  const lists = every(
    1000,
    async () => {
      // Publishing runs in one centre process at a time; a process that skipped it learns the versions
      // from the KV below, like any other process's activation.
      const published = await runExclusive(db, "publish-lists", () => publishLiveLists(db, bus));
      if (published.ran) for (const r of published.value) seen.set(r.list, r.version);
      // Another centre process activated a version: this one rebuilds its own index from the database.
      const kv = await bindKv(bus, ACTIVE_LISTS);
      let changed = false;
      for (const key of await allKeys(kv)) {
        const r = (await kv.get(key))?.json() as ListRelease | undefined;
        if (!r || seen.get(r.list) === r.version) continue;
        seen.set(r.list, r.version);
        changed = true;
      }
      if (changed && baseline) await reindex();
      baseline = true;
      await runExclusive(db, "publish-decisions", () => publishDecisions(db, bus));
      return false;
    },
    onError,
  );
  return [lists, ingestLoop(db, bus, onError)];
}

function postLoops(
  db: Db,
  bus: Bus,
  post: string,
  reindex: () => Promise<void>,
  onError: (e: unknown) => void,
) {
  const outbox = every(250, async () => (await publishOutbox(db, bus, post)) > 0, onError);
  const lists = every(
    1000,
    async () => {
      await receiveLists(db, bus, post, reindex);
      return false;
    },
    onError,
  );
  let decisions: { stop(): void } | undefined;
  const watch = every(
    2000,
    async () => {
      if (!decisions) decisions = await watchDecisions(db, bus, post, onError);
      return false;
    },
    onError,
  );
  return [outbox, lists, watch, async () => decisions?.stop()];
}

export async function startSync(
  db: Db,
  config: SyncConfig & { natsUrl: string },
  deps: { reindex: () => Promise<void>; log: SyncLog },
): Promise<SyncRuntime> {
  const name = config.role === "post" ? `limes-post-${config.postId}` : "limes-centre";
  const bus = await connectBus(config.natsUrl, name, config.natsDomain);
  let connected = true;
  (async () => {
    for await (const s of bus.nc.status()) {
      if (s.type === "disconnect") connected = false;
      if (s.type === "reconnect") connected = true;
    }
  })().catch(() => undefined);
  const onError = (err: unknown) => deps.log.warn({ err, connected }, "sync pass failed; retrying");
  if (config.role === "centre")
    await ensureCentreResources(bus, { duplicateWindowSeconds: config.duplicateWindowSeconds });
  const stops =
    config.role === "centre"
      ? centreLoops(db, bus, deps.reindex, onError)
      : postLoops(db, bus, config.postId!, deps.reindex, onError);
  deps.log.info({ role: config.role, nats: config.natsUrl }, "sync started");
  return {
    role: config.role,
    ...(config.postId ? { post: config.postId } : {}),
    connected: () => connected,
    async posts() {
      const kv = await bindKv(bus, POST_STATUS);
      const out: PostStatus[] = [];
      for (const key of await allKeys(kv)) {
        const e = await kv.get(key);
        if (e?.value.length) out.push(e.json() as PostStatus);
      }
      return out.sort((a, b) => a.post.localeCompare(b.post));
    },
    async stop() {
      for (const stop of stops) await stop();
      await bus.close().catch(() => undefined);
    },
  };
}
