// Plain queries of the access capability: users, roles, tokens and login attempts. No rules here.
import type { Insertable, Kysely, Transaction, Updateable } from "kysely";
import type { Database, Db } from "../db/index.js";
import { isRole, type Role } from "./roles.js";

type Q = Kysely<Database> | Transaction<Database>;

export const userByName = (db: Db, username: string) =>
  db.kysely.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();

export const userById = (db: Q, id: string) =>
  db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();

export async function rolesOf(db: Db, userId: string): Promise<Role[]> {
  const rows = await db.kysely
    .selectFrom("user_roles")
    .select("role")
    .where("user_id", "=", userId)
    .execute();
  return rows.map((r) => r.role).filter(isRole);
}

/** Changes some columns of one user. */
export const updateUser = (q: Q, id: string, set: Updateable<Database["users"]>) =>
  q.updateTable("users").set(set).where("id", "=", id).execute();

/** A new user with its roles (each once). */
export async function insertUser(trx: Q, row: Insertable<Database["users"]>, roles: readonly Role[]) {
  await trx.insertInto("users").values(row).execute();
  await trx
    .insertInto("user_roles")
    .values([...new Set(roles)].map((role) => ({ user_id: row.id, role })))
    .execute();
}

export const crossingPoint = (db: Db, idOrCode: string) =>
  db.kysely
    .selectFrom("crossing_points")
    .select(["id", "agency"])
    .where((eb) => eb.or([eb("id", "=", idOrCode), eb("code", "=", idOrCode)]))
    .executeTakeFirst();

export const anyUser = (db: Db) => db.kysely.selectFrom("users").select("id").limit(1).executeTakeFirst();

/** One page of an agency's users in username order, after the cursor (a username). */
export function usersPage(db: Db, agency: string, after: string | undefined, limit: number) {
  let q = db.kysely.selectFrom("users").selectAll().where("agency", "=", agency);
  if (after !== undefined) q = q.where("username", ">", after);
  return q.orderBy("username").limit(limit).execute();
}

export async function countUsers(db: Db, agency: string): Promise<number> {
  const row = await db.kysely
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("agency", "=", agency)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function rolesOfUsers(db: Db, userIds: readonly string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.kysely
    .selectFrom("user_roles")
    .select(["user_id", "role"])
    .where("user_id", "in", userIds)
    .execute();
}

export const tokenByHash = (db: Db, tokenHash: string) =>
  db.kysely
    .selectFrom("tokens")
    .innerJoin("users", "users.id", "tokens.user_id")
    .select([
      "tokens.id as tokenId",
      "tokens.kind",
      "tokens.created_at",
      "tokens.expires_at",
      "tokens.revoked_at",
      "tokens.last_used_at",
      "tokens.client",
      "tokens.purpose",
      "users.id as userId",
      "users.username",
      "users.agency",
      "users.crossing_point_id",
      "users.disabled_at",
      "users.must_change_password",
      "users.totp_enabled_at",
      "users.locale",
    ])
    .where("tokens.token_hash", "=", tokenHash)
    .executeTakeFirst();

export const touchToken = (db: Db, tokenId: string, at: string) =>
  db.kysely.updateTable("tokens").set({ last_used_at: at }).where("id", "=", tokenId).execute();

export const insertToken = (trx: Q, row: Insertable<Database["tokens"]>) =>
  trx.insertInto("tokens").values(row).execute();

/** Revokes one token unless it already is. */
export const revokeToken = (trx: Q, tokenId: string, at: string) =>
  trx
    .updateTable("tokens")
    .set({ revoked_at: at })
    .where("id", "=", tokenId)
    .where("revoked_at", "is", null)
    .execute();

/** Revokes every live token of a user, but the one kept (the session that changed the password). */
export function revokeTokensOf(trx: Q, userId: string, at: string, keep?: string) {
  let q = trx
    .updateTable("tokens")
    .set({ revoked_at: at })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null);
  if (keep) q = q.where("id", "!=", keep);
  return q.executeTakeFirst();
}

export interface AttemptRow {
  id: number;
  username: string;
  at: string;
  success: number;
}

/** Every attempt from one address since a time: what throttling decides on. */
export const attemptsFromIp = (db: Db, ip: string, since: string): Promise<AttemptRow[]> =>
  db.kysely
    .selectFrom("login_attempts")
    .select(["id", "username", "at", "success"])
    .where("ip", "=", ip)
    .where("at", ">=", since)
    .orderBy("id")
    .execute();

export const insertAttempt = (
  db: Db,
  row: { username: string; ip: string; at: string; agency: string | null },
) =>
  db.kysely
    .insertInto("login_attempts")
    .values({ ...row, success: 0 })
    .returning("id")
    .executeTakeFirstOrThrow();

export const markAttemptSucceeded = (trx: Q, id: number) =>
  trx.updateTable("login_attempts").set({ success: 1 }).where("id", "=", id).execute();

export const deleteAttemptsBefore = (db: Db, before: string) =>
  db.kysely.deleteFrom("login_attempts").where("at", "<", before).executeTakeFirst();

/** Failed attempts since a time, per username and address, newest first: the admin's view. */
export const failedAttemptsSince = (db: Db, since: string, limit: number) =>
  db.kysely
    .selectFrom("login_attempts")
    .select((eb) => [
      "username",
      "ip",
      "agency",
      eb.fn.countAll<number>().as("failures"),
      eb.fn.max("at").as("last"),
    ])
    .where("success", "=", 0)
    .where("at", ">=", since)
    .groupBy(["username", "ip", "agency"])
    .orderBy("last", "desc")
    .limit(limit)
    .execute();

/** Addresses that failed on at least `minUsernames` different usernames since a time. */
export const sprayingAddresses = (db: Db, since: string, minUsernames: number) =>
  db.kysely
    .selectFrom("login_attempts")
    .select((eb) => [
      "ip",
      eb.fn.count<number>("username").distinct().as("usernames"),
      eb.fn.countAll<number>().as("failures"),
      eb.fn.max("at").as("last"),
    ])
    .where("success", "=", 0)
    .where("at", ">=", since)
    .groupBy("ip")
    .having((eb) => eb.fn.count("username").distinct(), ">=", minUsernames)
    .orderBy("last", "desc")
    .execute();
