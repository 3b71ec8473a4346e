// The access service: users, passwords (argon2id), opaque session and API tokens (stored only as SHA-256
// hashes, with expiry, idle expiry and revocation), an optional TOTP second factor, and login throttling.
// Every login, success or failure, is audited (failures at a bounded rate). Each use case lives in its
// own file; this binds them to one database, clock and configuration.
import type { Db } from "../db/index.js";
import { cleanupLoginAttempts, loginActivity } from "./activity.js";
import { createClientKey, type NewClientKey } from "./client-keys.js";
import { type AccessOptions, accessContext } from "./context.js";
import { ensureDemoAdmin } from "./demo.js";
import { setOwnLocale } from "./locale.js";
import { login } from "./login.js";
import { changeOwnPassword, resetPassword } from "./passwords.js";
import type { Revocation } from "./principal-cache.js";
import type { Principal } from "./roles.js";
import { authenticate, createApiToken, logout } from "./tokens.js";
import { confirmTotpEnrolment, startTotpEnrolment } from "./totp.js";
import { createUser, listUsers, type NewUser, setDisabled, type UserView } from "./users.js";

export { type AccessOptions, AuthError, TooManyAttemptsError } from "./context.js";
export { type LoginResult, SecondFactorRequired } from "./login.js";
export type { Revocation } from "./principal-cache.js";
export { type NewUser, type UsersPage, type UserView, validateNewUser } from "./users.js";

export function createAccessService(db: Db, opts: AccessOptions = {}) {
  const ctx = accessContext(db, opts);
  return {
    createUser: (actor: Principal | "system", input: NewUser) => createUser(ctx, actor, input),
    login: (username: string, password: string, req: { ip: string; code?: string }) =>
      login(ctx, username, password, req),
    authenticate: (token: string) => authenticate(ctx, token),
    logout: (tokenOrPrincipal: string | Principal) => logout(ctx, tokenOrPrincipal),
    createApiToken: (actor: Principal, input: { name: string; expiresInDays: number }) =>
      createApiToken(ctx, actor, input),
    /** Remembers the officer's UI language. */
    setOwnLocale: (actor: Principal, locale: string) => setOwnLocale(ctx, actor, locale),
    /** An API key for an analysts' tool, acting as the named user (the operator's command line). */
    createClientKey: (input: NewClientKey) => createClientKey(ctx, input),
    /** One page of the admin's agency's users, with the total. */
    listUsersPage: (actor: Principal, page: { limit?: number; cursor?: string } = {}) =>
      listUsers(ctx, actor, page),
    /** Every user of the admin's agency. */
    async listUsers(actor: Principal): Promise<UserView[]> {
      const all: UserView[] = [];
      let cursor: string | undefined;
      do {
        const page = await listUsers(ctx, actor, { limit: 500, ...(cursor ? { cursor } : {}) });
        all.push(...page.users);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    },
    setDisabled: (actor: Principal, userId: string, disabled: boolean) =>
      setDisabled(ctx, actor, userId, disabled),
    resetPassword: (actor: Principal, userId: string) => resetPassword(ctx, actor, userId),
    changeOwnPassword: (actor: Principal, input: { currentPassword: string; newPassword: string }) =>
      changeOwnPassword(ctx, actor, input),
    startTotpEnrolment: (actor: Principal) => startTotpEnrolment(ctx, actor),
    confirmTotpEnrolment: (actor: Principal, code: string) => confirmTotpEnrolment(ctx, actor, code),
    loginActivity: (actor: Principal) => loginActivity(ctx, actor),
    cleanupLoginAttempts: () => cleanupLoginAttempts(ctx),
    /** Writes the tallied failed logins of the current minute now (at shutdown, in tests). */
    flushFailedLogins: () => ctx.failures.flush(),
    ensureDemoAdmin: (o: { officers?: boolean } = {}) => ensureDemoAdmin(ctx, o),
    /**
     * Revocations of this process, for the bus to the other centre processes; returns the unsubscribe.
     * A role change, when it becomes a use case, revokes `{ userId }` like a password reset.
     */
    onRevocation(listener: (r: Revocation) => void): () => void {
      ctx.revocationListeners.add(listener);
      return () => ctx.revocationListeners.delete(listener);
    },
    /** A revocation another process made: evicts here, and is not told on. */
    applyRevocation: (r: Revocation) => ctx.principals.evict(r),
    /** How many principals are cached now (for tests and metrics). */
    cachedPrincipals: () => ctx.principals.size(),
  };
}

export type AccessService = ReturnType<typeof createAccessService>;
