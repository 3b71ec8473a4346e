// Response headers on both dialects: every API response (data, errors, the gate's 401/403, unknown
// routes) says no-store and nosniff, the API description has a CSP, and the web UI keeps its own.
import { beforeAll, expect, it } from "vitest";
import { describeBothDialects } from "../support/db.js";
import { startTestApi, type TestApi } from "./harness.js";

describeBothDialects("response headers", (getDb) => {
  let api: TestApi;
  let alertUrl: string;

  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addUser("booth", ["first_line"]);
    await api.addUser("reviewer", ["second_line"]);
    await api.addCrossingPoint("cp-headers");
    // NL-0012 of the fictional national list: a refer, so an alert with personal data exists.
    const r = await api.call("booth", "POST", "/api/v1/crossings", {
      entry: {
        person: { surname: "Horvat", givenNames: "Marko", birthDate: "1987-09-03", nationality: "HR" },
        direction: "entry",
        crossingPointId: "cp-headers",
      },
      purpose: "entry check",
    });
    expect(r.statusCode, r.body).toBe(201);
    const queue = await api.call("reviewer", "GET", "/api/v1/alerts");
    alertUrl = `/api/v1/alerts/${queue.json().alerts[0].id}?purpose=second-line%20review`;
  });

  it("sends no-store and nosniff on every API response, errors included", async () => {
    const responses = {
      alert: await api.call("reviewer", "GET", alertUrl),
      unauthenticated: await api.call(undefined, "GET", alertUrl),
      forbidden: await api.call("booth", "GET", alertUrl),
      invalid: await api.call("reviewer", "GET", "/api/v1/alerts?status=nonsense"),
      unknownRoute: await api.call("reviewer", "GET", "/api/v1/nothing-here"),
      health: await api.call(undefined, "GET", "/health"),
    };
    expect(Object.fromEntries(Object.entries(responses).map(([k, r]) => [k, r.statusCode]))).toEqual({
      alert: 200,
      unauthenticated: 401,
      forbidden: 403,
      invalid: 400,
      unknownRoute: 404,
      health: 200,
    });
    for (const [name, r] of Object.entries(responses)) {
      expect([name, r.headers["cache-control"], r.headers["x-content-type-options"]]).toEqual([
        name,
        "no-store",
        "nosniff",
      ]);
    }
  });

  it("puts a CSP on the API description that allows only this origin's scripts", async () => {
    const docs = await api.call(undefined, "GET", "/api/docs/");
    expect(docs.statusCode).toBe(200);
    const csp = String(docs.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(docs.headers["x-content-type-options"]).toBe("nosniff");
    // Swagger UI's page loads its scripts from files: nothing inline that the CSP would block.
    expect(docs.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it("keeps the web UI's own CSP and caching", async () => {
    const page = await api.call(undefined, "GET", "/");
    expect(page.headers["content-security-policy"]).toBe(
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    );
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
  });
});
