// The Fastify application, built from the services it is given (no globals): the gate (authentication
// and permission) for every route, TypeBox schemas that also give the OpenAPI document at /api/docs,
// one error mapping, and one route plugin per capability under /api/v1.

import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { type AppDeps, DEFAULT_BODY_LIMIT } from "./deps.js";
import { registerErrorHandlers } from "./errors.js";
import { registerGate } from "./gate.js";
import { registerSecurityHeaders } from "./headers.js";
import { registerStrictJson } from "./json-body.js";
import { registerRateLimit } from "./rate-limit.js";
import { components } from "./replies/component.js";
import { alertRoutes } from "./routes/alerts.js";
import { approvalRoutes } from "./routes/approvals.js";
import { auditRoutes } from "./routes/audit.js";
import { authRoutes } from "./routes/auth.js";
import { cargoRoutes } from "./routes/cargo.js";
import { cashRoutes } from "./routes/cash.js";
import { craftRoutes } from "./routes/craft.js";
import { crossingPointRoutes } from "./routes/crossing-points.js";
import { crossingRoutes } from "./routes/crossings.js";
import { exportRoutes } from "./routes/export.js";
import { firearmRoutes } from "./routes/firearms.js";
import { goodsListRoutes } from "./routes/goods-lists.js";
import { handOverRoutes } from "./routes/hand-overs.js";
import { healthRoutes } from "./routes/health.js";
import { partnerApiRoutes } from "./routes/partner-api.js";
import { partnerFollowUpRoutes } from "./routes/partner-follow-ups.js";
import { partnerRoutes } from "./routes/partners.js";
import { protectionRoutes } from "./routes/protection.js";
import { reconcileRoutes } from "./routes/reconcile.js";
import { regionalRoutes } from "./routes/regional.js";
import { ruleRoutes } from "./routes/rules.js";
import { screeningRoutes } from "./routes/screenings.js";
import { statsRoutes } from "./routes/stats.js";
import { syncRoutes } from "./routes/sync.js";
import { userRoutes } from "./routes/users.js";
import { vehicleRoutes } from "./routes/vehicles.js";
import { watchlistRoutes } from "./routes/watchlists.js";
import { yenteRoutes } from "./routes/yente.js";
import { webRoutes } from "./web.js";

export { type AppDeps, DEFAULT_BODY_LIMIT, DEFAULT_UPLOAD_LIMIT } from "./deps.js";
export { errorBody } from "./errors.js";

/** What a request log line says: method and path, never the query string. */
function requestForLog(req: { method: string; url: string }) {
  return { method: req.method, url: req.url.split("?")[0] };
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const hops = deps.trustProxy;
  const app = Fastify({
    // Query strings are never logged: a yente search by GET would put a traveller's name there.
    logger: deps.logger
      ? { ...(deps.logger === true ? {} : deps.logger), serializers: { req: requestForLog } }
      : false,
    bodyLimit: deps.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // A hop count trusts that many proxies in front, as proxy-addr counts them.
    trustProxy: typeof hops === "number" ? (_addr: string, hop: number) => hop < hops : (hops ?? false),
    // Unknown fields are an error, not something to drop silently; types are not coerced in bodies.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
  });
  // Before the gate: its 401 and 403 replies carry the headers too.
  await registerSecurityHeaders(app);
  registerStrictJson(app);
  registerGate(app, deps);
  registerErrorHandlers(app);
  await registerRateLimit(app, deps.rateLimit);

  for (const schema of components()) app.addSchema(schema);
  await app.register(swagger, {
    // Named schemas keep their names under components.schemas (the generated client types use them).
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
    openapi: {
      info: { title: "Limes API", version: "0.1.0", description: "Border screening and case management" },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  await app.register(healthRoutes(deps));
  const v1 = { prefix: "/api/v1" };
  await app.register(authRoutes(deps), v1);
  await app.register(screeningRoutes(deps), v1);
  await app.register(watchlistRoutes(deps), v1);
  await app.register(crossingRoutes(deps), v1);
  await app.register(crossingPointRoutes(deps), v1);
  await app.register(userRoutes(deps), v1);
  await app.register(auditRoutes(deps), v1);
  await app.register(alertRoutes(deps), v1);
  await app.register(protectionRoutes(deps), v1);
  await app.register(ruleRoutes(deps), v1);
  await app.register(statsRoutes(deps), v1);
  await app.register(approvalRoutes(deps), v1);
  await app.register(cargoRoutes(deps), v1);
  await app.register(craftRoutes(deps), v1);
  await app.register(vehicleRoutes(deps), v1);
  await app.register(firearmRoutes(deps), v1);
  await app.register(cashRoutes(deps), v1);
  await app.register(goodsListRoutes(deps), v1);
  await app.register(partnerRoutes(deps), v1);
  await app.register(partnerFollowUpRoutes(deps), v1);
  await app.register(handOverRoutes(deps), v1);
  await app.register(regionalRoutes(deps), v1);
  // Partner nodes, authenticated by signature, not by session (issue 16).
  await app.register(partnerApiRoutes(deps));
  await app.register(syncRoutes(deps), v1);
  await app.register(exportRoutes(deps), v1);
  await app.register(yenteRoutes(deps), { prefix: "/api/yente" });
  await app.register(reconcileRoutes(deps), { prefix: "/api/yente" });
  await app.register(webRoutes());
  return app;
}
