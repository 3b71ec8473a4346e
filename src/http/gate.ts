// One gate for every route, run before the body is even parsed: a route is public only if it says so;
// every other needs a valid bearer token and the permission its config names. Denials are audited.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { type AccessService, can, type Permission, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import type { Agreement } from "../partners/index.js";
import { errorBody } from "./errors.js";

declare module "fastify" {
  interface FastifyRequest {
    principal?: Principal;
    /** Set on a partner route once the request's signature verified: the agreement in force with its sender. */
    partner?: Agreement;
  }
  interface FastifyContextConfig {
    /** The permission a route needs, or a list of alternatives (any one suffices). */
    permission?: Permission | readonly Permission[];
    /** No token needed (health, readiness, login, the API description). */
    public?: boolean;
    /** Any signed-in user, whatever their role (logout). */
    anyUser?: boolean;
    /**
     * Reachable by a session restricted to changing its one-time password or enrolling its second factor
     * (who-am-I, sign out, those two). Every other route refuses such a session.
     */
    whileRestricted?: boolean;
    /**
     * A partner node's route (/partner/v1): no user and no token; the sender is proven by its HTTP message
     * signature (RFC 9421), which the route plugin verifies before validation and sets `req.partner`.
     * The gate refuses to run the handler if that did not happen.
     */
    partnerSignature?: boolean;
    /** Made for analysts' tools (yente, reconciliation): the only routes an API key with a client reaches. */
    clientApi?: boolean;
  }
}

/** The token: `Bearer <token>`, or `ApiKey <key>` as yente clients send it. */
function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (h?.startsWith("Bearer ")) return h.slice(7).trim();
  return h?.startsWith("ApiKey ") ? h.slice(7).trim() : undefined;
}

/** The caller, set by the gate on every non-public route. */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new Error(`route ${req.routeOptions.url} is not behind the gate`);
  return req.principal;
}

export function registerGate(app: FastifyInstance, deps: { db: Db; access: AccessService }): void {
  app.addHook("onRoute", (route) => {
    // The API description is public: it holds no data, and clients need it before they can sign in.
    if (route.url.startsWith("/api/docs")) route.config = { ...(route.config as object), public: true };
    const config = route.config ?? {};
    // A route that forgets to say who may call it does not start, rather than start open or closed.
    if (!config.public && !config.anyUser && !config.permission && !config.partnerSignature)
      throw new Error(`route ${String(route.method)} ${route.url} declares no permission`);
  });

  // Fail closed: a partner route whose signature check did not run (or did not pass) never reaches its handler.
  app.addHook("preHandler", async (req, reply) => {
    if (req.routeOptions.config.partnerSignature && !req.partner)
      return reply.code(401).send(errorBody("signature_missing", "a verified partner signature is required"));
  });

  app.addHook("onRequest", async (req, reply) => {
    const config = req.routeOptions.config;
    if (config.public || !req.routeOptions.url) return; // unknown routes fall through to the 404 handler
    if (config.partnerSignature) return; // the signature is checked once the body is read (see above)
    const token = bearer(req);
    const principal = token ? await deps.access.authenticate(token) : undefined;
    if (!principal) {
      return reply
        .code(401)
        .header("www-authenticate", "Bearer")
        .send(errorBody("unauthenticated", "a valid bearer token is required"));
    }
    req.principal = principal;
    if (principal.restricted && !config.whileRestricted) {
      const [code, message] =
        principal.restricted === "password_change"
          ? ([
              "password_change_required",
              "change the one-time password first (POST /api/v1/auth/password)",
            ] as const)
          : (["second_factor_required", "enrol a second factor first (POST /api/v1/auth/totp)"] as const);
      return reply.code(403).send(errorBody(code, message));
    }
    // A tool's key leaked or misused cannot reach the officers' API.
    if (principal.client && !config.clientApi) {
      return reply
        .code(403)
        .send(errorBody("client_key_scope", "this API key reaches only the matching and reconciliation API"));
    }
    if (config.anyUser) return;
    const needed: readonly Permission[] =
      typeof config.permission === "string" ? [config.permission] : (config.permission ?? []);
    if (needed.some((perm) => can(principal, perm))) return;
    const route = `${req.method} ${req.routeOptions.url}`;
    await deps.db.kysely.transaction().execute((trx) =>
      appendAudit(trx, {
        actor: principal,
        action: "access.denied",
        objectType: "route",
        objectId: route,
        outcome: "denied",
      }),
    );
    const permissions = needed.map((n) => `"${n}"`).join(" or ");
    return reply
      .code(403)
      .send(errorBody("forbidden", `permission ${permissions} required`, { permissions }));
  });
}
