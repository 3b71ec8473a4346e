// Request rate limits per client address (`@fastify/rate-limit`), for routes that must not be able to
// crowd out the rest: login first, partner queries later. Counters live in this process by default, or
// in Redis when a URL is given, so that several processes share them. A refused request costs no
// database work, and the answer is the usual error shape with Retry-After.
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import { Redis } from "ioredis";
import { TooManyAttemptsError } from "../access/index.js";

export interface RateLimitSettings {
  /** Redis for counters shared between processes; in-process counters when unset. */
  redisUrl?: string;
  /** Login requests per client address and minute (default 30). */
  loginPerMinute?: number;
}

export const DEFAULT_LOGIN_PER_MINUTE = 30;

/** Registers the limiter (before the routes): it limits only routes that ask, through `limitPerAddress`. */
export async function registerRateLimit(
  app: FastifyInstance,
  settings: RateLimitSettings = {},
): Promise<void> {
  // No offline queue and one try per command: with Redis down, a limited route fails fast (500) rather
  // than hanging or silently going unlimited.
  const redis = settings.redisUrl
    ? new Redis(settings.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true })
    : undefined;
  if (redis) {
    let lastError = "";
    // Logged once per kind of failure, not per reconnection attempt.
    redis.on("error", (err: Error) => {
      if (err.message !== lastError) app.log.error({ err }, "rate-limit store (Redis) unavailable");
      lastError = err.message;
    });
    // Connected before the server listens: an unreachable Redis stops the start with its reason.
    await redis.connect().catch((err: unknown) => {
      redis.disconnect();
      throw new Error(`LIMES_REDIS_URL: cannot reach Redis (${lastError || (err as Error).message})`);
    });
  }
  await app.register(rateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: "limes-rate:" } : {}),
    skipOnError: false,
    errorResponseBuilder: (_req, ctx) =>
      new TooManyAttemptsError(
        `too many requests from this address; try again in ${ctx.after}`,
        Math.ceil(ctx.ttl / 1000),
      ),
  });
  if (redis) app.addHook("onClose", async () => void (await redis.quit()));
}

/**
 * The route config of a limit per client address (`req.ip`, so behind a proxy set `trustProxy`). Each
 * route counts on its own (the stores key by route and address).
 */
export function limitPerAddress(max: number, windowMs = 60_000) {
  return { rateLimit: { max, timeWindow: windowMs } } as const;
}
