// Session and API tokens: random, stored only as SHA-256 hashes, with a fixed lifetime, an idle expiry
// for sessions, and revocation. Last use is recorded coarsely (at most once a minute per token), so the
// short-lived cache of principals in front of this (principal-cache.ts) loses nothing: its lifetime is
// below that minute, and a token is read again, and touched, once its entry is gone.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/index.js";
import { InvalidError } from "../shared/errors.js";
import { type AccessContext, appendAuditIn } from "./context.js";
import type { Principal, Role } from "./roles.js";
import * as store from "./store.js";

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
export const newToken = () => randomBytes(32).toString("base64url");

const TOUCH_EVERY_MS = 60_000;

interface PrincipalUser {
  username: string;
  agency: string;
  crossing_point_id: string | null;
  locale: string | null;
  must_change_password: number;
  totp_enabled_at: string | null;
}

/** Who a token of this user acts as: at login and whenever the token is read back. */
export function principalOf(
  ctx: AccessContext,
  user: PrincipalUser,
  ids: { userId: string; tokenId: string },
  roles: Role[],
): Principal {
  const principal: Principal = {
    userId: ids.userId,
    username: user.username,
    roles,
    agency: user.agency,
    tokenId: ids.tokenId,
  };
  if (user.crossing_point_id) principal.crossingPointId = user.crossing_point_id;
  if (user.locale) principal.locale = user.locale;
  const restricted = restrictionOf(ctx, user, roles);
  if (restricted) principal.restricted = restricted;
  return principal;
}

/** What a session of this user may do: everything, or only what it must do first. */
function restrictionOf(
  ctx: AccessContext,
  user: PrincipalUser,
  roles: readonly Role[],
): Principal["restricted"] {
  if (user.must_change_password) return "password_change";
  if (!user.totp_enabled_at && roles.some((r) => ctx.totpRoles.has(r))) return "totp_enrolment";
  return undefined;
}

export async function insertToken(
  trx: Kysely<Database> | Transaction<Database>,
  ctx: AccessContext,
  row: {
    id: string;
    userId: string;
    token: string;
    kind: "session" | "api";
    name: string | null;
    expiresAt: string;
    client?: { name: string; purpose: string };
  },
): Promise<void> {
  const at = ctx.now().toISOString();
  await store.insertToken(trx, {
    id: row.id,
    user_id: row.userId,
    token_hash: sha256(row.token),
    kind: row.kind,
    name: row.name,
    created_at: at,
    expires_at: row.expiresAt,
    revoked_at: null,
    last_used_at: at,
    client: row.client?.name ?? null,
    purpose: row.client?.purpose ?? null,
  });
}

export async function authenticate(ctx: AccessContext, token: string): Promise<Principal | undefined> {
  const digest = sha256(token);
  const now = ctx.now();
  const cached = ctx.principals.get(digest, now.getTime());
  if (cached) return cached;
  const epoch = ctx.principals.epoch();
  const row = await store.tokenByHash(ctx.db, digest);
  const nowIso = now.toISOString();
  if (!row || row.revoked_at || row.disabled_at || row.expires_at <= nowIso) return undefined;
  const lastUsed = Date.parse(row.last_used_at ?? row.created_at);
  if (row.kind === "session" && now.getTime() - lastUsed >= ctx.idleMs) return undefined;
  if (now.getTime() - lastUsed >= TOUCH_EVERY_MS) await store.touchToken(ctx.db, row.tokenId, nowIso);
  const roles = await store.rolesOf(ctx.db, row.userId);
  const principal = principalOf(ctx, row, { userId: row.userId, tokenId: row.tokenId }, roles);
  if (row.client) principal.client = { name: row.client, purpose: row.purpose ?? "" };
  if (ctx.principals.ttlMs > 0) {
    // Never cached past the token's expiry, nor past the idle limit a session would reach unused.
    const idleEnd = row.kind === "session" ? lastUsed + ctx.idleMs : Number.POSITIVE_INFINITY;
    const until = Math.min(now.getTime() + ctx.principals.ttlMs, Date.parse(row.expires_at), idleEnd);
    ctx.principals.set(digest, principal, until, epoch);
  }
  return principal;
}

/** Revokes a session or API token, given as the token itself or as the principal it authenticated. */
export async function logout(ctx: AccessContext, tokenOrPrincipal: string | Principal): Promise<void> {
  const principal =
    typeof tokenOrPrincipal === "string" ? await authenticate(ctx, tokenOrPrincipal) : tokenOrPrincipal;
  if (!principal) return;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await store.revokeToken(trx, principal.tokenId, ctx.now().toISOString());
    await appendAuditIn(trx, ctx, {
      actor: principal,
      action: "logout",
      objectType: "session",
      objectId: principal.tokenId,
      outcome: "success",
    });
  });
  ctx.revoke({ tokenId: principal.tokenId });
}

export async function createApiToken(
  ctx: AccessContext,
  actor: Principal,
  input: { name: string; expiresInDays: number },
): Promise<{ token: string; expiresAt: string }> {
  if (!(input.expiresInDays > 0 && input.expiresInDays <= 366))
    throw new InvalidError("expiresInDays: between 1 and 366");
  const token = newToken();
  const id = randomUUID();
  const expiresAt = new Date(ctx.now().getTime() + input.expiresInDays * 86_400_000).toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await insertToken(trx, ctx, {
      id,
      userId: actor.userId,
      token,
      kind: "api",
      name: input.name,
      expiresAt,
    });
    await appendAuditIn(trx, ctx, {
      actor,
      action: "token.create",
      objectType: "token",
      objectId: id,
      outcome: "success",
      details: { name: input.name },
    });
  });
  return { token, expiresAt };
}
