// What every access use case shares: the database, the clock and the resolved settings.
import { randomBytes } from "node:crypto";
import { hash as argonHash, verify as argonVerify } from "@node-rs/argon2";
import type { Transaction } from "kysely";
import { type AuditEntryInput, appendAudit } from "../audit/index.js";
import type { Database, Db } from "../db/index.js";
import { LimesError } from "../shared/errors.js";
import { createFailureLog, type FailureLog } from "./failure-log.js";
import { createPrincipalCache, type PrincipalCache, type Revocation } from "./principal-cache.js";
import type { Role } from "./roles.js";
import { DEFAULT_THROTTLE, type ThrottlePolicy } from "./throttle.js";

/** Wrong credentials or an unusable token: 401 at the edge. */
export class AuthError extends LimesError {}
/** Too many failed logins: 429 at the edge, with how long to wait. */
export class TooManyAttemptsError extends LimesError {
  constructor(
    message: string,
    readonly retryAfterSeconds = 1,
  ) {
    super(message, { retryAfterSeconds }, "too_many_attempts", { retryAfterSeconds });
  }
}

export interface AccessOptions {
  sessionTtlMinutes?: number;
  /** A session unused this long expires before its lifetime (default 30 minutes). */
  idleMinutes?: number;
  /** Failed attempts on one username from one address before each further one waits (default 5). */
  maxFailures?: number;
  failureWindowMinutes?: number;
  /** The rest of the throttling policy (see throttle.ts). */
  throttle?: Partial<ThrottlePolicy>;
  /** Failed logins written one by one to the audit log per minute, before they are tallied (default 30). */
  failedLoginsPerMinute?: number;
  /** Roles whose users must sign in with a TOTP code (they enrol at their next login). */
  totpRoles?: readonly Role[];
  /** How long login attempts are kept (default 24 hours): throttling and the admin's view read them. */
  attemptRetentionHours?: number;
  /**
   * How long a token's principal is cached in this process (default 0: read at every request; the
   * server sets LIMES_PRINCIPAL_CACHE_SECONDS, default 10). Revocations evict at once in this process.
   */
  principalCacheSeconds?: number;
  /** Most principals cached (default 10,000). */
  principalCacheEntries?: number;
  now?: () => Date;
}

export interface AccessContext {
  db: Db;
  now: () => Date;
  ttlMs: number;
  idleMs: number;
  throttle: ThrottlePolicy;
  totpRoles: ReadonlySet<Role>;
  retentionMs: number;
  failures: FailureLog;
  /** When login_attempts was last cleaned up by this process (ms). */
  cleanedAt: { ms: number };
  audit: (entry: AuditEntryInput) => Promise<unknown>;
  principals: PrincipalCache;
  /** Evicts here and tells the listeners (the bus to the other centre processes); after the commit. */
  revoke: (r: Revocation) => void;
  /** Who hears of this process's revocations. */
  revocationListeners: Set<(r: Revocation) => void>;
  verifyPassword: (hash: string | undefined, password: string) => Promise<boolean>;
}

export function accessContext(db: Db, opts: AccessOptions): AccessContext {
  const now = opts.now ?? (() => new Date());
  const throttle: ThrottlePolicy = {
    ...DEFAULT_THROTTLE,
    ...(opts.maxFailures ? { accountFree: opts.maxFailures } : {}),
    ...(opts.failureWindowMinutes ? { windowMs: opts.failureWindowMinutes * 60_000 } : {}),
    ...opts.throttle,
  };
  // Verifying against a throwaway hash when the user does not exist keeps the answer time the same, so
  // response times do not tell which usernames exist.
  let dummyHash: Promise<string> | undefined;
  const verifyPassword = async (hash: string | undefined, password: string) => {
    if (hash) return argonVerify(hash, password);
    dummyHash ??= argonHash(randomBytes(16).toString("hex"));
    await argonVerify(await dummyHash, password);
    return false;
  };
  const principals = createPrincipalCache({
    ttlMs: (opts.principalCacheSeconds ?? 0) * 1000,
    ...(opts.principalCacheEntries ? { maxEntries: opts.principalCacheEntries } : {}),
  });
  const revocationListeners = new Set<(r: Revocation) => void>();
  return {
    db,
    now,
    principals,
    revocationListeners,
    revoke(r) {
      principals.evict(r);
      for (const l of revocationListeners) l(r);
    },
    ttlMs: (opts.sessionTtlMinutes ?? 8 * 60) * 60_000,
    idleMs: (opts.idleMinutes ?? 30) * 60_000,
    throttle,
    totpRoles: new Set(opts.totpRoles ?? []),
    retentionMs: (opts.attemptRetentionHours ?? 24) * 3_600_000,
    failures: createFailureLog(db, { perMinute: opts.failedLoginsPerMinute ?? 30, now }),
    audit: (entry) => db.kysely.transaction().execute((trx) => appendAudit(trx, entry, now())),
    verifyPassword,
    cleanedAt: { ms: 0 },
  };
}

/** An audit entry in the caller's transaction, at the context's clock. */
export function appendAuditIn(trx: Transaction<Database>, ctx: AccessContext, entry: AuditEntryInput) {
  return appendAudit(trx, entry, ctx.now());
}
