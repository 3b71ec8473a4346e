// What an admin does over the API on both dialects: crossing points and users of their own agency.
import { beforeAll, expect, it } from "vitest";
import { describeBothDialects } from "../support/db.js";
import { PASSWORD, startTestApi, type TestApi } from "./harness.js";

describeBothDialects("users and crossing points", (getDb) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addUser("admin", ["admin"]);
    await api.addUser("admin.b", ["admin"], "agency-b");
  });

  it("adds crossing points to the admin's agency, with the country as an ISO code", async () => {
    const r = await api.call("admin", "POST", "/api/v1/crossing-points", {
      code: "RS-HRG",
      name: "Horgoš",
      kind: "land",
      country: "Serbia",
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toEqual({
      id: expect.any(String),
      code: "RS-HRG",
      name: "Horgoš",
      kind: "land",
      country: "RS",
      agency: "agency-a",
      borderSection: null,
    });
    await api.call("admin.b", "POST", "/api/v1/crossing-points", {
      code: "HR-BAJ",
      name: "Bajakovo",
      kind: "land",
      country: "HR",
    });
    const ours = (await api.call("admin", "GET", "/api/v1/crossing-points")).json().crossingPoints;
    expect(ours.map((cp: { code: string }) => cp.code)).toEqual(["RS-HRG"]);
  });

  it("creates users of its own agency only, once per username", async () => {
    const body = {
      username: "new.officer",
      password: PASSWORD,
      roles: ["first_line"],
      agency: "agency-a",
      crossingPointId: "RS-HRG",
    };
    const created = await api.call("admin", "POST", "/api/v1/users", body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({
      id: expect.any(String),
      username: "new.officer",
      roles: ["first_line"],
      agency: "agency-a",
    });
    expect(JSON.stringify(created.json())).not.toContain(PASSWORD);
    expect((await api.call("admin", "POST", "/api/v1/users", body)).statusCode).toBe(409);
    const elsewhere = await api.call("admin", "POST", "/api/v1/users", {
      ...body,
      username: "spy",
      agency: "agency-b",
      crossingPointId: undefined,
    });
    expect(elsewhere.statusCode).toBe(403);
    const foreignPoint = await api.call("admin", "POST", "/api/v1/users", {
      ...body,
      username: "misplaced",
      crossingPointId: "HR-BAJ",
    });
    expect(foreignPoint.statusCode).toBe(422);
    expect(foreignPoint.json().error.message).toBe(
      'crossingPointId: crossing point "HR-BAJ" belongs to another agency',
    );
    const unknownRole = await api.call("admin", "POST", "/api/v1/users", {
      ...body,
      username: "wizard",
      roles: ["wizard"],
    });
    expect(unknownRole.statusCode).toBe(400);
    const users = (await api.call("admin", "GET", "/api/v1/users")).json().users as { username: string }[];
    expect(users.map((u) => u.username).sort()).toEqual(["admin", "new.officer"]);
    expect(JSON.stringify(users)).not.toMatch(/password|hash/i);
  });

  it("lets the new user sign in with the role and crossing point given", async () => {
    const r = await api.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "new.officer", password: PASSWORD },
    });
    // An admin gives a one-time password: the first session only changes it.
    expect(r.json().user).toMatchObject({
      username: "new.officer",
      roles: ["first_line"],
      agency: "agency-a",
      restricted: "password_change",
    });
    const changed = await api.app.inject({
      method: "POST",
      url: "/api/v1/auth/password",
      headers: { authorization: `Bearer ${r.json().token}` },
      payload: { currentPassword: PASSWORD, newPassword: "a new password of my own" },
    });
    expect(changed.statusCode).toBe(204);
    const screening = await api.app.inject({
      method: "POST",
      url: "/api/v1/screenings",
      headers: { authorization: `Bearer ${r.json().token}` },
      payload: { person: { name: "Some Traveller" }, purpose: "entry check" },
    });
    const point = (await api.call("admin", "GET", "/api/v1/crossing-points")).json().crossingPoints[0];
    expect(screening.json().crossingPointId).toBe(point.id);
    expect(r.json().user.crossingPointId).toBe(point.id);
  });
});
