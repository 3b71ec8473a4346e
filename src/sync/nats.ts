// The JetStream plumbing of remote posts, in one place: the names of the stream, the key-value buckets
// and the object store, the centre's creation of them, and a connection that keeps reconnecting (a
// post's link drops for hours; the client must come back by itself, with the outbox waiting meanwhile).
import {
  AckPolicy,
  connect,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type KV,
  type NatsConnection,
  nanos,
  type ObjectStore,
  RetentionPolicy,
  StorageType,
} from "nats";

/** Everything a post sends to the centre: one subject per post, `limes.sync.<post>`. */
export const SYNC_STREAM = "LIMES_SYNC";
export const syncSubject = (post: string) => `limes.sync.${post}`;
/** The centre's durable pull consumer, shared by all centre processes (each message to one of them). */
export const INGEST_CONSUMER = "centre-ingest";
/** The list data of every activated version, by `<list>@<version>`. */
export const LIST_OBJECTS = "limes-lists";
/** "Version N of list L is active": one key per list, its value the version, checksum and object name. */
export const ACTIVE_LISTS = "limes-active-lists";
/** Each post's acknowledgement: the versions it runs and when it last reported. */
export const POST_STATUS = "limes-posts";
/** Decisions taken at the centre on a post's alerts, by `<post>.<alert id>`. */
export const DECISIONS = "limes-decisions";

export interface Bus {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm(): Promise<JetStreamManager>;
  close(): Promise<void>;
}

/** `domain`: the centre's JetStream domain, required to reach it through a post's leaf node. */
export async function connectBus(url: string, name: string, domain?: string): Promise<Bus> {
  const nc = await connect({
    servers: url,
    name,
    // Forever: an outage of hours ends in a reconnect, never in a process that gave up.
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    // The first connection may also wait for a link that is down when the post starts.
    waitOnFirstConnect: true,
  });
  const opts = domain ? { domain } : {};
  return { nc, js: nc.jetstream(opts), jsm: () => nc.jetstreamManager(opts), close: () => nc.drain() };
}

/** The centre creates (or updates) the stream, the consumer and the buckets; posts only bind to them. */
export async function ensureCentreResources(bus: Bus, opts: { duplicateWindowSeconds: number }) {
  const jsm = await bus.jsm();
  const stream = {
    name: SYNC_STREAM,
    subjects: [syncSubject(">")],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    duplicate_window: nanos(opts.duplicateWindowSeconds * 1000),
  };
  try {
    await jsm.streams.info(SYNC_STREAM);
    await jsm.streams.update(SYNC_STREAM, { duplicate_window: stream.duplicate_window });
  } catch {
    await jsm.streams.add(stream);
  }
  await jsm.consumers.add(SYNC_STREAM, {
    durable_name: INGEST_CONSUMER,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(30_000),
    max_ack_pending: 10_000,
  });
  await Promise.all([
    bus.js.views.kv(ACTIVE_LISTS, { history: 1 }),
    bus.js.views.kv(POST_STATUS, { history: 1 }),
    bus.js.views.kv(DECISIONS, { history: 1 }),
    bus.js.views.os(LIST_OBJECTS),
  ]);
}

export const bindKv = (bus: Bus, name: string): Promise<KV> => bus.js.views.kv(name, { bindOnly: true });
export const bindObjects = (bus: Bus): Promise<ObjectStore> => bus.js.views.os(LIST_OBJECTS);

/** The keys first, then the reads: a slow read while iterating would stall the key listing's consumer. */
export async function allKeys(kv: KV): Promise<string[]> {
  const keys: string[] = [];
  for await (const k of await kv.keys()) keys.push(k);
  return keys.sort();
}
