// Border crossing points (land, air, sea) of the caller's agency.
import { Type } from "@sinclair/typebox";
import type { AppDeps } from "../deps.js";
import { principalOf } from "../gate.js";
import { component } from "../replies/component.js";
import { errorReplies, oneOf } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";

const NewCrossingPoint = Type.Object(
  {
    code: Type.String({ pattern: "^[A-Z0-9-]{2,20}$" }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    kind: oneOf(["land", "air", "sea"]),
    country: Type.String({
      minLength: 2,
      maxLength: 60,
      description: "ISO 3166 alpha-2 code or country name",
    }),
  },
  { additionalProperties: false },
);

const CrossingPoint = component(
  "CrossingPoint",
  Type.Object({
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    kind: oneOf(["land", "air", "sea"]),
    country: Type.String(),
    agency: Type.String(),
    borderSection: Type.Union([Type.String(), Type.Null()]),
  }),
);

const BorderSection = Type.Object(
  {
    borderSection: Type.Union([Type.String({ maxLength: 80 }), Type.Null()], {
      description:
        "e.g. 'MK-RS land border' or 'Adriatic sea area'; null takes the point out of every section",
    }),
    reason: Type.String({ minLength: 3, maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const crossingPointRoutes =
  (deps: Pick<AppDeps, "crossingPoints">): RoutePlugin =>
  async (app) => {
    app.get(
      "/crossing-points",
      {
        config: { permission: "crossing_points:read" },
        schema: {
          tags: ["crossing points"],
          summary: "the agency's crossing points",
          response: { 200: Type.Object({ crossingPoints: Type.Array(CrossingPoint) }), ...errorReplies() },
        },
      },
      async (req) => ({ crossingPoints: await deps.crossingPoints.list(principalOf(req)) }),
    );

    app.post(
      "/crossing-points",
      {
        config: { permission: "crossing_points:manage" },
        schema: {
          tags: ["crossing points"],
          summary: "add a crossing point to the agency",
          body: NewCrossingPoint,
          response: { 201: CrossingPoint, ...errorReplies(409) },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await deps.crossingPoints.create(principalOf(req), req.body)),
    );

    app.put(
      "/crossing-points/:id/border-section",
      {
        config: { permission: "crossing_points:manage" },
        schema: {
          tags: ["crossing points"],
          summary: "place a crossing point in a border section (regional bundles), audited",
          params: Type.Object({ id: Type.String() }),
          body: BorderSection,
          response: {
            200: Type.Object({ id: Type.String(), borderSection: Type.Union([Type.String(), Type.Null()]) }),
            ...errorReplies(),
          },
        },
      },
      async (req) =>
        deps.crossingPoints.setBorderSection(
          principalOf(req),
          req.params.id,
          req.body.borderSection,
          req.body.reason,
        ),
    );
  };
