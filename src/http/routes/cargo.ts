// Cargo manifests (issue 17): a CUSCAR message, or the CSV or JSON form, screened consignment by
// consignment; referred consignments open alerts for a person to review.
import { Type } from "@sinclair/typebox";
import type { CargoService } from "../../cargo/index.js";
import { InvalidError } from "../../shared/errors.js";
import { principalOf } from "../gate.js";
import { errorReplies, IdParams, oneOf, PurposeQuery, purpose } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";
import { SubjectHitReply } from "./goods-schemas.js";

/** 2,000 consignments of CUSCAR are about 1 MiB; a large container ship's manifest fits well under this. */
const CARGO_LIMIT = 16 * 1024 * 1024;

const CargoQuery = Type.Object(
  {
    purpose,
    crossingPointId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: "id or code; default: the officer's post" }),
    ),
  },
  { additionalProperties: false },
);

const Decision = oneOf(["refer", "clear"]);

const Party = Type.Object({
  role: oneOf(["consignor", "consignee", "notify", "carrier"]),
  name: Type.String(),
  country: Type.Optional(Type.String()),
});

/** A container number with its ISO 6346 verdict: owner, category and serial, or what is wrong. */
const ContainerCheck = Type.Union([
  Type.Object({
    valid: Type.Literal(true),
    number: Type.String(),
    owner: Type.String(),
    category: Type.String(),
    serial: Type.String(),
  }),
  Type.Object({ valid: Type.Literal(false), number: Type.String(), reason: Type.String() }),
]);

const ConsignmentDetails = Type.Object(
  {
    source: Type.String({ description: "where the consignment starts in the file (`segment 12`, `line 7`)" }),
    parties: Type.Array(Party),
    partyHits: Type.Array(
      Type.Object({
        party: Party,
        entityId: Type.String(),
        list: Type.String(),
        listedName: Type.String(),
        score: Type.Number(),
      }),
    ),
    containers: Type.Array(ContainerCheck),
    goods: Type.Array(
      Type.Object({
        hsCode: Type.Optional(Type.String()),
        description: Type.String(),
        hs: oneOf(["exact", "partial", "none"]),
        hsDescription: Type.Optional(Type.String()),
      }),
    ),
    facts: Type.Record(Type.String(), Type.Unknown(), { description: "the goods rule facts" }),
    hits: Type.Array(SubjectHitReply),
  },
  {
    description: "parties, party hits, containers, goods, facts and hits (roles that read screening details)",
  },
);

const ConsignmentReply = Type.Object({
  index: Type.Integer(),
  reference: Type.String(),
  decision: Decision,
  flags: Type.Array(Type.String(), { description: "the goods rules that fired" }),
  alertId: Type.Optional(Type.String()),
  details: Type.Optional(ConsignmentDetails),
});

const CraftHit = Type.Object({
  entityId: Type.String(),
  list: Type.String(),
  listedName: Type.String(),
  basis: oneOf(["imo", "mmsi", "call_sign", "registration", "serial", "name"]),
  strength: oneOf(["conclusive", "strong", "weak"]),
  score: Type.Number(),
  declared: Type.String(),
  listed: Type.String(),
  dataIssue: Type.Optional(Type.String()),
  programmes: Type.Array(Type.String()),
});

export const CargoManifestReply = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  format: oneOf(["cuscar", "csv", "json"]),
  reference: Type.Optional(Type.String()),
  counts: Type.Object({ consignments: Type.Integer(), refer: Type.Integer() }),
  vessel: Type.Optional(
    Type.Object({
      declared: Type.Record(Type.String(), Type.String()),
      decision: Decision,
      problems: Type.Array(Type.String()),
      hits: Type.Optional(Type.Array(CraftHit)),
      alertId: Type.Optional(Type.String()),
    }),
  ),
  warnings: Type.Array(Type.String()),
  consignments: Type.Array(ConsignmentReply, { description: "referred first, then in manifest order" }),
});

export const cargoRoutes =
  (deps: { cargo: CargoService }): RoutePlugin =>
  async (app) => {
    app.addContentTypeParser(
      ["text/plain", "application/edifact", "text/csv", "application/octet-stream"],
      { parseAs: "buffer", bodyLimit: CARGO_LIMIT },
      (_req, body, done) => done(null, body),
    );

    app.post(
      "/cargo/manifests",
      {
        config: { permission: "screen" },
        schema: {
          tags: ["goods"],
          summary: "screen a cargo manifest: CUSCAR (D.95B/D.99B), or the CSV or JSON form, as the body",
          querystring: CargoQuery,
          response: { 201: CargoManifestReply, ...errorReplies(413) },
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
          throw new InvalidError("the manifest file is the request body (Content-Type: text/plain)");
        }
        const { purpose, crossingPointId } = req.query;
        const view = await deps.cargo.recordManifest(principalOf(req), req.body, purpose, crossingPointId);
        return reply.code(201).send(view);
      },
    );

    app.get(
      "/cargo/manifests/:id",
      {
        config: { permission: ["screen", "screening:read"] },
        schema: {
          tags: ["goods"],
          summary: "one screened cargo manifest of the caller's agency (audited)",
          params: IdParams,
          querystring: PurposeQuery,
          response: { 200: CargoManifestReply, ...errorReplies() },
        },
      },
      async (req) => deps.cargo.getManifest(principalOf(req), req.params.id, req.query.purpose),
    );
  };
