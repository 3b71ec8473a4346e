// Users, passwords (argon2id), opaque session and API tokens (stored only as SHA-256 hashes, with expiry
// and revocation), and login rate limiting. Every login, success or failure, is audited.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { hash as argonHash, verify as argonVerify } from "@node-rs/argon2";
import { appendAudit } from "../audit/index.js";
import { type Db, isUniqueViolation } from "../db/index.js";
import { ConflictError, ForbiddenError, InvalidError, LimesError } from "../shared/errors.js";
import { can, isRole, type Principal, type Role } from "./roles.js";

/** Wrong credentials or an unusable token: 401 at the edge. */
export class AuthError extends LimesError {}
/** Too many failed logins: 429 at the edge. */
export class TooManyAttemptsError extends LimesError {}

export interface AccessOptions {
  sessionTtlMinutes?: number;
  /** Failed attempts per username and address within the window before logins are refused. */
  maxFailures?: number;
  failureWindowMinutes?: number;
  now?: () => Date;
}

export interface NewUser {
  username: string;
  password: string;
  roles: Role[];
  agency: string;
  crossingPointId?: string;
}

export interface UserView {
  id: string;
  username: string;
  roles: Role[];
  agency: string;
  crossingPointId?: string;
  createdAt: string;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");

export function validateNewUser(input: NewUser): void {
  if (!/^[a-z0-9._-]{3,64}$/i.test(input.username))
    throw new InvalidError("username: 3-64 letters, digits, dot, dash or underscore");
  if (input.password.length < 12) throw new InvalidError("password: at least 12 characters");
  if (input.roles.length === 0) throw new InvalidError("roles: at least one role");
  const unknown = input.roles.filter((r) => !isRole(r));
  if (unknown.length) throw new InvalidError(`roles: unknown role(s) ${unknown.join(", ")}`);
  if (!input.agency.trim()) throw new InvalidError("agency: required");
}

export function createAccessService(db: Db, opts: AccessOptions = {}) {
  const now = opts.now ?? (() => new Date());
  const ttl = (opts.sessionTtlMinutes ?? 8 * 60) * 60_000;
  const maxFailures = opts.maxFailures ?? 5;
  const window = (opts.failureWindowMinutes ?? 15) * 60_000;

  async function rolesOf(userId: string): Promise<Role[]> {
    const rows = await db.kysely
      .selectFrom("user_roles")
      .select("role")
      .where("user_id", "=", userId)
      .execute();
    return rows.map((r) => r.role).filter(isRole);
  }

  async function crossingPointOf(agency: string, idOrCode: string): Promise<string> {
    const cp = await db.kysely
      .selectFrom("crossing_points")
      .select(["id", "agency"])
      .where((eb) => eb.or([eb("id", "=", idOrCode), eb("code", "=", idOrCode)]))
      .executeTakeFirst();
    if (!cp) throw new InvalidError(`crossingPointId: no crossing point "${idOrCode}"`);
    if (cp.agency !== agency)
      throw new InvalidError(`crossingPointId: crossing point "${idOrCode}" belongs to another agency`);
    return cp.id;
  }

  /**
   * Failed (or still running) attempts of this username from this address in the window, since their
   * last successful login.
   */
  async function recentFailures(username: string, ip: string): Promise<number> {
    const windowStart = new Date(now().getTime() - window).toISOString();
    const lastSuccess = await db.kysely
      .selectFrom("login_attempts")
      .select((eb) => eb.fn.max("at").as("at"))
      .where("username", "=", username)
      .where("ip", "=", ip)
      .where("success", "=", 1)
      .executeTakeFirst();
    const since = lastSuccess?.at && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;
    const row = await db.kysely
      .selectFrom("login_attempts")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("username", "=", username)
      .where("ip", "=", ip)
      .where("success", "=", 0)
      .where("at", ">=", since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // Verifying against a throwaway hash when the user does not exist keeps the answer time the same, so
  // response times do not tell which usernames exist.
  let dummyHash: Promise<string> | undefined;
  const verifyPassword = async (hash: string | undefined, password: string) => {
    if (hash) return argonVerify(hash, password);
    dummyHash ??= argonHash(randomBytes(16).toString("hex"));
    await argonVerify(await dummyHash, password);
    return false;
  };

  const service = {
    /**
     * "system" is the command line and the first start; a signed-in actor needs `users:manage` and creates
     * users of their own agency only. A crossing point is given by id or code and must be the agency's.
     */
    async createUser(actor: Principal | "system", input: NewUser): Promise<{ id: string }> {
      validateNewUser(input);
      if (actor !== "system") {
        if (!can(actor, "users:manage")) throw new ForbiddenError("this role cannot manage users");
        if (input.agency !== actor.agency)
          throw new ForbiddenError(`an admin of ${actor.agency} cannot create users of ${input.agency}`);
      }
      const crossingPointId = input.crossingPointId
        ? await crossingPointOf(input.agency, input.crossingPointId)
        : null;
      const existing = await db.kysely
        .selectFrom("users")
        .select("id")
        .where("username", "=", input.username)
        .executeTakeFirst();
      if (existing) throw new ConflictError(`user "${input.username}" already exists`);
      const id = randomUUID();
      const passwordHash = await argonHash(input.password);
      const insert = db.kysely.transaction().execute(async (trx) => {
        await trx
          .insertInto("users")
          .values({
            id,
            username: input.username,
            password_hash: passwordHash,
            agency: input.agency,
            crossing_point_id: crossingPointId,
            created_at: now().toISOString(),
            disabled_at: null,
          })
          .execute();
        await trx
          .insertInto("user_roles")
          .values([...new Set(input.roles)].map((role) => ({ user_id: id, role })))
          .execute();
        await appendAudit(
          trx,
          {
            actor: actor === "system" ? { username: "system" } : actor,
            action: "user.create",
            objectType: "user",
            objectId: id,
            outcome: "success",
            details: {
              username: input.username,
              roles: input.roles,
              agency: input.agency,
              ...(crossingPointId ? { crossingPointId } : {}),
            },
          },
          now(),
        );
      });
      // Two creations of one username at once: the loser hits the unique constraint.
      await insert.catch((err: unknown) => {
        throw isUniqueViolation(err) ? new ConflictError(`user "${input.username}" already exists`) : err;
      });
      return { id };
    },

    async login(
      username: string,
      password: string,
      ctx: { ip: string },
    ): Promise<{ token: string; expiresAt: string; principal: Principal }> {
      // The attempt is recorded as failed before the (slow) password check and turned into a success
      // after it, so a burst of parallel guesses counts every guess rather than passing the check at once.
      const attempt = await db.kysely
        .insertInto("login_attempts")
        .values({ username, ip: ctx.ip, at: now().toISOString(), success: 0 })
        .returning("id")
        .executeTakeFirstOrThrow();
      if ((await recentFailures(username, ctx.ip)) > maxFailures) {
        await db.kysely.transaction().execute((trx) =>
          appendAudit(
            trx,
            {
              actor: { username },
              action: "login",
              objectType: "session",
              outcome: "denied",
              details: { ip: ctx.ip, reason: "rate limited" },
            },
            now(),
          ),
        );
        throw new TooManyAttemptsError("too many failed logins; try again later");
      }
      const user = await db.kysely
        .selectFrom("users")
        .selectAll()
        .where("username", "=", username)
        .executeTakeFirst();
      const ok = (await verifyPassword(user?.password_hash, password)) && !user?.disabled_at;
      if (!user || !ok) {
        await db.kysely.transaction().execute((trx) =>
          appendAudit(
            trx,
            {
              actor: { username },
              action: "login",
              objectType: "session",
              outcome: "denied",
              details: { ip: ctx.ip },
            },
            now(),
          ),
        );
        throw new AuthError("wrong username or password");
      }
      const token = newToken();
      const tokenId = randomUUID();
      const expiresAt = new Date(now().getTime() + ttl).toISOString();
      const roles = await rolesOf(user.id);
      const principal: Principal = {
        userId: user.id,
        username: user.username,
        roles,
        agency: user.agency,
        tokenId,
      };
      if (user.crossing_point_id) principal.crossingPointId = user.crossing_point_id;
      await db.kysely.transaction().execute(async (trx) => {
        await trx
          .insertInto("tokens")
          .values({
            id: tokenId,
            user_id: user.id,
            token_hash: sha256(token),
            kind: "session",
            name: null,
            created_at: now().toISOString(),
            expires_at: expiresAt,
            revoked_at: null,
          })
          .execute();
        await trx.updateTable("login_attempts").set({ success: 1 }).where("id", "=", attempt.id).execute();
        await appendAudit(
          trx,
          {
            actor: principal,
            action: "login",
            objectType: "session",
            objectId: tokenId,
            outcome: "success",
            details: { ip: ctx.ip },
          },
          now(),
        );
      });
      return { token, expiresAt, principal };
    },

    async authenticate(token: string): Promise<Principal | undefined> {
      const row = await db.kysely
        .selectFrom("tokens")
        .innerJoin("users", "users.id", "tokens.user_id")
        .select([
          "tokens.id as tokenId",
          "tokens.expires_at",
          "tokens.revoked_at",
          "users.id as userId",
          "users.username",
          "users.agency",
          "users.crossing_point_id",
          "users.disabled_at",
        ])
        .where("tokens.token_hash", "=", sha256(token))
        .executeTakeFirst();
      if (!row || row.revoked_at || row.disabled_at || row.expires_at <= now().toISOString())
        return undefined;
      const principal: Principal = {
        userId: row.userId,
        username: row.username,
        roles: await rolesOf(row.userId),
        agency: row.agency,
        tokenId: row.tokenId,
      };
      if (row.crossing_point_id) principal.crossingPointId = row.crossing_point_id;
      return principal;
    },

    /** Revokes a session or API token, given as the token itself or as the principal it authenticated. */
    async logout(tokenOrPrincipal: string | Principal): Promise<void> {
      const principal =
        typeof tokenOrPrincipal === "string"
          ? await service.authenticate(tokenOrPrincipal)
          : tokenOrPrincipal;
      if (!principal) return;
      await db.kysely.transaction().execute(async (trx) => {
        await trx
          .updateTable("tokens")
          .set({ revoked_at: now().toISOString() })
          .where("id", "=", principal.tokenId)
          .where("revoked_at", "is", null)
          .execute();
        await appendAudit(
          trx,
          {
            actor: principal,
            action: "logout",
            objectType: "session",
            objectId: principal.tokenId,
            outcome: "success",
          },
          now(),
        );
      });
    },

    async createApiToken(
      actor: Principal,
      input: { name: string; expiresInDays: number },
    ): Promise<{ token: string; expiresAt: string }> {
      if (!(input.expiresInDays > 0 && input.expiresInDays <= 366))
        throw new InvalidError("expiresInDays: between 1 and 366");
      const token = newToken();
      const id = randomUUID();
      const expiresAt = new Date(now().getTime() + input.expiresInDays * 86_400_000).toISOString();
      await db.kysely.transaction().execute(async (trx) => {
        await trx
          .insertInto("tokens")
          .values({
            id,
            user_id: actor.userId,
            token_hash: sha256(token),
            kind: "api",
            name: input.name,
            created_at: now().toISOString(),
            expires_at: expiresAt,
            revoked_at: null,
          })
          .execute();
        await appendAudit(
          trx,
          {
            actor,
            action: "token.create",
            objectType: "token",
            objectId: id,
            outcome: "success",
            details: { name: input.name },
          },
          now(),
        );
      });
      return { token, expiresAt };
    },

    async listUsers(actor: Principal): Promise<UserView[]> {
      if (!can(actor, "users:manage")) throw new ForbiddenError("this role cannot list users");
      const users = await db.kysely
        .selectFrom("users")
        .selectAll()
        .where("agency", "=", actor.agency)
        .orderBy("username")
        .execute();
      const roles = await db.kysely
        .selectFrom("user_roles")
        .innerJoin("users", "users.id", "user_roles.user_id")
        .select(["user_roles.user_id", "user_roles.role"])
        .where("users.agency", "=", actor.agency)
        .execute();
      return users.map((u) => {
        const v: UserView = {
          id: u.id,
          username: u.username,
          roles: roles
            .filter((r) => r.user_id === u.id)
            .map((r) => r.role)
            .filter(isRole),
          agency: u.agency,
          createdAt: u.created_at,
        };
        if (u.crossing_point_id) v.crossingPointId = u.crossing_point_id;
        return v;
      });
    },

    /** On an empty users table: an admin with a random one-time password, returned once for printing. */
    /**
     * On an empty database, creates the demo admin and, for a demo, one officer per working role, all
     * with one generated password that is returned once. Twice at once (two servers) creates them once.
     */
    async ensureDemoAdmin(
      opts: { officers?: boolean } = {},
    ): Promise<
      { username: string; password: string; officers: { username: string; roles: Role[] }[] } | undefined
    > {
      const any = await db.kysely.selectFrom("users").select("id").limit(1).executeTakeFirst();
      if (any) return undefined;
      const password = randomBytes(12).toString("base64url");
      try {
        await service.createUser("system", { username: "admin", password, roles: ["admin"], agency: "demo" });
      } catch (err) {
        // Another server starting on the same database created it first.
        if (err instanceof ConflictError) return undefined;
        throw err;
      }
      const officers = opts.officers ? DEMO_OFFICERS : [];
      for (const o of officers) {
        await service.createUser("system", { ...o, roles: [...o.roles], password, agency: "demo" });
      }
      return { username: "admin", password, officers: officers.map((o) => ({ ...o, roles: [...o.roles] })) };
    },
  };
  return service;
}

/** The demo's officers: two reviewers, so that four-eyes can be tried. */
const DEMO_OFFICERS: readonly { username: string; roles: readonly Role[] }[] = [
  { username: "booth", roles: ["first_line"] },
  { username: "reviewer", roles: ["second_line"] },
  { username: "reviewer2", roles: ["second_line"] },
  { username: "analyst", roles: ["analyst"] },
  { username: "auditor", roles: ["auditor"] },
  { username: "protection", roles: ["protection_officer"] },
  { username: "lists", roles: ["watchlist_manager"] },
];

export type AccessService = ReturnType<typeof createAccessService>;
