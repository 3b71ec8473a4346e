// The web UI (built by `npm run build:web` into dist/web), served at `/`: a file when one exists, else the
// application's index.html so that a reload on /alerts/… opens the same screen. The files hold no data
// (everything personal comes from /api with a token), so these routes are public. Unknown /api paths
// keep their JSON 404 rather than receiving the HTML page.
import { stat } from "node:fs/promises";
import { resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { errorBody } from "./errors.js";

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../dist/web", import.meta.url));

/** Where the browser may load from: this origin only, and no framing (clickjacking at the booth). */
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export const webRoutes =
  (opts: { root?: string } = {}): FastifyPluginAsync =>
  async (app) => {
    const root = resolve(opts.root ?? DEFAULT_WEB_ROOT);
    // Only `reply.sendFile`: the routes are our own so that they can say they are public.
    // Caching is set per file below, not by the plugin.
    await app.register(fastifyStatic, { root, serve: false, suppressWarning: true, cacheControl: false });

    const serve = async (req: FastifyRequest, reply: FastifyReply) => {
      const path = decodeURIComponent(req.url.split("?")[0] ?? "/");
      if (path === "/api" || path.startsWith("/api/")) {
        return reply
          .code(404)
          .send(errorBody("not_found", `no route ${req.method} ${path}`, { method: req.method, url: path }));
      }
      reply.headers(SECURITY_HEADERS);
      const file = resolve(root, `.${path}`);
      if (path !== "/" && file.startsWith(root + sep) && (await isFile(file))) {
        // Vite puts a content hash in every asset name, so an asset never changes under its name.
        if (path.startsWith("/assets/")) reply.header("cache-control", "public, max-age=31536000, immutable");
        return reply.sendFile(file.slice(root.length + 1));
      }
      if (!(await isFile(resolve(root, "index.html")))) {
        return reply
          .code(503)
          .send(errorBody("web_not_built", "the web UI is not built: run `npm run build:web`"));
      }
      // The page itself is tiny and must pick up a new build at once.
      return reply.header("cache-control", "no-store").sendFile("index.html");
    };

    const route = { config: { public: true }, schema: { hide: true } };
    app.get("/", route, serve);
    app.get("/*", route, serve);
  };
