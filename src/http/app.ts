// The Fastify application, built from the services it is given (no globals): the gate (authentication
// and permission) for every route, TypeBox schemas that also give the OpenAPI document at /api/docs,
// one error mapping, and one route plugin per capability under /api/v1.

import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import type { AccessService } from "../access/index.js";
import type { AlertService } from "../alerts/index.js";
import type { ApprovalService } from "../approvals/index.js";
import type { AuditSigning } from "../audit/index.js";
import type { CrossingPointService } from "../crossing-points/service.js";
import type { CrossingService } from "../crossings/service.js";
import type { Db } from "../db/index.js";
import type { ExportService } from "../export/index.js";
import type { ProtectionService } from "../protection/index.js";
import type { RuleService } from "../rules/index.js";
import type { ScreeningService } from "../screenings/index.js";
import type { StatsService } from "../stats/index.js";
import type { WatchlistService } from "../watchlists/index.js";
import type { YenteService } from "../yente/index.js";
import { registerErrorHandlers } from "./errors.js";
import { registerGate } from "./gate.js";
import { registerSecurityHeaders } from "./headers.js";
import { registerStrictJson } from "./json-body.js";
import { type RateLimitSettings, registerRateLimit } from "./rate-limit.js";
import { alertRoutes } from "./routes/alerts.js";
import { approvalRoutes } from "./routes/approvals.js";
import { auditRoutes } from "./routes/audit.js";
import { authRoutes } from "./routes/auth.js";
import { crossingPointRoutes } from "./routes/crossing-points.js";
import { crossingRoutes } from "./routes/crossings.js";
import { exportRoutes } from "./routes/export.js";
import { healthRoutes } from "./routes/health.js";
import { protectionRoutes } from "./routes/protection.js";
import { reconcileRoutes } from "./routes/reconcile.js";
import { ruleRoutes } from "./routes/rules.js";
import { screeningRoutes } from "./routes/screenings.js";
import { statsRoutes } from "./routes/stats.js";
import { userRoutes } from "./routes/users.js";
import { watchlistRoutes } from "./routes/watchlists.js";
import { yenteRoutes } from "./routes/yente.js";
import { webRoutes } from "./web.js";

export { errorBody } from "./errors.js";

export interface AppDeps {
  db: Db;
  access: AccessService;
  screenings: ScreeningService;
  crossingPoints: CrossingPointService;
  crossings: CrossingService;
  alerts: AlertService;
  protection: ProtectionService;
  rules: RuleService;
  stats: StatsService;
  watchlists: WatchlistService;
  approvals: ApprovalService;
  /** CSV and FtM exports of alerts, matches and manifests. */
  exports: ExportService;
  /** The yente-compatible matching API for analysts' tools (under /api/yente). */
  yente: YenteService;
  /** Offer yente's GET /search, which puts the name in the URL (LIMES_YENTE_GET_SEARCH=1). */
  yenteGetSearch?: boolean;
  /** False until the watchlists are loaded and indexed (then `/ready` says so). */
  ready: () => boolean;
  /** Largest JSON body accepted, in bytes (default 1 MiB: a batch of 1,000 persons fits). */
  bodyLimit?: number;
  /** Largest watchlist upload accepted, in bytes (default 64 MiB). */
  uploadLimit?: number;
  logger?: boolean | { level: string };
  /** Limits per client address (login), and where their counters live. */
  rateLimit?: RateLimitSettings;
  /** Fastify's trustProxy: which proxies' X-Forwarded-For gives the client address (default: none). */
  trustProxy?: boolean | number | string[];
  /** The audit signing key and checkpoint file: verify checks the chains against the checkpoints. */
  auditSigning?: AuditSigning;
}

/** What a request log line says: method and path, never the query string. */
function requestForLog(req: { method: string; url: string }) {
  return { method: req.method, url: req.url.split("?")[0] };
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_UPLOAD_LIMIT = 64 * 1024 * 1024;

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

  await app.register(swagger, {
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
  await app.register(exportRoutes(deps), v1);
  await app.register(yenteRoutes(deps), { prefix: "/api/yente" });
  await app.register(reconcileRoutes(deps), { prefix: "/api/yente" });
  await app.register(webRoutes());
  return app;
}
