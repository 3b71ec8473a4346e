// Signing in and out over the API on both dialects: tokens, their expiry and revocation, wrong
// passwords, the login rate limit, and malformed credentials.
import { beforeAll, expect, it } from "vitest";
import { describeBothDialects } from "../support/db.js";
import { PASSWORD, startTestApi, type TestApi } from "./harness.js";

describeBothDialects("signing in and out", (getDb) => {
  let api: TestApi;
  let clock = new Date("2026-03-01T08:00:00Z");
  const login = (username: string, password: string, ip = "10.0.0.1") =>
    api.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username, password },
      remoteAddress: ip,
    });
  const crossingPoints = (token: string) =>
    api.app.inject({ url: "/api/v1/crossing-points", headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    api = await startTestApi(getDb(), {
      access: { now: () => clock, sessionTtlMinutes: 60, idleMinutes: 120, maxFailures: 3 },
    });
    await api.addUser("officer", ["first_line"]);
    await api.addUser("guessed", ["analyst"]);
  });

  it("gives a session token that expires after its lifetime", async () => {
    const r = await login("officer", PASSWORD);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      expiresAt: "2026-03-01T09:00:00.000Z",
      user: { username: "officer", roles: ["first_line"], agency: "agency-a" },
    });
    const token = r.json().token as string;
    clock = new Date("2026-03-01T08:59:59Z");
    expect((await crossingPoints(token)).statusCode).toBe(200);
    clock = new Date("2026-03-01T09:00:00Z");
    const expired = await crossingPoints(token);
    expect(expired.statusCode).toBe(401);
    expect(expired.headers["www-authenticate"]).toBe("Bearer");
    expect(expired.json().error.code).toBe("unauthenticated");
  });

  it("tells a client whom its token signs in, so a reload keeps the session", async () => {
    const token = (await login("officer", PASSWORD)).json().token as string;
    const me = await api.app.inject({
      url: "/api/v1/auth/me",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json()).toEqual({ user: { username: "officer", roles: ["first_line"], agency: "agency-a" } });
    expect((await api.app.inject({ url: "/api/v1/auth/me" })).statusCode).toBe(401);
  });

  it("revokes the token on logout, and only that token", async () => {
    const first = (await login("officer", PASSWORD)).json().token as string;
    const second = (await login("officer", PASSWORD)).json().token as string;
    const out = await api.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { authorization: `Bearer ${first}` },
    });
    expect(out.statusCode).toBe(204);
    expect(out.body).toBe("");
    expect((await crossingPoints(first)).statusCode).toBe(401);
    expect((await crossingPoints(second)).statusCode).toBe(200);
    const again = await api.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { authorization: `Bearer ${first}` },
    });
    expect(again.statusCode).toBe(401);
  });

  it("rejects a wrong password and an unknown user alike", async () => {
    const wrong = await login("officer", "not the password", "10.0.0.2");
    const unknown = await login("nobody", PASSWORD, "10.0.0.2");
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().error).toEqual(unknown.json().error);
  });

  it("stops guessing after the allowed failures, per user and address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await login("guessed", `guess ${i}`, "10.0.0.3")).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Even the right password waits out the window from that address…
    const blocked = await login("guessed", PASSWORD, "10.0.0.3");
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("too_many_attempts");
    // …but not from another one.
    expect((await login("guessed", PASSWORD, "10.0.0.4")).statusCode).toBe(200);
  });

  it("refuses malformed credentials", async () => {
    for (const authorization of [
      "Bearer",
      "Bearer ",
      "Basic b2ZmaWNlcjp4",
      "bearer nonsense",
      "Bearer nonsense",
    ]) {
      const r = await api.app.inject({ url: "/api/v1/crossing-points", headers: { authorization } });
      expect(r.statusCode, authorization).toBe(401);
    }
    const extra = await api.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "officer", password: PASSWORD, role: "admin" },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.code).toBe("bad_request");
  });
});
