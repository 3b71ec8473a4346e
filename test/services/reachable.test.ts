// The message bus and the cache that later work builds on answer as the probes said: a JetStream
// message goes round trip, and Redis stores and returns a value. Skipped visibly where they are absent.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { AckPolicy, connect, StringCodec } from "nats";
import { expect } from "vitest";
import { itWithService, service } from "../support/services.js";

const run = randomBytes(4).toString("hex");

itWithService("nats", "NATS JetStream stores a published message and delivers it to a consumer", async () => {
  const nc = await connect({ servers: service("nats").url, timeout: 2000 });
  const jsm = await nc.jetstreamManager();
  const stream = `LIMES_TEST_${run}`;
  const subject = `limes.test.${run}`;
  await jsm.streams.add({ name: stream, subjects: [subject] });
  try {
    const sc = StringCodec();
    const js = nc.jetstream();
    const ack = await js.publish(subject, sc.encode("hello"));
    expect(ack.seq).toBe(1);
    await jsm.consumers.add(stream, { durable_name: "reader", ack_policy: AckPolicy.Explicit });
    const consumer = await js.consumers.get(stream, "reader");
    const msg = await consumer.next({ expires: 2000 });
    expect(msg && sc.decode(msg.data)).toBe("hello");
    msg?.ack();
  } finally {
    await jsm.streams.delete(stream);
    await nc.close();
  }
});

itWithService("redis", "Redis answers PING and returns what it stored", async () => {
  const redis = new Redis(service("redis").url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    expect(await redis.ping()).toBe("PONG");
    const key = `limes:test:${run}`;
    await redis.set(key, "hello", "EX", 60);
    expect(await redis.get(key)).toBe("hello");
    await redis.del(key);
  } finally {
    redis.disconnect();
  }
});
