// The Fastify application. Until the service issue lands (database, authentication, audit), it serves
// only liveness, readiness and a read-only summary of the loaded watchlists: counts, no personal data.
import Fastify, { type FastifyInstance } from "fastify";
import type { ImportResult } from "../watchlists/index.js";
import { summarise } from "../watchlists/index.js";

export interface AppDeps {
  /** The loaded lists; undefined until loading has finished (then `/ready` says so). */
  watchlists: () => readonly ImportResult[] | undefined;
  logger?: boolean | { level: string };
}

export function buildApp(deps: AppDeps): FastifyInstance {
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: 1024 * 1024 });

  app.get("/health", async () => ({ status: "ok" }));

  app.get("/ready", async (_req, reply) => {
    const lists = deps.watchlists();
    if (!lists) return reply.code(503).send({ status: "loading" });
    return { status: "ready", watchlists: lists.length };
  });

  app.get("/api/v1/watchlists", async (_req, reply) => {
    const lists = deps.watchlists();
    if (!lists)
      return reply
        .code(503)
        .send({ error: { code: "not_ready", message: "watchlists are still loading", details: {} } });
    return {
      watchlists: lists.map((r) => ({
        id: r.list,
        format: r.format,
        meta: r.meta,
        counts: r.counts,
        summary: summarise(r.entities),
        issues: {
          errors: r.issues.filter((i) => i.severity === "error").length,
          warnings: r.issues.filter((i) => i.severity === "warning").length,
        },
      })),
    };
  });

  app.setNotFoundHandler((req, reply) => {
    reply
      .code(404)
      .send({ error: { code: "not_found", message: `no route ${req.method} ${req.url}`, details: {} } });
  });
  return app;
}
