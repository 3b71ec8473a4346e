// Login throttling over the API on both dialects: the login's own rate limit per client address (behind
// a trusted proxy too), per-account backoff that never locks the owner out from another address,
// spraying detected and audited, failed logins visible to the targeted agency's auditors and to the
// admin, a bounded audit write rate, and login_attempts cleaned up.
import { beforeAll, expect, it } from "vitest";
import { createAccessService } from "../../src/access/index.js";
import { queryAudit } from "../../src/audit/index.js";
import { describeBothDialects } from "../support/db.js";
import { PASSWORD, startTestApi, type TestApi } from "./harness.js";

describeBothDialects("login throttling", (getDb) => {
  let api: TestApi;
  let clock = new Date("2026-12-01T09:00:00Z");
  const login = (username: string, password: string, ip: string, forwardedFor?: string) =>
    api.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username, password },
      remoteAddress: ip,
      ...(forwardedFor ? { headers: { "x-forwarded-for": forwardedFor } } : {}),
    });

  beforeAll(async () => {
    // Behind one TLS proxy at 10.9.9.9: the client address is the one it forwards.
    api = await startTestApi(getDb(), {
      access: { now: () => clock, idleMinutes: 600 },
      rateLimit: { loginPerMinute: 20 },
      trustProxy: ["10.9.9.9"],
    });
    for (const [name, agency] of [
      ["target", "agency-a"],
      ["second", "agency-a"],
      ["other", "agency-b"],
    ] as const)
      await api.services.access.createUser("system", {
        username: name,
        password: PASSWORD,
        roles: ["first_line"],
        agency,
      });
    await api.addUser("admin", ["admin"]);
    await api.addUser("auditor-a", ["auditor"], "agency-a");
    await api.addUser("auditor-b", ["auditor"], "agency-b");
  });

  it("does not let a flood from one address block the correct password from another, behind the proxy", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++)
      statuses.push((await login("target", `guess ${i}`, "10.9.9.9", "203.0.113.7")).statusCode);
    // Five guesses are checked, then the account waits from that address, then the address limit refuses
    // every request before any database work.
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    const limited = await login("target", PASSWORD, "10.9.9.9", "203.0.113.7");
    expect([limited.statusCode, limited.json().error.code]).toEqual([429, "too_many_attempts"]);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    // The officer behind the same proxy, from their own machine, signs in at once.
    expect((await login("target", PASSWORD, "10.9.9.9", "198.51.100.20")).statusCode).toBe(200);
  });

  it("makes the per-account wait grow exponentially, and forgets it after the wait and a success", async () => {
    clock = new Date(clock.getTime() + 2 * 60_000); // a new minute for the address limit
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      const r = await login("second", "wrong password!", "10.9.9.9", "203.0.113.8");
      if (r.statusCode === 429) waits.push(Number(r.headers["retry-after"]));
      else expect(r.statusCode).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8]);
    clock = new Date(clock.getTime() + 60_000);
    expect((await login("second", PASSWORD, "10.9.9.9", "203.0.113.8")).statusCode).toBe(200);
    expect((await login("second", "wrong password!", "10.9.9.9", "203.0.113.8")).statusCode).toBe(401);
  });

  it("detects an address spraying one password across accounts, audits it, and slows it on every account", async () => {
    clock = new Date(clock.getTime() + 2 * 60_000);
    const sprayer = "192.0.2.66";
    for (const u of ["target", "second", "other", "ghost1", "ghost2"])
      expect((await login(u, "Winter2026!!", sprayer)).statusCode).toBe(401);
    const sprays = await queryAudit(getDb(), { action: "login.spraying" });
    expect(sprays).toHaveLength(1);
    expect(sprays[0]).toMatchObject({ objectId: sprayer, outcome: "denied", details: { usernames: 5 } });
    // Even the right password of an account it never tried waits now, from that address only.
    expect((await login("admin", PASSWORD, sprayer)).statusCode).toBe(429);
    expect((await login("admin", PASSWORD, "192.0.2.67")).statusCode).toBe(200);
    const activity = await api.call("admin", "GET", "/api/v1/users/login-activity");
    expect(activity.statusCode).toBe(200);
    // Tries refused during the wait count too: "admin" is its sixth username.
    expect(activity.json().spraying).toContainEqual(expect.objectContaining({ ip: sprayer, usernames: 6 }));
    // The admin reads no audit log, but sees its spraying entry, with its id, on the users screen.
    expect(activity.json().sprayingAudit).toEqual([
      { auditId: sprays[0]!.id, ts: sprays[0]!.ts, ip: sprayer, usernames: 5 },
    ]);
    expect((await api.call("auditor-a", "GET", "/api/v1/users/login-activity")).statusCode).toBe(403);
  });

  it("shows failed logins to the auditors of the targeted agency, and all of them to the admin", async () => {
    const purpose = "purpose=login%20review";
    const failedOn = async (auditor: string) => {
      const r = await api.call(auditor, "GET", `/api/v1/audit?action=login&limit=1000&${purpose}`);
      return (r.json().entries as { outcome: string; actor: { username?: string } }[])
        .filter((e) => e.outcome === "denied")
        .map((e) => e.actor.username);
    };
    const a = await failedOn("auditor-a");
    expect(a).toContain("target");
    expect(a).not.toContain("other");
    expect(a).not.toContain("ghost1");
    const b = await failedOn("auditor-b");
    expect(b).toContain("other");
    expect(b).not.toContain("target");
    const all = (await api.call("admin", "GET", "/api/v1/users/login-activity")).json().failures as {
      username: string;
    }[];
    expect(new Set(all.map((f) => f.username))).toEqual(
      new Set(["target", "second", "other", "ghost1", "ghost2", "admin"]),
    );
  });

  it("writes failed logins to the audit log at a bounded rate, tallying the rest per minute", async () => {
    const at = new Date("2026-12-02T10:00:00Z");
    const access = createAccessService(getDb(), { now: () => at, failedLoginsPerMinute: 3 });
    const before = await queryAudit(getDb(), { action: "login", limit: 1000 });
    for (let i = 0; i < 12; i++)
      await expect(access.login(`nobody${i}`, "wrong password!", { ip: `198.18.0.${i}` })).rejects.toThrow();
    await access.flushFailedLogins();
    const after = await queryAudit(getDb(), { action: "login", limit: 1000 });
    expect(after.length - before.length).toBe(3);
    const tally = await queryAudit(getDb(), { action: "login.failures" });
    expect(tally[0]?.details).toMatchObject({
      failures: 9,
      usernames: 9,
      minute: "2026-12-02T10:00:00.000Z",
    });
  });

  it("cleans up login attempts past their retention, from the login path too", async () => {
    const count = async () =>
      Number(
        (
          await getDb()
            .kysely.selectFrom("login_attempts")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    // The logins of the test before, a day after the others, already removed every attempt of Dec 1.
    expect(await count()).toBe(12);
    const at = (iso: string) =>
      createAccessService(getDb(), { now: () => new Date(iso), attemptRetentionHours: 24 });
    expect(await at("2026-12-02T10:30:00Z").cleanupLoginAttempts()).toBe(0);
    expect(await at("2026-12-03T10:00:01Z").cleanupLoginAttempts()).toBe(12);
    expect(await count()).toBe(0);
  });
});
