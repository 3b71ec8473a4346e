// A short-lived cache of the principals that bearer tokens resolve to, so that a request does not read
// the token, its user and the user's roles again when the same token came a few seconds before.
// Keyed by the token's SHA-256 digest (never the token). Bounded in time (`ttlMs`, and never past the
// token's expiry or its session's idle limit) and in size (the oldest entry leaves first).
// Revocation: every change that can refuse a token or change its principal (sign-out, password change or
// reset, disabling a user, a second factor confirmed, a new UI language) evicts at once in this process
// and is told to the other centre processes through the bus (src/sync/revocations.ts); without a bus,
// another process serves what it cached for at most `ttlMs`.
import type { Principal } from "./roles.js";

/** What to evict: one token, every token of one user, or everything (after the bus was down). */
export type Revocation = { tokenId: string } | { userId: string } | { all: true };

interface Entry {
  principal: Readonly<Principal>;
  until: number;
}

export interface PrincipalCache {
  /** The cached principal of a token digest, while its entry is fresh at `nowMs`. */
  get(digest: string, nowMs: number): Principal | undefined;
  /**
   * Caches a principal read from the database, unless something was evicted since `epoch` (taken before
   * that read): the read may have seen the row before the revocation committed. `until` is the
   * caller's: at most `ttlMs` ahead, and never past the token's expiry.
   */
  set(digest: string, principal: Principal, until: number, epoch: number): void;
  /** How long an entry may live (0: the cache is off). */
  readonly ttlMs: number;
  /** Increases with every eviction; taken before a database read and handed to `set`. */
  epoch(): number;
  evict(r: Revocation): void;
  size(): number;
}

export const DEFAULT_PRINCIPAL_CACHE_ENTRIES = 10_000;

export function createPrincipalCache(opts: { ttlMs: number; maxEntries?: number }): PrincipalCache {
  const max = opts.maxEntries ?? DEFAULT_PRINCIPAL_CACHE_ENTRIES;
  // A Map iterates in insertion order: the first key is the oldest entry.
  const entries = new Map<string, Entry>();
  let epoch = 0;
  return {
    ttlMs: opts.ttlMs,
    get(digest, nowMs) {
      const e = entries.get(digest);
      if (!e) return undefined;
      if (e.until <= nowMs) {
        entries.delete(digest);
        return undefined;
      }
      // A copy: a route that adds to its principal must not change what the next request gets.
      return { ...e.principal, roles: [...e.principal.roles] };
    },
    set(digest, principal, until, at) {
      if (opts.ttlMs <= 0 || at !== epoch) return;
      entries.delete(digest);
      entries.set(digest, {
        principal: { ...principal, roles: [...principal.roles] },
        until,
      });
      while (entries.size > max) entries.delete(entries.keys().next().value!);
    },
    epoch: () => epoch,
    evict(r) {
      epoch++;
      if ("all" in r) {
        entries.clear();
        return;
      }
      // A scan: evictions are rare (a sign-out, an admin's action) and the map is bounded.
      for (const [digest, e] of entries) {
        if ("tokenId" in r ? e.principal.tokenId === r.tokenId : e.principal.userId === r.userId)
          entries.delete(digest);
      }
    },
    size: () => entries.size,
  };
}
