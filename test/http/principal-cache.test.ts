// The principal cache (issue 18, item 6) on both dialects: a token's principal is served from memory for
// up to 30 s here, and yet every revocation made through the service is refused at the very next request
// of the same process: sign-out, an admin's password reset, disabling the user, one's own password
// change (the other sessions end; the session that changed it loses its restriction at once).
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBothDialects } from "../support/db.js";
import { PASSWORD, startTestApi, type TestApi } from "./harness.js";

describeBothDialects("principal cache with revocation", (getDb) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(getDb(), { access: { principalCacheSeconds: 30 } });
    await api.addUser("chief", ["admin"]);
  });
  afterAll(async () => {
    await api?.app.close();
  });

  const me = (token: string) =>
    api.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { authorization: `Bearer ${token}` } });
  const login = async (username: string, password = PASSWORD) => {
    const r = await api.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username, password },
    });
    expect(r.statusCode).toBe(200);
    return r.json().token as string;
  };
  const userId = async (username: string) =>
    (
      await getDb()
        .kysely.selectFrom("users")
        .select("id")
        .where("username", "=", username)
        .executeTakeFirstOrThrow()
    ).id;

  it("serves a seen token from memory: a revocation written around the service is not seen at once", async () => {
    const token = await api.addUser("cached", ["first_line"]);
    expect((await me(token)).statusCode).toBe(200);
    // Straight into the table, as no use case does: only the cache can still answer for the token.
    await getDb().kysely.updateTable("tokens").set({ revoked_at: new Date().toISOString() }).execute();
    expect((await me(token)).statusCode).toBe(200);
    // Every other token was revoked as well: the suite's admin signs in again.
    await login("chief");
    api.services.access.applyRevocation({ all: true });
    expect((await me(token)).statusCode).toBe(401);
  });

  it("refuses a signed-out token at the next request", async () => {
    const token = await api.addUser("leaver", ["first_line"]);
    expect((await me(token)).statusCode).toBe(200);
    const out = await api.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.statusCode).toBe(204);
    expect((await me(token)).statusCode).toBe(401);
  });

  it("refuses every token of a user an admin disables, or whose password an admin resets", async () => {
    const admin = await login("chief");
    const asAdmin = (url: string) =>
      api.app.inject({ method: "POST", url, headers: { authorization: `Bearer ${admin}` } });
    for (const [name, action] of [
      ["disabled.one", "disable"],
      ["reset.one", "reset-password"],
    ] as const) {
      const token = await api.addUser(name, ["first_line"]);
      const second = await login(name);
      expect((await me(token)).statusCode).toBe(200);
      expect((await me(second)).statusCode).toBe(200);
      expect([200, 204]).toContain(
        (await asAdmin(`/api/v1/users/${await userId(name)}/${action}`)).statusCode,
      );
      expect((await me(token)).statusCode).toBe(401);
      expect((await me(second)).statusCode).toBe(401);
    }
  });

  it("ends the other sessions at a password change, and lifts the changing session's restriction at once", async () => {
    const admin = await login("chief");
    const created = await api.app.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: { authorization: `Bearer ${admin}` },
      payload: { username: "newcomer", password: PASSWORD, roles: ["first_line"], agency: "agency-a" },
    });
    expect(created.statusCode).toBe(201);
    // A password an admin sets is a one-time one.
    const oneTime = PASSWORD;
    const token = await login("newcomer", oneTime);
    const other = await login("newcomer", oneTime);
    // Restricted, and cached as such.
    expect((await me(token)).json().user.restricted).toBe("password_change");
    const points = () =>
      api.app.inject({
        method: "GET",
        url: "/api/v1/crossing-points",
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await points()).statusCode).toBe(403);
    const changed = await api.app.inject({
      method: "POST",
      url: "/api/v1/auth/password",
      headers: { authorization: `Bearer ${token}` },
      payload: { currentPassword: oneTime, newPassword: "a brand new long password" },
    });
    expect(changed.statusCode).toBe(204);
    expect((await me(token)).json().user.restricted).toBeUndefined();
    expect((await points()).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
  });
});
