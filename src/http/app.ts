// The Fastify application: authentication and permission checks in one hook, TypeBox schemas on every
// route (which also give the OpenAPI document at /api/docs), and one error mapping for the domain errors.
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from "fastify";
import {
  type AccessService,
  AuthError,
  can,
  type Permission,
  type Principal,
  TooManyAttemptsError,
} from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { CrossingPointService } from "../crossing-points/service.js";
import type { CrossingService } from "../crossings/service.js";
import type { Db } from "../db/index.js";
import type { ScreeningService } from "../screenings/index.js";
import { ConflictError, ForbiddenError, InvalidError, LimesError, NotFoundError } from "../shared/errors.js";
import type { WatchlistService } from "../watchlists/index.js";
import { registerRoutes } from "./routes.js";

export interface AppDeps {
  db: Db;
  access: AccessService;
  screenings: ScreeningService;
  crossingPoints: CrossingPointService;
  crossings: CrossingService;
  watchlists: WatchlistService;
  /** False until the watchlists are loaded and indexed (then `/ready` says so). */
  ready: () => boolean;
  /** Largest watchlist upload accepted, in bytes. */
  uploadLimit?: number;
  logger?: boolean | { level: string };
  bodyLimit?: number;
}

declare module "fastify" {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    /** The permission a route needs (any of a list); routes must say public otherwise. */
    permission?: Permission | readonly Permission[];
    public?: boolean;
    /** Any signed-in user (logout). */
    anyUser?: boolean;
  }
}

export function errorBody(code: string, message: string, details: unknown = {}) {
  return { error: { code, message, details } };
}

function statusOf(err: unknown): { status: number; code: string } {
  if (err instanceof AuthError) return { status: 401, code: "unauthenticated" };
  if (err instanceof TooManyAttemptsError) return { status: 429, code: "too_many_attempts" };
  if (err instanceof ForbiddenError) return { status: 403, code: "forbidden" };
  if (err instanceof NotFoundError) return { status: 404, code: "not_found" };
  if (err instanceof ConflictError) return { status: 409, code: "conflict" };
  if (err instanceof InvalidError) return { status: 422, code: "invalid" };
  return { status: 500, code: "internal" };
}

function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith("Bearer ") ? h.slice(7).trim() : undefined;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: deps.bodyLimit ?? 1024 * 1024,
    // Unknown fields are an error, not something to drop silently; types are not coerced in bodies.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
  });

  // The API description is public: it holds no data, and clients need it before they can sign in.
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/api/docs")) route.config = { ...(route.config as object), public: true };
  });

  await app.register(swagger, {
    openapi: {
      info: { title: "Limes API", version: "0.1.0", description: "Border screening and case management" },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  // One gate for every route, before the body is even parsed: public routes say so; every other needs a
  // valid token and its permission.
  app.addHook("onRequest", async (req, reply) => {
    const config = req.routeOptions.config;
    if (config.public || !req.routeOptions.url) return; // unknown routes fall through to the 404 handler
    const token = bearer(req);
    const principal = token ? await deps.access.authenticate(token) : undefined;
    if (!principal)
      return reply.code(401).send(errorBody("unauthenticated", "a valid bearer token is required"));
    req.principal = principal;
    if (config.anyUser) return;
    if (!config.permission)
      return reply.code(403).send(errorBody("forbidden", "this route has no permission set"));
    const needed: readonly Permission[] =
      typeof config.permission === "string" ? [config.permission] : config.permission;
    if (!needed.some((perm) => can(principal, perm))) {
      await deps.db.kysely.transaction().execute((trx) =>
        appendAudit(trx, {
          actor: principal,
          action: "access.denied",
          objectType: "route",
          objectId: `${req.method} ${req.routeOptions.url}`,
          outcome: "denied",
        }),
      );
      return reply
        .code(403)
        .send(errorBody("forbidden", `permission ${needed.map((n) => `"${n}"`).join(" or ")} required`));
    }
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err.validation) {
      return reply.code(400).send(errorBody("bad_request", err.message, err.validation));
    }
    if (err.statusCode === 413 || err.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return reply.code(413).send(errorBody("payload_too_large", "request body too large"));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500 && !(err instanceof LimesError)) {
      return reply.code(err.statusCode).send(errorBody("bad_request", err.message));
    }
    const { status, code } = statusOf(err);
    if (status === 500) req.log.error({ err }, "unhandled error");
    return reply
      .code(status)
      .send(
        errorBody(code, status === 500 ? "internal error" : err.message, (err as LimesError).details ?? {}),
      );
  });

  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(errorBody("not_found", `no route ${req.method} ${req.url}`));
  });

  registerRoutes(app, deps);
  return app;
}
