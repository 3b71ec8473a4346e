// Users: created by an admin (of their own agency) or by the system (command line, first start), listed
// page by page, disabled and enabled. Disabling revokes every token of the user at once.
import { randomUUID } from "node:crypto";
import { hash as argonHash } from "@node-rs/argon2";
import { isUniqueViolation } from "../db/index.js";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../shared/errors.js";
import { type AccessContext, appendAuditIn } from "./context.js";
import { checkPassword } from "./password-policy.js";
import { can, isRole, type Principal, type Role } from "./roles.js";
import * as store from "./store.js";

export interface NewUser {
  username: string;
  password: string;
  roles: Role[];
  agency: string;
  crossingPointId?: string;
  /**
   * A one-time password, to be changed at the first login. The default for users an admin creates; the
   * system (tests, imports) says so explicitly.
   */
  oneTimePassword?: boolean;
}

export interface UserView {
  id: string;
  username: string;
  roles: Role[];
  agency: string;
  crossingPointId?: string;
  createdAt: string;
  disabledAt?: string;
  /** The password is a one-time one, to be changed at the next login. */
  changeRequired: boolean;
  secondFactor: boolean;
}

export function validateNewUser(input: NewUser): void {
  if (!/^[a-z0-9._-]{3,64}$/i.test(input.username))
    throw new InvalidError("username: 3-64 letters, digits, dot, dash or underscore");
  checkPassword(input.password, { username: input.username });
  if (input.roles.length === 0) throw new InvalidError("roles: at least one role");
  const unknown = input.roles.filter((r) => !isRole(r));
  if (unknown.length) throw new InvalidError(`roles: unknown role(s) ${unknown.join(", ")}`);
  if (!input.agency.trim()) throw new InvalidError("agency: required");
}

export function assertManages(actor: Principal, agency: string): void {
  if (!can(actor, "users:manage"))
    throw new ForbiddenError("this role cannot manage users", undefined, "permission_denied", {
      permission: "users:manage",
    });
  if (agency !== actor.agency)
    throw new ForbiddenError(`an admin of ${actor.agency} cannot manage users of ${agency}`);
}

async function crossingPointOf(ctx: AccessContext, agency: string, idOrCode: string): Promise<string> {
  const cp = await store.crossingPoint(ctx.db, idOrCode);
  if (!cp) throw new InvalidError(`crossingPointId: no crossing point "${idOrCode}"`);
  if (cp.agency !== agency)
    throw new InvalidError(`crossingPointId: crossing point "${idOrCode}" belongs to another agency`);
  return cp.id;
}

export async function createUser(
  ctx: AccessContext,
  actor: Principal | "system",
  input: NewUser,
): Promise<{ id: string }> {
  validateNewUser(input);
  if (actor !== "system") assertManages(actor, input.agency);
  const oneTime = input.oneTimePassword ?? actor !== "system";
  const crossingPointId = input.crossingPointId
    ? await crossingPointOf(ctx, input.agency, input.crossingPointId)
    : null;
  if (await store.userByName(ctx.db, input.username))
    throw new ConflictError(`user "${input.username}" already exists`, undefined, "user_exists", {
      username: input.username,
    });
  const id = randomUUID();
  const passwordHash = await argonHash(input.password);
  const at = ctx.now().toISOString();
  const insert = ctx.db.kysely.transaction().execute(async (trx) => {
    await store.insertUser(
      trx,
      {
        id,
        username: input.username,
        password_hash: passwordHash,
        agency: input.agency,
        crossing_point_id: crossingPointId,
        created_at: at,
        disabled_at: null,
        must_change_password: oneTime ? 1 : 0,
        password_changed_at: at,
        totp_secret: null,
        totp_enabled_at: null,
        totp_last_step: null,
      },
      input.roles,
    );
    await appendAuditIn(trx, ctx, {
      actor: actor === "system" ? { username: "system" } : actor,
      action: "user.create",
      objectType: "user",
      objectId: id,
      outcome: "success",
      details: {
        username: input.username,
        roles: input.roles,
        agency: input.agency,
        oneTimePassword: oneTime,
        ...(crossingPointId ? { crossingPointId } : {}),
      },
    });
  });
  // Two creations of one username at once: the loser hits the unique constraint.
  await insert.catch((err: unknown) => {
    throw isUniqueViolation(err)
      ? new ConflictError(`user "${input.username}" already exists`, undefined, "user_exists", {
          username: input.username,
        })
      : err;
  });
  return { id };
}

export interface UsersPage {
  users: UserView[];
  total: number;
  /** Pass as `cursor` for the next page; absent on the last one. */
  nextCursor?: string;
}

/** The admin's agency's users in username order, a page at a time (the cursor is the last username). */
export async function listUsers(
  ctx: AccessContext,
  actor: Principal,
  page: { limit?: number; cursor?: string } = {},
): Promise<UsersPage> {
  if (!can(actor, "users:manage"))
    throw new ForbiddenError("this role cannot list users", undefined, "permission_denied", {
      permission: "users:manage",
    });
  const limit = Math.min(Math.max(page.limit ?? 100, 1), 500);
  const [rows, total] = await Promise.all([
    store.usersPage(ctx.db, actor.agency, page.cursor, limit + 1),
    store.countUsers(ctx.db, actor.agency),
  ]);
  const users = rows.slice(0, limit);
  const roles = await store.rolesOfUsers(
    ctx.db,
    users.map((u) => u.id),
  );
  const result: UsersPage = {
    users: users.map((u) => {
      const v: UserView = {
        id: u.id,
        username: u.username,
        roles: roles
          .filter((r) => r.user_id === u.id)
          .map((r) => r.role)
          .filter(isRole),
        agency: u.agency,
        createdAt: u.created_at,
        changeRequired: Boolean(u.must_change_password),
        secondFactor: Boolean(u.totp_enabled_at),
      };
      if (u.crossing_point_id) v.crossingPointId = u.crossing_point_id;
      if (u.disabled_at) v.disabledAt = u.disabled_at;
      return v;
    }),
    total,
  };
  if (rows.length > limit) result.nextCursor = users[users.length - 1]!.username;
  return result;
}

/** A user of the actor's agency, or not found (another agency's user is not found either). */
export async function managedUser(ctx: AccessContext, actor: Principal, userId: string) {
  if (!can(actor, "users:manage")) throw new ForbiddenError("this role cannot manage users");
  const user = await store.userById(ctx.db.kysely, userId);
  if (!user || user.agency !== actor.agency)
    throw new NotFoundError(`no user ${userId}`, undefined, "user_not_found", { id: userId });
  return user;
}

/** Disables (revoking every token of the user at once) or enables a user. Not oneself. */
export async function setDisabled(
  ctx: AccessContext,
  actor: Principal,
  userId: string,
  disabled: boolean,
): Promise<void> {
  const user = await managedUser(ctx, actor, userId);
  if (user.id === actor.userId) throw new InvalidError("an admin cannot disable or enable themselves");
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await store.updateUser(trx, user.id, { disabled_at: disabled ? (user.disabled_at ?? at) : null });
    const revoked = disabled ? await store.revokeTokensOf(trx, user.id, at) : undefined;
    await appendAuditIn(trx, ctx, {
      actor,
      action: disabled ? "user.disable" : "user.enable",
      objectType: "user",
      objectId: user.id,
      outcome: "success",
      details: {
        username: user.username,
        ...(revoked ? { tokensRevoked: Number(revoked.numUpdatedRows) } : {}),
      },
    });
  });
  ctx.revoke({ userId: user.id });
}
