import { describe, expect, it } from "vitest";
import { blockNextAuditAppend, describeBothDialects } from "../../test/support/db.js";
import { queryAudit, verifyAuditChain } from "../audit/index.js";
import { ForbiddenError } from "../shared/errors.js";
import { can, PERMISSIONS, type Permission, ROLE_PERMISSIONS, ROLES, type Role } from "./roles.js";
import { AuthError, createAccessService, TooManyAttemptsError } from "./service.js";

/** Permissions that read or reveal personal data (travellers, list entries, who did what). */
const PERSONAL_DATA: Permission[] = [
  "screening:read",
  "screening:read_details",
  "alerts:review",
  "watchlists:read",
  "audit:read",
  "protection:read",
];
/** Permissions that change data. */
const WRITES: Permission[] = [
  "screen",
  "alerts:review",
  "watchlists:manage",
  "crossing_points:manage",
  "users:manage",
  "rules:author",
  "protection:record",
  "protection:manage",
];

describe("role permissions", () => {
  it("gives the first line clear/refer only, never list details", () => {
    expect(ROLE_PERMISSIONS.first_line).toEqual(["screen", "crossing_points:read", "protection:record"]);
  });

  it("keeps personal data from a bare admin, but not from an admin with a second role", () => {
    expect(PERSONAL_DATA.filter((p) => can({ roles: ["admin"] }, p))).toEqual([]);
    expect(can({ roles: ["admin"] }, "users:manage")).toBe(true);
    expect(can({ roles: ["admin", "second_line"] }, "screening:read_details")).toBe(true);
  });

  it("lets the auditor read the audit log and change nothing", () => {
    expect(can({ roles: ["auditor"] }, "audit:read")).toBe(true);
    expect(WRITES.filter((p) => can({ roles: ["auditor"] }, p))).toEqual([]);
  });

  it("grants each permission to at least one role, and the audit log to the auditor alone", () => {
    const holders = (p: Permission) => ROLES.filter((r: Role) => ROLE_PERMISSIONS[r].includes(p));
    expect(PERMISSIONS.filter((p) => holders(p).length === 0)).toEqual([]);
    expect(holders("audit:read")).toEqual(["auditor"]);
    expect(holders("screening:read_details")).toEqual(["second_line", "analyst"]);
    expect(holders("watchlists:manage")).toEqual(["watchlist_manager"]);
    expect(holders("users:manage")).toEqual(["admin"]);
  });
});

