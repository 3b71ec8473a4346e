// The hand-over of an alert to another agency of this deployment, under /api/v1: a second-line officer
// shares it with a reason (read-only or for action); the other agency reads it in its hand-over queue.
import { Type } from "@sinclair/typebox";
import type { AppDeps } from "../deps.js";
import { principalOf } from "../gate.js";
import { errorReplies, IdParams, oneOf, PurposeQuery } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";

const HandOverSchema = Type.Object({
  id: Type.String(),
  alertId: Type.String(),
  fromAgency: Type.String(),
  toAgency: Type.String(),
  mode: oneOf(["read", "action"]),
  reason: Type.String(),
  alert: Type.Object({
    reference: Type.String(),
    priority: Type.String(),
    status: Type.String(),
    reasons: Type.Unknown(),
    traveller: Type.Unknown(),
  }),
  createdBy: Type.String(),
  createdAt: Type.String(),
});

export const handOverRoutes =
  (deps: Pick<AppDeps, "partners">): RoutePlugin =>
  async (app) => {
    app.post(
      "/alerts/:id/hand-overs",
      {
        config: { permission: "alerts:review" },
        schema: {
          tags: ["alerts"],
          summary: "hand an alert over to another agency of this deployment, read-only or for action",
          params: IdParams,
          body: Type.Object(
            {
              agency: Type.String({ minLength: 1, maxLength: 64 }),
              mode: oneOf(["read", "action"]),
              reason: Type.String({ minLength: 3, maxLength: 500 }),
            },
            { additionalProperties: false },
          ),
          response: { 201: HandOverSchema, ...errorReplies() },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await deps.partners.handOver(principalOf(req), req.params.id, req.body)),
    );

    app.get(
      "/hand-overs",
      {
        config: { permission: "alerts:review" },
        schema: {
          tags: ["alerts"],
          summary: "alerts other agencies handed over to the caller's agency (audited read)",
          querystring: PurposeQuery,
          response: { 200: Type.Object({ handOvers: Type.Array(HandOverSchema) }), ...errorReplies() },
        },
      },
      async (req) => ({ handOvers: await deps.partners.handOvers(principalOf(req), req.query.purpose) }),
    );
  };
