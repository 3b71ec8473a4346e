// Sign in and out. Login is the only public call under /api/v1; it is rate-limited by the access service.
import { Type } from "@sinclair/typebox";
import type { AppDeps } from "../app.js";
import { principalOf } from "../gate.js";
import { ErrorSchema } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";

const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export const authRoutes =
  (deps: Pick<AppDeps, "access">): RoutePlugin =>
  async (app) => {
    app.post(
      "/auth/login",
      {
        config: { public: true },
        schema: {
          tags: ["auth"],
          summary: "exchange a username and password for a session token",
          security: [],
          body: LoginBody,
          response: { 400: ErrorSchema, 401: ErrorSchema, 429: ErrorSchema },
        },
      },
      async (req) => {
        const { token, expiresAt, principal } = await deps.access.login(
          req.body.username,
          req.body.password,
          {
            ip: req.ip,
          },
        );
        return {
          token,
          expiresAt,
          user: { username: principal.username, roles: principal.roles, agency: principal.agency },
        };
      },
    );

    app.get(
      "/auth/me",
      {
        config: { anyUser: true },
        schema: {
          tags: ["auth"],
          summary: "who this token signs in: lets a client restore its session from the token alone",
          response: { 401: ErrorSchema },
        },
      },
      async (req) => {
        const p = principalOf(req);
        return {
          user: {
            username: p.username,
            roles: p.roles,
            agency: p.agency,
            ...(p.crossingPointId ? { crossingPointId: p.crossingPointId } : {}),
          },
        };
      },
    );

    app.post(
      "/auth/logout",
      {
        config: { anyUser: true },
        schema: {
          tags: ["auth"],
          summary: "revoke the token of this request",
          response: { 204: Type.Null(), 401: ErrorSchema },
        },
      },
      async (req, reply) => {
        await deps.access.logout(principalOf(req));
        return reply.code(204).send();
      },
    );
  };