describeBothDialects("access service", (getDb) => {
  let clock = new Date("2026-11-28T10:00:00Z");
  const tick = (minutes: number) => {
    clock = new Date(clock.getTime() + minutes * 60_000);
  };
  const service = () =>
    createAccessService(getDb(), { sessionTtlMinutes: 60, idleMinutes: 120, now: () => clock });
  const password = "correct horse battery";
  const loginAs = async (username: string) =>
    (await service().login(username, password, { ip: "127.0.0.1" })).principal;

  it("creates the demo admin only on an empty database, once even when two servers start at once", async () => {
    // Called unbound, as a caller that destructures the service would.
    const { ensureDemoAdmin } = service();
    const both = await Promise.all([ensureDemoAdmin(), service().ensureDemoAdmin()]);
    const created = both.filter((r) => r !== undefined);
    expect(created.map((r) => r.username)).toEqual(["admin"]);
    expect(created[0]!.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await ensureDemoAdmin()).toBeUndefined();
    const { principal } = await service().login("admin", created[0]!.password, { ip: "127.0.0.1" });
    expect([principal.roles, principal.agency]).toEqual([["admin"], "demo"]);
  });

  it("logs in, authenticates, expires and revokes tokens, stored only as hashes", async () => {
    await service().createUser("system", {
      username: "officer1",
      password,
      roles: ["first_line"],
      agency: "BP-North",
    });
    const { token, principal, expiresAt } = await service().login("officer1", password, { ip: "127.0.0.1" });
    expect(principal).toMatchObject({ username: "officer1", roles: ["first_line"], agency: "BP-North" });
    expect(expiresAt).toBe(new Date(clock.getTime() + 60 * 60_000).toISOString());
    const stored = await getDb().kysely.selectFrom("tokens").select("token_hash").execute();
    expect(stored.some((t) => t.token_hash === token)).toBe(false);
    expect((await service().authenticate(token))?.username).toBe("officer1");
    expect(await service().authenticate(`${token}x`)).toBeUndefined();
    tick(59);
    expect((await service().authenticate(token))?.tokenId).toBe(principal.tokenId);
    tick(2);
    expect(await service().authenticate(token)).toBeUndefined();

    const byPrincipal = await service().login("officer1", password, { ip: "127.0.0.1" });
    await service().logout(byPrincipal.principal);
    expect(await service().authenticate(byPrincipal.token)).toBeUndefined();
    const byToken = await service().login("officer1", password, { ip: "127.0.0.1" });
    await service().logout(byToken.token);
    expect(await service().authenticate(byToken.token)).toBeUndefined();
    expect((await queryAudit(getDb(), { action: "logout" })).map((e) => e.objectId)).toEqual([
      byToken.principal.tokenId,
      byPrincipal.principal.tokenId,
    ]);
  });

  it("issues API tokens that expire after their days and can be revoked", async () => {
    const officer = await loginAs("officer1");
    const api = await service().createApiToken(officer, { name: "kiosk-7", expiresInDays: 2 });
    expect(api.expiresAt).toBe(new Date(clock.getTime() + 2 * 86_400_000).toISOString());
    const row = await getDb()
      .kysely.selectFrom("tokens")
      .select(["kind", "name"])
      .where("expires_at", "=", api.expiresAt)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ kind: "api", name: "kiosk-7" });
    tick(60 * 24);
    expect((await service().authenticate(api.token))?.username).toBe("officer1");
    tick(60 * 24);
    expect(await service().authenticate(api.token)).toBeUndefined();
    const second = await service().createApiToken(officer, { name: "kiosk-8", expiresInDays: 30 });
    await service().logout(second.token);
    expect(await service().authenticate(second.token)).toBeUndefined();
    await expect(service().createApiToken(officer, { name: "forever", expiresInDays: 400 })).rejects.toThrow(
      /expiresInDays/,
    );
  });

  it("rejects wrong passwords and rate-limits repeated failures per username and address, auditing each", async () => {
    const before = (await queryAudit(getDb(), { action: "login", limit: 1000 })).length;
    for (let i = 0; i < 5; i++)
      await expect(service().login("officer1", "wrong password!", { ip: "10.0.0.9" })).rejects.toBeInstanceOf(
        AuthError,
      );
    await expect(service().login("officer1", password, { ip: "10.0.0.9" })).rejects.toBeInstanceOf(
      TooManyAttemptsError,
    );
    // Another address is not locked out by someone else's guessing.
    await expect(service().login("officer1", password, { ip: "127.0.0.2" })).resolves.toBeTruthy();
    const entries = (await queryAudit(getDb(), { action: "login", limit: 1000 })).slice(
      0,
      -before || undefined,
    );
    expect(entries.map((e) => [e.outcome, e.details?.reason ?? null])).toEqual([
      ["success", null],
      ["denied", "rate limited"],
      ...Array.from({ length: 5 }, () => ["denied", null]),
    ]);
    // The window slides: 15 minutes after the failures the address may try again.
    tick(16);
    await expect(service().login("officer1", password, { ip: "10.0.0.9" })).resolves.toBeTruthy();
    expect((await verifyAuditChain(getDb())).ok).toBe(true);
  });

  it("counts parallel guesses, and forgets failures after a successful login", async () => {
    tick(16);
    const guesses = await Promise.allSettled(
      Array.from({ length: 8 }, () => service().login("officer1", "wrong password!", { ip: "10.0.0.10" })),
    );
    // However the guesses interleave, no more than five passwords are tried; the rest are refused unchecked.
    const checked = guesses.filter((g) => g.status === "rejected" && g.reason instanceof AuthError).length;
    const refused = guesses.filter(
      (g) => g.status === "rejected" && g.reason instanceof TooManyAttemptsError,
    );
    expect(checked).toBeLessThanOrEqual(5);
    expect(checked + refused.length).toBe(8);

    tick(16);
    for (let i = 0; i < 4; i++)
      await expect(
        service().login("officer1", "wrong password!", { ip: "10.0.0.11" }),
      ).rejects.toBeInstanceOf(AuthError);
    tick(1);
    await service().login("officer1", password, { ip: "10.0.0.11" });
    tick(1);
    for (let i = 0; i < 4; i++)
      await expect(
        service().login("officer1", "wrong password!", { ip: "10.0.0.11" }),
      ).rejects.toBeInstanceOf(AuthError);
    await expect(service().login("officer1", password, { ip: "10.0.0.11" })).resolves.toBeTruthy();
  });

  it("answers an unknown username like a wrong password", async () => {
    await expect(service().login("nobody", password, { ip: "127.0.0.1" })).rejects.toThrow(
      "wrong username or password",
    );
  });

  it("validates new users and refuses duplicates", async () => {
    await expect(
      service().createUser("system", { username: "x", password, roles: ["analyst"], agency: "A" }),
    ).rejects.toThrow(/username/);
    await expect(
      service().createUser("system", {
        username: "shorty",
        password: "short",
        roles: ["analyst"],
        agency: "A",
      }),
    ).rejects.toThrow(/password/);
    await expect(
      service().createUser("system", {
        username: "nobody",
        password,
        roles: ["pilot" as never],
        agency: "A",
      }),
    ).rejects.toThrow(/unknown role/);
    await expect(
      service().createUser("system", { username: "officer1", password, roles: ["analyst"], agency: "A" }),
    ).rejects.toThrow(/already exists/);
  });

  it("lets only an admin manage users, within their own agency", async () => {
    const db = getDb();
    await db.kysely
      .insertInto("crossing_points")
      .values([
        {
          id: "cp-north",
          code: "RS-HRG",
          name: "Horgoš",
          kind: "land",
          country: "RS",
          agency: "BP-North",
          created_at: clock.toISOString(),
        },
        {
          id: "cp-south",
          code: "RS-PRE",
          name: "Preševo",
          kind: "land",
          country: "RS",
          agency: "BP-South",
          created_at: clock.toISOString(),
        },
      ])
      .execute();
    await service().createUser("system", {
      username: "admin.north",
      password,
      roles: ["admin"],
      agency: "BP-North",
    });
    const admin = await loginAs("admin.north");
    const officer = await loginAs("officer1");
    const input = { username: "officer2", password, roles: ["second_line"] as Role[], agency: "BP-North" };

    await expect(service().createUser(officer, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(service().createUser(admin, { ...input, agency: "BP-South" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(service().createUser(admin, { ...input, crossingPointId: "RS-PRE" })).rejects.toThrow(
      'crossingPointId: crossing point "RS-PRE" belongs to another agency',
    );
    await expect(service().createUser(admin, { ...input, crossingPointId: "XX-000" })).rejects.toThrow(
      'crossingPointId: no crossing point "XX-000"',
    );
    await service().createUser(admin, { ...input, crossingPointId: "RS-HRG" });
    expect((await loginAs("officer2")).crossingPointId).toBe("cp-north");

    await service().createUser("system", {
      username: "officer.south",
      password,
      roles: ["first_line"],
      agency: "BP-South",
    });
    const users = await service().listUsers(admin);
    expect(users.map((u) => [u.username, u.roles, u.crossingPointId ?? null])).toEqual([
      ["admin.north", ["admin"], null],
      ["officer1", ["first_line"], null],
      ["officer2", ["second_line"], "cp-north"],
    ]);
    await expect(service().listUsers(officer)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("creates no user when its audit entry cannot be written", async () => {
    const db = getDb();
    const unblock = await blockNextAuditAppend(db);
    await expect(
      service().createUser("system", { username: "ghost", password, roles: ["analyst"], agency: "BP-North" }),
    ).rejects.toThrow();
    expect(
      await db.kysely.selectFrom("users").select("id").where("username", "=", "ghost").executeTakeFirst(),
    ).toBeUndefined();
    await unblock();
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
