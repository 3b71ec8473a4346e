// Signing in: throttling first (per account and address, per address, spraying), then the password,
// then the second factor when the user has one. Failed logins go to the bounded failure log; the
// moment an address starts spraying is audited on its own.
import { randomUUID } from "node:crypto";
import { cleanupOccasionally } from "./activity.js";
import { type AccessContext, AuthError, appendAuditIn, TooManyAttemptsError } from "./context.js";
import type { Principal } from "./roles.js";
import * as store from "./store.js";
import { assessAttempt } from "./throttle.js";
import { insertToken, newToken, principalOf } from "./tokens.js";
import { acceptedStep } from "./totp.js";

export interface LoginResult {
  token: string;
  expiresAt: string;
  principal: Principal;
}

/** A correct password without the code of an enrolled second factor: the client asks for the code. */
export class SecondFactorRequired extends AuthError {
  constructor() {
    super("a code from the authenticator is required", { secondFactor: "totp" });
  }
}

export async function login(
  ctx: AccessContext,
  username: string,
  password: string,
  req: { ip: string; code?: string },
): Promise<LoginResult> {
  const { db } = ctx;
  const nowIso = ctx.now().toISOString();
  const user = await store.userByName(db, username);
  const agency = user?.agency ?? null;
  // Recorded as failed before anything is checked and turned into a success at the end, so a burst of
  // parallel guesses counts every guess (each sees those before it) rather than passing at once.
  const attempt = await store.insertAttempt(db, { username, ip: req.ip, at: nowIso, agency });
  const since = new Date(ctx.now().getTime() - ctx.throttle.windowMs).toISOString();
  const earlier = (await store.attemptsFromIp(db, req.ip, since)).filter((r) => r.id < attempt.id);
  const verdict = assessAttempt(earlier, username, ctx.now(), ctx.throttle);
  const fail = async (reason?: string) => {
    await ctx.failures.record({
      username,
      ip: req.ip,
      ...(agency ? { agency } : {}),
      ...(reason ? { reason } : {}),
    });
    await cleanupOccasionally(ctx);
  };
  if (verdict.waitMs > 0) {
    await fail("rate limited");
    throw new TooManyAttemptsError(
      "too many failed logins; try again later",
      Math.ceil(verdict.waitMs / 1000),
    );
  }
  const passwordOk = (await ctx.verifyPassword(user?.password_hash, password)) && !user?.disabled_at;
  if (!user || !passwordOk) {
    await noteSpraying(ctx, earlier, username, req.ip);
    await fail();
    throw new AuthError("wrong username or password", undefined, "wrong_credentials");
  }
  let step: number | undefined;
  if (user.totp_enabled_at) {
    if (!req.code) {
      await fail("second factor missing");
      throw new SecondFactorRequired();
    }
    step = acceptedStep(user, req.code, ctx.now());
    if (step === undefined) {
      await fail("second factor wrong");
      throw new AuthError(
        "wrong code from the authenticator",
        { secondFactor: "totp" },
        "wrong_second_factor",
      );
    }
  }
  return await openSession(ctx, user, attempt.id, req.ip, step);
}

async function openSession(
  ctx: AccessContext,
  user: NonNullable<Awaited<ReturnType<typeof store.userByName>>>,
  attemptId: number,
  ip: string,
  totpStep: number | undefined,
): Promise<LoginResult> {
  const token = newToken();
  const tokenId = randomUUID();
  const expiresAt = new Date(ctx.now().getTime() + ctx.ttlMs).toISOString();
  const roles = await store.rolesOf(ctx.db, user.id);
  const principal = principalOf(ctx, user, { userId: user.id, tokenId }, roles);
  const { restricted } = principal;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await insertToken(trx, ctx, {
      id: tokenId,
      userId: user.id,
      token,
      kind: "session",
      name: null,
      expiresAt,
    });
    await store.markAttemptSucceeded(trx, attemptId);
    if (totpStep !== undefined) await store.updateUser(trx, user.id, { totp_last_step: totpStep });
    await appendAuditIn(trx, ctx, {
      actor: principal,
      action: "login",
      objectType: "session",
      objectId: tokenId,
      outcome: "success",
      details: {
        ip,
        ...(restricted ? { restricted } : {}),
        ...(totpStep !== undefined ? { secondFactor: "totp" } : {}),
      },
    });
  });
  return { token, expiresAt, principal };
}

/** The failure that makes an address reach the spraying threshold is audited once, on its own. */
async function noteSpraying(
  ctx: AccessContext,
  earlier: readonly store.AttemptRow[],
  username: string,
  ip: string,
): Promise<void> {
  const names = new Set(earlier.filter((r) => !r.success).map((r) => r.username));
  if (names.has(username) || names.size + 1 !== ctx.throttle.sprayUsernames) return;
  await ctx.audit({
    actor: { username: "anonymous" },
    action: "login.spraying",
    objectType: "address",
    objectId: ip,
    outcome: "denied",
    details: { ip, usernames: names.size + 1, windowMinutes: ctx.throttle.windowMs / 60_000 },
  });
}
