// Changing one's own password, and an admin's forced reset to a new one-time password. Either way the
// user's other tokens are revoked: a password that leaked must not leave sessions open behind it.
import { randomBytes } from "node:crypto";
import { hash as argonHash } from "@node-rs/argon2";
import { InvalidError } from "../shared/errors.js";
import { type AccessContext, AuthError, appendAuditIn } from "./context.js";
import { checkPassword } from "./password-policy.js";
import type { Principal } from "./roles.js";
import * as store from "./store.js";
import { managedUser } from "./users.js";

/** A random password for a one-time use: 16 base64url characters, 96 bits. */
export const oneTimePassword = () => randomBytes(12).toString("base64url");

/** Keeps the session that made the change; revokes the user's other tokens. */
export async function changeOwnPassword(
  ctx: AccessContext,
  actor: Principal,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await store.userById(ctx.db.kysely, actor.userId);
  if (!user || !(await ctx.verifyPassword(user.password_hash, input.currentPassword)))
    throw new AuthError("the current password is wrong");
  checkPassword(input.newPassword, { username: user.username });
  if (input.newPassword === input.currentPassword)
    throw new InvalidError("password: the new password must differ from the current one", {
      field: "password",
    });
  const passwordHash = await argonHash(input.newPassword);
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await store.updateUser(trx, user.id, {
      password_hash: passwordHash,
      must_change_password: 0,
      password_changed_at: at,
    });
    const revoked = await store.revokeTokensOf(trx, user.id, at, actor.tokenId);
    await appendAuditIn(trx, ctx, {
      actor,
      action: "password.change",
      objectType: "user",
      objectId: user.id,
      outcome: "success",
      details: {
        tokensRevoked: Number(revoked.numUpdatedRows),
        wasOneTime: Boolean(user.must_change_password),
      },
    });
  });
  // Every token of the user: the others are revoked, and the kept one loses its restriction.
  ctx.revoke({ userId: user.id });
}

/**
 * An admin forces a reset: the user gets a new one-time password (returned once, for the admin to pass
 * on), must change it at the next login, and every token of theirs is revoked now.
 */
export async function resetPassword(
  ctx: AccessContext,
  actor: Principal,
  userId: string,
): Promise<{ oneTimePassword: string }> {
  const user = await managedUser(ctx, actor, userId);
  const password = oneTimePassword();
  const passwordHash = await argonHash(password);
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await store.updateUser(trx, user.id, {
      password_hash: passwordHash,
      must_change_password: 1,
      password_changed_at: at,
    });
    const revoked = await store.revokeTokensOf(trx, user.id, at);
    await appendAuditIn(trx, ctx, {
      actor,
      action: "password.reset",
      objectType: "user",
      objectId: user.id,
      outcome: "success",
      details: { username: user.username, tokensRevoked: Number(revoked.numUpdatedRows) },
    });
  });
  ctx.revoke({ userId: user.id });
  return { oneTimePassword: password };
}
