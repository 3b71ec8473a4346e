// Users, managed by an admin of their agency: create, list page by page, disable and enable (which
// revokes the user's tokens at once), force a password reset; and the failed logins and spraying the
// admin watches. Passwords are never returned, except a reset's new one-time password, once.
import { Type } from "@sinclair/typebox";
import { ROLES } from "../../access/index.js";
import type { AppDeps } from "../deps.js";
import { principalOf } from "../gate.js";
import { digits, errorReplies, IdParams, oneOf } from "../schemas.js";
import type { RouteApp, RoutePlugin } from "../type-provider.js";

const NewUserBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 64 }),
    password: Type.String({
      minLength: 12,
      maxLength: 256,
      description: "a one-time password: the user must change it at the first login",
    }),
    roles: Type.Array(oneOf(ROLES), { minItems: 1, maxItems: ROLES.length, uniqueItems: true }),
    agency: Type.String({ minLength: 1, maxLength: 100 }),
    crossingPointId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

const UsersQuery = Type.Object(
  {
    limit: Type.Optional(digits(3)),
    cursor: Type.Optional(Type.String({ maxLength: 64, description: "nextCursor of the previous page" })),
  },
  { additionalProperties: false },
);

const UserView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  roles: Type.Array(oneOf(ROLES)),
  agency: Type.String(),
  crossingPointId: Type.Optional(Type.String()),
  createdAt: Type.String(),
  disabledAt: Type.Optional(Type.String()),
  changeRequired: Type.Boolean(),
  secondFactor: Type.Boolean(),
});

const UsersPage = Type.Object({
  users: Type.Array(UserView),
  total: Type.Integer({ description: "users of the agency, on all pages" }),
  nextCursor: Type.Optional(Type.String()),
});

const LoginActivity = Type.Object({
  since: Type.String(),
  spraying: Type.Array(
    Type.Object({
      ip: Type.String(),
      usernames: Type.Integer(),
      failures: Type.Integer(),
      last: Type.String(),
    }),
  ),
  sprayingAudit: Type.Array(
    Type.Object({ auditId: Type.Integer(), ts: Type.String(), ip: Type.String(), usernames: Type.Integer() }),
  ),
  failures: Type.Array(
    Type.Object({
      username: Type.String(),
      ip: Type.String(),
      agency: Type.Optional(Type.String()),
      failures: Type.Integer(),
      last: Type.String(),
    }),
  ),
});

const manage = { permission: "users:manage" } as const;

type Deps = Pick<AppDeps, "access">;

function listUsersRoute(app: RouteApp, deps: Deps): void {
  app.get(
    "/users",
    {
      config: manage,
      schema: {
        tags: ["users"],
        summary: "the users of the admin's agency in username order, a page at a time, with the total",
        querystring: UsersQuery,
        response: { 200: UsersPage, ...errorReplies() },
      },
    },
    async (req) => {
      const { limit, cursor } = req.query;
      return deps.access.listUsersPage(principalOf(req), {
        ...(limit ? { limit: Number(limit) } : {}),
        ...(cursor ? { cursor } : {}),
      });
    },
  );
}

function createUserRoute(app: RouteApp, deps: Deps): void {
  app.post(
    "/users",
    {
      config: manage,
      schema: {
        tags: ["users"],
        summary: "create a user",
        body: NewUserBody,
        response: {
          201: Type.Object({
            id: Type.String(),
            username: Type.String(),
            roles: Type.Array(oneOf(ROLES)),
            agency: Type.String(),
          }),
          ...errorReplies(409),
        },
      },
    },
    async (req, reply) => {
      const { id } = await deps.access.createUser(principalOf(req), req.body);
      const { username, roles, agency } = req.body;
      return reply.code(201).send({ id, username, roles, agency });
    },
  );
}

function disableEnableRoutes(app: RouteApp, deps: Deps): void {
  for (const [action, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const) {
    app.post(
      `/users/:id/${action}`,
      {
        config: manage,
        schema: {
          tags: ["users"],
          summary: disabled ? "disable a user and revoke all their tokens at once" : "enable a disabled user",
          params: IdParams,
          response: { 204: Type.Null(), ...errorReplies() },
        },
      },
      async (req, reply) => {
        await deps.access.setDisabled(principalOf(req), req.params.id, disabled);
        return reply.code(204).send();
      },
    );
  }
}

function resetPasswordRoute(app: RouteApp, deps: Deps): void {
  app.post(
    "/users/:id/reset-password",
    {
      config: manage,
      schema: {
        tags: ["users"],
        summary: "force a password reset: a new one-time password (shown once), every token revoked",
        params: IdParams,
        response: { 200: Type.Object({ oneTimePassword: Type.String() }), ...errorReplies() },
      },
    },
    async (req) => deps.access.resetPassword(principalOf(req), req.params.id),
  );
}

function loginActivityRoute(app: RouteApp, deps: Deps): void {
  app.get(
    "/users/login-activity",
    {
      config: manage,
      schema: {
        tags: ["users"],
        summary: "failed logins and spraying addresses of the last day, of every agency",
        response: { 200: LoginActivity, ...errorReplies() },
      },
    },
    async (req) => deps.access.loginActivity(principalOf(req)),
  );
}

export const userRoutes =
  (deps: Deps): RoutePlugin =>
  async (app) => {
    listUsersRoute(app, deps);
    createUserRoute(app, deps);
    disableEnableRoutes(app, deps);
    resetPasswordRoute(app, deps);
    loginActivityRoute(app, deps);
  };
