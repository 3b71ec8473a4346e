// Traveller data: a crossing at the booth (raw MRZ or manual entry) and passenger/crew manifests
// (PAXLST or FAL as received), each screened against the watchlists and the stolen/lost documents.
import { Type } from "@sinclair/typebox";
import type { AppDeps } from "../deps.js";
import { errorBody } from "../errors.js";
import { principalOf } from "../gate.js";
import { CrossingReply, ManifestRead, ManifestReply } from "../replies/screening.js";
import { errorReplies, IdParams, oneOf, PurposeQuery, purpose } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";

/** A manifest of a large ship (several thousand persons) is well under this. */
const MANIFEST_LIMIT = 8 * 1024 * 1024;

const CrossingBody = Type.Object(
  {
    mrz: Type.Optional(
      Type.String({
        minLength: 40,
        maxLength: 200,
        description: "the MRZ lines as read, any whitespace between lines",
      }),
    ),
    entry: Type.Optional(
      // The manual entry has its own validator (src/travel), which names each wrong field.
      Type.Unknown({
        description: "manual entry: { person, document?, vehiclePlate?, direction, crossingPointId }",
      }),
    ),
    direction: Type.Optional(oneOf(["entry", "exit"])),
    crossingPointId: Type.Optional(Type.String({ maxLength: 64 })),
    purpose,
  },
  { additionalProperties: false },
);

const ManifestQuery = Type.Object(
  {
    purpose,
    crossingPointId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: "id or code; default: the officer's post" }),
    ),
  },
  { additionalProperties: false },
);

export const crossingRoutes =
  (deps: Pick<AppDeps, "crossings">): RoutePlugin =>
  async (app) => {
    app.addContentTypeParser(
      ["text/plain", "application/edifact", "text/csv", "application/octet-stream"],
      { parseAs: "buffer", bodyLimit: MANIFEST_LIMIT },
      (_req, body, done) => done(null, body),
    );

    app.post(
      "/crossings",
      {
        config: { permission: "screen" },
        schema: {
          tags: ["traveller data"],
          summary: "record a crossing from a raw MRZ or a manual entry, screened",
          body: CrossingBody,
          response: { 201: CrossingReply, ...errorReplies(413) },
        },
      },
      async (req, reply) => {
        const { purpose, mrz, entry, direction, crossingPointId } = req.body;
        const crossing = await deps.crossings.recordCrossing(principalOf(req), {
          purpose,
          ...(mrz ? { mrz } : {}),
          ...(entry !== undefined ? { entry } : {}),
          ...(direction ? { direction } : {}),
          ...(crossingPointId ? { crossingPointId } : {}),
        });
        return reply.code(201).send(crossing);
      },
    );

    app.post(
      "/manifests",
      {
        config: { permission: "screen" },
        schema: {
          tags: ["traveller data"],
          summary: "screen a PAXLST message or a FAL 5/6 form (the body, as received); refers first",
          querystring: ManifestQuery,
          response: { 201: ManifestReply, ...errorReplies(413) },
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
          return reply
            .code(400)
            .send(
              errorBody("bad_request", "the manifest file is the request body (Content-Type: text/plain)"),
            );
        }
        const { purpose, crossingPointId } = req.query;
        const manifest = await deps.crossings.screenManifest(
          principalOf(req),
          req.body,
          purpose,
          crossingPointId,
        );
        return reply.code(201).send(manifest);
      },
    );

    app.get(
      "/manifests/:id",
      {
        config: { permission: ["screen", "screening:read"] },
        schema: {
          tags: ["traveller data"],
          summary: "one screened manifest of the caller's agency (audited)",
          params: IdParams,
          querystring: PurposeQuery,
          response: { 200: ManifestRead, ...errorReplies() },
        },
      },
      async (req) => deps.crossings.getManifest(principalOf(req), req.params.id, req.query.purpose),
    );
  };
