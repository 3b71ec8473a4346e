// The account lifecycle over the API on both dialects: disable and enable (tokens revoked at once), a
// forced reset, one's own password change, the one-time password changed at first login, the password
// rules, idle expiry, and the TOTP second factor.
import { Secret, TOTP } from "otpauth";
import { beforeAll, describe, expect, it } from "vitest";
import { describeBothDialects } from "../support/db.js";
import { PASSWORD, startTestApi, type TestApi } from "./harness.js";

const NEW_PASSWORD = "river stones under the bridge";

describeBothDialects("accounts", (getDb) => {
  let api: TestApi;
  let clock = new Date("2026-12-01T08:00:00Z");
  const login = (username: string, password: string, extra: Record<string, string> = {}, ip = "10.1.0.1") =>
    api.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username, password, ...extra },
      remoteAddress: ip,
    });
  const as = (token: string, method: "GET" | "POST", url: string, payload?: object) =>
    api.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
  const idOf = async (username: string) => {
    const r = await api.call("admin", "GET", "/api/v1/users?limit=500");
    return (r.json().users as { id: string; username: string }[]).find((u) => u.username === username)!.id;
  };

  beforeAll(async () => {
    api = await startTestApi(getDb(), {
      access: { now: () => clock, sessionTtlMinutes: 600, idleMinutes: 30 },
    });
    await api.addUser("admin", ["admin"]);
    await api.addUser("admin-b", ["admin"], "agency-b");
    await api.addUser("officer", ["first_line"]);
  });

  it("disables a user, revoking all their tokens at once, and enables them again", async () => {
    const tokens = [
      (await login("officer", PASSWORD)).json().token,
      (await login("officer", PASSWORD)).json().token,
    ];
    const id = await idOf("officer");
    expect((await api.call("officer", "POST", `/api/v1/users/${id}/disable`)).statusCode).toBe(403);
    expect((await api.call("admin-b", "POST", `/api/v1/users/${id}/disable`)).statusCode).toBe(404);
    expect((await api.call("admin", "POST", `/api/v1/users/${id}/disable`)).statusCode).toBe(204);
    for (const t of [...tokens, api.token("officer")])
      expect((await as(t, "GET", "/crossing-points")).statusCode).toBe(401);
    expect((await login("officer", PASSWORD)).statusCode).toBe(401);
    const listed = await api.call("admin", "GET", "/api/v1/users");
    expect(listed.json().users.find((u: { id: string }) => u.id === id).disabledAt).toBe(clock.toISOString());
    expect((await api.call("admin", "POST", `/api/v1/users/${id}/enable`)).statusCode).toBe(204);
    expect((await login("officer", PASSWORD)).statusCode).toBe(200);
    // An admin cannot lock themselves out.
    expect((await api.call("admin", "POST", `/api/v1/users/${await idOf("admin")}/disable`)).statusCode).toBe(
      422,
    );
  });

  it("makes a user created by an admin change the one-time password first, under the password rules", async () => {
    const created = await api.call("admin", "POST", "/api/v1/users", {
      username: "newcomer",
      password: "temporary pass 4711",
      roles: ["second_line"],
      agency: "agency-a",
    });
    expect(created.statusCode).toBe(201);
    const first = await login("newcomer", "temporary pass 4711");
    expect(first.json().user.restricted).toBe("password_change");
    const token = first.json().token as string;
    const blocked = await as(token, "GET", "/crossing-points");
    expect([blocked.statusCode, blocked.json().error.code]).toEqual([403, "password_change_required"]);
    expect((await as(token, "GET", "/auth/me")).json().user.restricted).toBe("password_change");
    for (const weak of ["short", " ".repeat(12), "qwerty123456", "Password2024!", "newcomer-newcomer"]) {
      const r = await as(token, "POST", "/auth/password", {
        currentPassword: "temporary pass 4711",
        newPassword: weak,
      });
      expect(r.statusCode, weak).toBe(422);
    }
    const wrongCurrent = await as(token, "POST", "/auth/password", {
      currentPassword: "nope",
      newPassword: NEW_PASSWORD,
    });
    expect(wrongCurrent.statusCode).toBe(401);
    const ok = await as(token, "POST", "/auth/password", {
      currentPassword: "temporary pass 4711",
      newPassword: NEW_PASSWORD,
    });
    expect(ok.statusCode).toBe(204);
    expect((await as(token, "GET", "/crossing-points")).statusCode).toBe(200);
    expect((await login("newcomer", "temporary pass 4711")).statusCode).toBe(401);
    expect((await login("newcomer", NEW_PASSWORD)).json().user.restricted).toBeUndefined();
    // Common passwords are refused when the admin sets them too.
    const common = await api.call("admin", "POST", "/api/v1/users", {
      username: "lazy",
      password: "1qaz2wsx3edc",
      roles: ["analyst"],
      agency: "agency-a",
    });
    expect(common.statusCode).toBe(422);
  });

  it("forces a reset: a new one-time password, every token revoked", async () => {
    const token = (await login("newcomer", NEW_PASSWORD)).json().token as string;
    const reset = await api.call("admin", "POST", `/api/v1/users/${await idOf("newcomer")}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const oneTime = reset.json().oneTimePassword as string;
    expect((await as(token, "GET", "/auth/me")).statusCode).toBe(401);
    expect((await login("newcomer", NEW_PASSWORD)).statusCode).toBe(401);
    expect((await login("newcomer", oneTime)).json().user.restricted).toBe("password_change");
  });

  it("changes one's own password, keeping this session and revoking the others", async () => {
    const [a, b] = [
      (await login("officer", PASSWORD)).json().token,
      (await login("officer", PASSWORD)).json().token,
    ];
    const r = await as(a, "POST", "/auth/password", { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(r.statusCode).toBe(204);
    expect((await as(a, "GET", "/crossing-points")).statusCode).toBe(200);
    expect((await as(b, "GET", "/crossing-points")).statusCode).toBe(401);
    expect((await login("officer", NEW_PASSWORD)).statusCode).toBe(200);
  });

  it("expires a session left idle, though its lifetime is not over", async () => {
    const token = (await login("officer", NEW_PASSWORD)).json().token as string;
    for (let i = 0; i < 3; i++) {
      clock = new Date(clock.getTime() + 29 * 60_000);
      expect((await as(token, "GET", "/crossing-points")).statusCode).toBe(200);
    }
    clock = new Date(clock.getTime() + 30 * 60_000);
    expect((await as(token, "GET", "/crossing-points")).statusCode).toBe(401);
  });

  describe("second factor", () => {
    const codeAt = (secret: string, at: Date) =>
      new TOTP({ secret: Secret.fromBase32(secret), period: 30 }).generate({ timestamp: at.getTime() });

    it("enrols, confirms and then needs a fresh code at every login", async () => {
      const token = (await login("officer", NEW_PASSWORD)).json().token as string;
      const enrol = await as(token, "POST", "/auth/totp");
      expect(enrol.statusCode).toBe(201);
      const { secret, uri } = enrol.json() as { secret: string; uri: string };
      expect(uri).toMatch(/^otpauth:\/\/totp\/Limes:officer\?/);
      expect((await as(token, "POST", "/auth/totp/confirm", { code: "000000" })).statusCode).toBe(422);
      expect(
        (await as(token, "POST", "/auth/totp/confirm", { code: codeAt(secret, clock) })).statusCode,
      ).toBe(204);
      const noCode = await login("officer", NEW_PASSWORD);
      expect([noCode.statusCode, noCode.json().error.details]).toEqual([401, { secondFactor: "totp" }]);
      clock = new Date(clock.getTime() + 60_000);
      const code = codeAt(secret, clock);
      expect((await login("officer", NEW_PASSWORD, { code })).statusCode).toBe(200);
      // A code is good once.
      expect((await login("officer", NEW_PASSWORD, { code })).statusCode).toBe(401);
      expect((await as(token, "POST", "/auth/totp")).statusCode).toBe(409);
    });

    it("makes the roles that require it enrol before anything else", async () => {
      const strict = await startTestApi(getDb(), {
        access: { now: () => clock, totpRoles: ["second_line"] },
      });
      await strict.services.access.createUser("system", {
        username: "reviewer-2fa",
        password: PASSWORD,
        roles: ["second_line"],
        agency: "agency-a",
      });
      const r = await strict.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "reviewer-2fa", password: PASSWORD },
      });
      expect(r.json().user.restricted).toBe("totp_enrolment");
      const headers = { authorization: `Bearer ${r.json().token}` };
      const denied = await strict.app.inject({ url: "/api/v1/alerts", headers });
      expect([denied.statusCode, denied.json().error.code]).toEqual([403, "second_factor_required"]);
      const { secret } = (
        await strict.app.inject({ method: "POST", url: "/api/v1/auth/totp", headers })
      ).json();
      const confirm = await strict.app.inject({
        method: "POST",
        url: "/api/v1/auth/totp/confirm",
        headers,
        payload: { code: codeAt(secret, clock) },
      });
      expect(confirm.statusCode).toBe(204);
      expect(
        (await strict.app.inject({ url: "/api/v1/auth/me", headers })).json().user.restricted,
      ).toBeUndefined();
      await strict.app.close();
    });
  });

  it("pages through the users with a total", async () => {
    const admin = (await login("admin", PASSWORD)).json().token as string;
    const names = (r: { json(): { users: { username: string }[] } }) => r.json().users.map((u) => u.username);
    const first = await as(admin, "GET", "/users?limit=2");
    expect(first.json().total).toBe(4);
    expect(names(first)).toEqual(["admin", "newcomer"]);
    const next = await as(admin, "GET", `/users?limit=2&cursor=${first.json().nextCursor}`);
    expect(names(next)).toEqual(["officer", "reviewer-2fa"]);
    expect(next.json()).toMatchObject({ total: 4 });
    expect(next.json().nextCursor).toBeUndefined();
    expect((await as(admin, "GET", "/users?limit=x")).statusCode).toBe(400);
  });
});
