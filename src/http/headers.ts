// Response headers for every route, set before the gate so that a 401, 403 or 404 carries them too:
// helmet's defaults (nosniff, no framing, no referrer, …), a CSP that the API description at /api/docs
// can live with, and `Cache-Control: no-store`, because an API response may hold personal data that no
// browser or proxy cache should keep. The web UI's routes (web.ts) set their own CSP and caching.
import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Swagger UI sets style attributes from its scripts; it runs no inline script.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
  });
  app.addHook("onRequest", async (_req, reply) => {
    reply.header("cache-control", "no-store");
  });
}
