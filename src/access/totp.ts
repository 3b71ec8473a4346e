// The optional second factor: a TOTP code (RFC 6238, 30 s, 6 digits, SHA-1 as every authenticator app
// supports). A user enrols, confirms with a first code, and from then on signs in with a code too. A code
// is accepted once: its time step is remembered. Roles may be required to use it (AccessOptions.totpRoles).
import { Secret, TOTP } from "otpauth";
import { ConflictError, InvalidError } from "../shared/errors.js";
import { type AccessContext, appendAuditIn } from "./context.js";
import type { Principal } from "./roles.js";
import * as store from "./store.js";

const PERIOD_MS = 30_000;

const totpOf = (secret: string, username: string) =>
  new TOTP({ issuer: "Limes", label: username, secret: Secret.fromBase32(secret), period: PERIOD_MS / 1000 });

/**
 * The time step a code belongs to, if it is valid now (one step of clock drift either way) and newer
 * than the last one accepted.
 */
export function acceptedStep(
  user: { username: string; totp_secret: string | null; totp_last_step: number | null },
  code: string,
  now: Date,
): number | undefined {
  if (!user.totp_secret || !/^\d{6}$/.test(code)) return undefined;
  const delta = totpOf(user.totp_secret, user.username).validate({
    token: code,
    timestamp: now.getTime(),
    window: 1,
  });
  if (delta === null) return undefined;
  const step = Math.floor(now.getTime() / PERIOD_MS) + delta;
  return user.totp_last_step !== null && step <= user.totp_last_step ? undefined : step;
}

/** A new secret for the signed-in user, to be confirmed with a code before it is used. */
export async function startTotpEnrolment(
  ctx: AccessContext,
  actor: Principal,
): Promise<{ secret: string; uri: string }> {
  const user = await store.userById(ctx.db.kysely, actor.userId);
  if (user?.totp_enabled_at)
    throw new ConflictError("a second factor is already enrolled", undefined, "second_factor_enrolled");
  const secret = new Secret({ size: 20 }).base32;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await store.updateUser(trx, actor.userId, { totp_secret: secret, totp_last_step: null });
    await appendAuditIn(trx, ctx, {
      actor,
      action: "totp.enrol",
      objectType: "user",
      objectId: actor.userId,
      outcome: "success",
    });
  });
  return { secret, uri: totpOf(secret, actor.username).toString() };
}

export async function confirmTotpEnrolment(
  ctx: AccessContext,
  actor: Principal,
  code: string,
): Promise<void> {
  const user = await store.userById(ctx.db.kysely, actor.userId);
  if (!user?.totp_secret || user.totp_enabled_at)
    throw new ConflictError("no enrolment waits to be confirmed", undefined, "no_enrolment_pending");
  const step = acceptedStep(user, code, ctx.now());
  if (step === undefined)
    throw new InvalidError("code: not the current code of the authenticator", undefined, "totp_code_wrong");
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await store.updateUser(trx, actor.userId, {
      totp_enabled_at: ctx.now().toISOString(),
      totp_last_step: step,
    });
    await appendAuditIn(trx, ctx, {
      actor,
      action: "totp.confirm",
      objectType: "user",
      objectId: actor.userId,
      outcome: "success",
    });
  });
  // The session was restricted to enrolling: it is not any more.
  ctx.revoke({ userId: actor.userId });
}
