// Revocations between the centre processes (issue 18, item 6): each process caches the principals of
// the tokens it saw for a few seconds (src/access/principal-cache.ts). When one process signs a token
// out, disables a user or changes a password, it evicts at once in its own cache and publishes the
// revocation here, after the commit; every other process evicts on receipt. Core NATS, not JetStream: a
// message missed while the link was down needs no replay, since the cache is emptied on reconnect and an
// entry lives at most LIMES_PRINCIPAL_CACHE_SECONDS anyway.
import { connect, type NatsConnection } from "nats";
import type { Revocation } from "../access/index.js";

export const REVOCATIONS_SUBJECT = "limes.access.revoked";

export interface RevocationTarget {
  onRevocation(listener: (r: Revocation) => void): () => void;
  applyRevocation(r: Revocation): void;
}

function isRevocation(v: unknown): v is Revocation {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Record<string, unknown>;
  return r.all === true || typeof r.tokenId === "string" || typeof r.userId === "string";
}

/**
 * Connects the access service of this process to the others. Returns at once: until the connection is
 * up (and while it is down) the cache's lifetime bounds how long a revoked token is still served.
 */
export function startRevocationBus(
  url: string,
  access: RevocationTarget,
  onError: (err: unknown) => void,
): { ready: Promise<void>; stop(): Promise<void> } {
  let nc: NatsConnection | undefined;
  let stopped = false;
  const unsubscribe = access.onRevocation((r) => {
    try {
      nc?.publish(REVOCATIONS_SUBJECT, JSON.stringify(r));
    } catch (err) {
      onError(err);
    }
  });
  const ready = (async () => {
    const conn = await connect({
      servers: url,
      name: "limes-revocations",
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      waitOnFirstConnect: true,
    });
    if (stopped) return void (await conn.close());
    nc = conn;
    const sub = conn.subscribe(REVOCATIONS_SUBJECT);
    (async () => {
      for await (const m of sub) {
        try {
          const r = m.json();
          if (isRevocation(r)) access.applyRevocation(r);
        } catch (err) {
          onError(err);
        }
      }
    })().catch(onError);
    (async () => {
      // What was published while the link was down is lost: forget everything cached.
      for await (const s of conn.status()) if (s.type === "reconnect") access.applyRevocation({ all: true });
    })().catch(onError);
    // Subscribed at the server before anyone relies on it (the tests, a process reporting ready).
    await conn.flush();
  })();
  ready.catch(onError);
  return {
    ready,
    async stop() {
      stopped = true;
      unsubscribe();
      await nc?.drain().catch(() => undefined);
    },
  };
}
