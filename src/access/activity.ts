// Failed logins and spraying for the admin (the users screen), and the clean-up of login_attempts.
import { queryAudit } from "../audit/index.js";
import { ForbiddenError } from "../shared/errors.js";
import type { AccessContext } from "./context.js";
import { can, type Principal } from "./roles.js";
import * as store from "./store.js";

const CLEAN_EVERY_MS = 10 * 60_000;

/** Deletes login attempts past the retention; returns how many. */
export async function cleanupLoginAttempts(ctx: AccessContext): Promise<number> {
  const before = new Date(ctx.now().getTime() - ctx.retentionMs).toISOString();
  const r = await store.deleteAttemptsBefore(ctx.db, before);
  ctx.cleanedAt.ms = ctx.now().getTime();
  return Number(r.numDeletedRows);
}

/** Run from the login path, at most every ten minutes per process: no scheduler needed. */
export async function cleanupOccasionally(ctx: AccessContext): Promise<void> {
  if (ctx.now().getTime() - ctx.cleanedAt.ms >= CLEAN_EVERY_MS) await cleanupLoginAttempts(ctx);
}

export interface LoginActivity {
  since: string;
  /** Addresses that failed on many usernames: spraying, throttled on every account. */
  spraying: { ip: string; usernames: number; failures: number; last: string }[];
  /** The audit log's spraying entries of the period (at most 50, newest first): where the record is. */
  sprayingAudit: { auditId: number; ts: string; ip: string; usernames: number }[];
  /** Failed logins per username and address, newest first (at most 200 rows). */
  failures: { username: string; ip: string; agency?: string; failures: number; last: string }[];
}

/**
 * Failed logins of the retention period, of every agency and of usernames that name no one: the
 * admin watches over sign-in itself, which no agency owns. Usernames and addresses only, no personal data
 * of travellers.
 */
export async function loginActivity(ctx: AccessContext, actor: Principal): Promise<LoginActivity> {
  if (!can(actor, "users:manage")) throw new ForbiddenError("this role cannot read login activity");
  const since = new Date(ctx.now().getTime() - ctx.retentionMs).toISOString();
  const [spraying, failures, audited] = await Promise.all([
    store.sprayingAddresses(ctx.db, since, ctx.throttle.sprayUsernames),
    store.failedAttemptsSince(ctx.db, since, 200),
    queryAudit(ctx.db, { action: "login.spraying", from: since, limit: 50 }),
  ]);
  return {
    since,
    spraying: spraying.map((s) => ({
      ip: s.ip,
      usernames: Number(s.usernames),
      failures: Number(s.failures),
      last: String(s.last),
    })),
    sprayingAudit: audited.map((e) => ({
      auditId: e.id,
      ts: e.ts,
      ip: e.objectId ?? "",
      usernames: Number(e.details?.usernames ?? 0),
    })),
    failures: failures.map((f) => ({
      username: f.username,
      ip: f.ip,
      ...(f.agency ? { agency: f.agency } : {}),
      failures: Number(f.failures),
      last: String(f.last),
    })),
  };
}
