// The rate-limit store on the real Redis: two processes (here two Fastify instances) that share one Redis
// share one counter per client address, so a flood spread over several centre processes is still limited.
// Without Redis the suite is skipped visibly (in the summary line), or fails when LIMES_REQUIRE_REDIS=1.
import { randomBytes } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import { Redis } from "ioredis";
import { afterAll, expect, it } from "vitest";
import { errorBody } from "../../src/http/app.js";
import { registerErrorHandlers } from "../../src/http/errors.js";
import { limitPerAddress, registerRateLimit } from "../../src/http/rate-limit.js";
import { describeWithService, service } from "../support/services.js";

const REDIS_URL = service("redis").url;

async function processWithLimit(route: string, max: number): Promise<FastifyInstance> {
  const app = Fastify();
  registerErrorHandlers(app);
  await registerRateLimit(app, { redisUrl: REDIS_URL });
  app.get(route, { config: limitPerAddress(max) }, async () => ({ ok: true }));
  return app;
}

describeWithService("redis", "login rate limit on Redis", () => {
  const apps: FastifyInstance[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it("shares one counter per address between processes, and answers 429 in the usual shape", async () => {
    // A fresh route per run: counters of earlier runs in the same minute do not count.
    const route = `/limited-${randomBytes(4).toString("hex")}`;
    const [a, b] = [await processWithLimit(route, 3), await processWithLimit(route, 3)];
    apps.push(a, b);
    const hit = (app: FastifyInstance, ip: string) => app.inject({ url: route, remoteAddress: ip });
    const statuses = [];
    for (const app of [a, b, a, b]) statuses.push((await hit(app, "203.0.113.1")).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await hit(a, "203.0.113.1");
    expect(refused.json()).toMatchObject({ error: { code: "too_many_attempts" } });
    expect(Object.keys(refused.json())).toEqual(Object.keys(errorBody("x", "y")));
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    // Another address has its own counter.
    expect((await hit(b, "203.0.113.2")).statusCode).toBe(200);
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`limes-rate:GET${route}-*`);
    await redis.del(...keys);
    redis.disconnect();
    expect(keys.sort()).toEqual([`limes-rate:GET${route}-203.0.113.1`, `limes-rate:GET${route}-203.0.113.2`]);
  });
});
