// Users, managed by an admin. Passwords are never returned; roles are checked against the role table.
import { Type } from "@sinclair/typebox";
import { ROLES } from "../../access/index.js";
import type { AppDeps } from "../app.js";
import { principalOf } from "../gate.js";
import { errorReplies, oneOf } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";

const NewUserBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 64 }),
    password: Type.String({ minLength: 12, maxLength: 256 }),
    roles: Type.Array(oneOf(ROLES), { minItems: 1, maxItems: ROLES.length, uniqueItems: true }),
    agency: Type.String({ minLength: 1, maxLength: 100 }),
    crossingPointId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const userRoutes =
  (deps: Pick<AppDeps, "access">): RoutePlugin =>
  async (app) => {
    app.get(
      "/users",
      {
        config: { permission: "users:manage" },
        schema: { tags: ["users"], summary: "every user of the admin's agency", response: errorReplies() },
      },
      async (req) => ({ users: await deps.access.listUsers(principalOf(req)) }),
    );

    app.post(
      "/users",
      {
        config: { permission: "users:manage" },
        schema: { tags: ["users"], summary: "create a user", body: NewUserBody, response: errorReplies(409) },
      },
      async (req, reply) => {
        const { id } = await deps.access.createUser(principalOf(req), req.body);
        const { username, roles, agency } = req.body;
        return reply.code(201).send({ id, username, roles, agency });
      },
    );
  };
