// Bad input over the API on both dialects: each gets its 4xx in the one error shape, and none of it
// changes anything (no screening stored, no audit entry written).
import { beforeAll, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/audit/index.js";
import { describeBothDialects } from "../support/db.js";
import { startTestApi, type TestApi } from "./harness.js";

describeBothDialects("bad input", (getDb) => {
  let api: TestApi;
  let before: { audit: number; screenings: number };
  const state = async () => ({
    audit: (await verifyAuditChain(getDb())).checked,
    screenings: (await getDb().kysely.selectFrom("screening_requests").select("id").execute()).length,
  });
  const screen = (payload: string | object, contentType = "application/json") =>
    api.call("booth", "POST", "/api/v1/screenings", payload, { "content-type": contentType });

  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addUser("booth", ["first_line"]);
    await api.addUser("admin", ["admin"]);
    await api.addUser("auditor", ["auditor"]);
    await api.call("admin", "POST", "/api/v1/crossing-points", {
      code: "RS-HRG",
      name: "Horgoš",
      kind: "land",
      country: "RS",
    });
    before = await state();
  });

  it("answers a body over 1 MiB with 413", async () => {
    const r = await screen(
      JSON.stringify({ person: { name: "x" }, purpose: "entry check", pad: "y".repeat(1024 * 1024) }),
    );
    expect(r.statusCode).toBe(413);
    expect(r.json().error).toEqual({
      code: "payload_too_large",
      message: "Request body is too large",
      params: {},
      details: {},
    });
  });

  it("answers malformed JSON with 400", async () => {
    const r = await screen('{"person": {"name": "x"');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe("bad_request");
  });

  it("answers wrong types with 400 naming the field, and does not coerce them", async () => {
    const r = await screen({ person: { name: 42 }, purpose: "entry check" });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toBe("body/person/name must be string");
    expect(r.json().error.details[0]).toMatchObject({ instancePath: "/person/name", keyword: "type" });
    expect(r.json().error.params).toEqual({
      field: "body/person/name",
      keyword: "type",
      reason: "must be string",
    });
    expect((await screen({ persons: { name: "x" }, purpose: "entry check" })).statusCode).toBe(400);
    expect(
      (await screen({ person: { name: "x", birthDate: "14.03.1979" }, purpose: "entry check" })).statusCode,
    ).toBe(400);
    const limit = await api.call("auditor", "GET", "/api/v1/audit?limit=lots&purpose=oversight");
    expect(limit.statusCode).toBe(400);
    expect(limit.json().error.message).toBe('querystring/limit must match pattern "^[0-9]{1,4}$"');
  });

  it("answers unknown fields with 400, in the body, a nested object or the query", async () => {
    const nested = await screen({ person: { name: "x", shoeSize: 44 }, purpose: "entry check" });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().error.message).toBe("body/person must NOT have additional properties");
    expect(nested.json().error.params).toMatchObject({
      field: "body/person/shoeSize",
      keyword: "additionalProperties",
    });
    expect(
      (await screen({ person: { name: "x" }, purpose: "entry check", priority: "high" })).statusCode,
    ).toBe(400);
    expect((await api.call("auditor", "GET", "/api/v1/audit?purpose=oversight&sort=asc")).statusCode).toBe(
      400,
    );
  });

  it("answers a missing purpose with 400", async () => {
    const r = await screen({ person: { name: "x" } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toBe("body must have required property 'purpose'");
    expect(r.json().error.params).toMatchObject({ field: "body/purpose", keyword: "required" });
  });

  it("answers a body that is not JSON with 400 or 415", async () => {
    expect((await screen("name=x", "text/plain")).statusCode).toBe(400);
    const xml = await screen("<person/>", "application/xml");
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error.code).toBe("unsupported_media_type");
  });

  it("answers a well-formed but impossible request with 422, and a duplicate with 409", async () => {
    const atlantis = await api.call("admin", "POST", "/api/v1/crossing-points", {
      code: "AT-01",
      name: "Atlantis",
      kind: "sea",
      country: "Atlantis",
    });
    expect(atlantis.statusCode).toBe(422);
    expect(atlantis.json().error).toEqual({
      code: "unknown_country",
      message: 'country: unknown country "Atlantis"',
      params: { field: "country", value: "Atlantis" },
      details: {},
    });
    const again = await api.call("admin", "POST", "/api/v1/crossing-points", {
      code: "RS-HRG",
      name: "Horgoš again",
      kind: "land",
      country: "RS",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("crossing_point_exists");
  });

  it("changed nothing", async () => {
    expect(await state()).toEqual(before);
  });
});
