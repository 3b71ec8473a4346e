import { describe, expect, it } from "vitest";
import { describeBothDialects } from "../../test/support/db.js";
import { queryAudit, verifyAuditChain } from "../audit/index.js";
import { can, ROLE_PERMISSIONS, ROLES } from "./roles.js";
import { AuthError, createAccessService, TooManyAttemptsError } from "./service.js";

describe("role permissions", () => {
  it("keeps list details from the first line and personal data from a bare admin", () => {
    expect(can({ roles: ["first_line"] }, "screen")).toBe(true);
    expect(can({ roles: ["first_line"] }, "screening:read_details")).toBe(false);
    expect(can({ roles: ["admin"] }, "screening:read")).toBe(false);
    expect(can({ roles: ["admin", "second_line"] }, "screening:read_details")).toBe(true);
    expect(can({ roles: ["auditor"] }, "audit:read")).toBe(true);
    // The auditor changes nothing: no permission of theirs manages, screens or reviews.
    expect(ROLE_PERMISSIONS.auditor.filter((p) => /manage|screen$|review|author/.test(p))).toEqual([]);
    expect(ROLES).toHaveLength(6);
  });
});

describeBothDialects("access service", (getDb) => {
  let clock = new Date("2026-11-28T10:00:00Z");
  const service = () => createAccessService(getDb(), { sessionTtlMinutes: 60, now: () => clock });
  const password = "correct horse battery";

  it("creates the demo admin only on an empty database", async () => {
    const first = await service().ensureDemoAdmin();
    expect(first?.username).toBe("admin");
    expect(first!.password.length).toBeGreaterThanOrEqual(12);
    expect(await service().ensureDemoAdmin()).toBeUndefined();
  });

  it("logs in, authenticates, expires and revokes tokens, stored only as hashes", async () => {
    await service().createUser("system", {
      username: "officer1",
      password,
      roles: ["first_line"],
      agency: "BP-North",
    });
    const { token, principal } = await service().login("officer1", password, { ip: "127.0.0.1" });
    expect(principal).toMatchObject({ username: "officer1", roles: ["first_line"], agency: "BP-North" });
    const stored = await getDb().kysely.selectFrom("tokens").select("token_hash").execute();
    expect(stored.some((t) => t.token_hash === token)).toBe(false);
    expect((await service().authenticate(token))?.username).toBe("officer1");
    clock = new Date(clock.getTime() + 61 * 60_000);
    expect(await service().authenticate(token)).toBeUndefined();
    const second = await service().login("officer1", password, { ip: "127.0.0.1" });
    await service().logout(second.principal);
    expect(await service().authenticate(second.token)).toBeUndefined();
  });

  it("rejects wrong passwords and rate-limits repeated failures, auditing each", async () => {
    for (let i = 0; i < 5; i++)
      await expect(service().login("officer1", "wrong password!", { ip: "10.0.0.9" })).rejects.toBeInstanceOf(
        AuthError,
      );
    await expect(service().login("officer1", password, { ip: "10.0.0.9" })).rejects.toBeInstanceOf(
      TooManyAttemptsError,
    );
    // Another address is not locked out by someone else's guessing.
    await expect(service().login("officer1", password, { ip: "127.0.0.2" })).resolves.toBeTruthy();
    const denied = await queryAudit(getDb(), { action: "login", limit: 1000 });
    expect(denied.filter((e) => e.outcome === "denied")).toHaveLength(6);
    expect((await verifyAuditChain(getDb())).ok).toBe(true);
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
});
