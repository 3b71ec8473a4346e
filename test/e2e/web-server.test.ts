// Serving the built UI: files as they are, the application page for any other path (so a reload on a
// screen works), JSON 404s kept for unknown API paths, and the browser locked to this origin.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webRoutes } from "../../src/http/web.js";

describe("web routes", () => {
  let root: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "limes-web-"));
    await mkdir(join(root, "assets"));
    await writeFile(join(root, "index.html"), "<!doctype html><title>Limes</title>");
    await writeFile(join(root, "assets", "index-abc123.js"), "console.log('limes')");
    await writeFile(join(tmpdir(), "limes-web-secret.txt"), "outside the root");
    app = Fastify();
    await app.register(webRoutes({ root }));
  });

  afterAll(async () => {
    await app.close();
    await rm(root, { recursive: true, force: true });
    await rm(join(tmpdir(), "limes-web-secret.txt"), { force: true });
  });

  it("serves the page at / and for screen paths, never cached, with a same-origin policy", async () => {
    for (const url of ["/", "/alerts/0f3c", "/check?x=1"]) {
      const r = await app.inject({ method: "GET", url });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers["content-type"]).toMatch(/text\/html/);
      expect(r.body).toContain("<title>Limes</title>");
      expect(r.headers["cache-control"]).toBe("no-store");
      expect(r.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(r.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(r.headers["referrer-policy"]).toBe("no-referrer");
    }
  });

  it("serves hashed assets as immutable files", async () => {
    const r = await app.inject({ method: "GET", url: "/assets/index-abc123.js" });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toMatch(/javascript/);
    expect(r.headers["cache-control"]).toContain("immutable");
    expect(r.body).toBe("console.log('limes')");
  });

  it("keeps a JSON 404 for unknown API paths", async () => {
    const r = await app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({
      error: {
        code: "not_found",
        message: "no route GET /api/v1/nothing-here",
        params: { method: "GET", url: "/api/v1/nothing-here" },
        details: {},
      },
    });
  });

  it("never serves a file outside its folder", async () => {
    for (const url of [
      "/../limes-web-secret.txt",
      "/%2e%2e/limes-web-secret.txt",
      "/assets/..%2f..%2flimes-web-secret.txt",
    ]) {
      const r = await app.inject({ method: "GET", url });
      expect(r.body, url).not.toContain("outside the root");
    }
  });

  it("says the UI is not built rather than failing obscurely", async () => {
    const bare = Fastify();
    await bare.register(webRoutes({ root: join(root, "missing") }));
    const r = await bare.inject({ method: "GET", url: "/check" });
    expect(r.statusCode).toBe(503);
    expect(r.json().error.code).toBe("web_not_built");
    await bare.close();
  });
});
