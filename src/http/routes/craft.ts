// Aircraft and ships beside the cargo (issue 17): an aircraft check by registration mark, manufacturer
// serial number and operator, and a ship's FAL Form 1 (general declaration) whose vessel is screened.
// A listed craft opens an alert for a person to review; the booth sees refer or clear.
import { Type } from "@sinclair/typebox";
import type { CargoService } from "../../cargo/index.js";
import { principalOf } from "../gate.js";
import { errorReplies, oneOf, purpose } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";
import { bodyText } from "./goods-lists.js";
import { Decision, SubjectHitReply, Text } from "./goods-schemas.js";

/** A FAL Form 1 is a page of boxes; even with a long voyage it is a few KiB. */
const FAL1_LIMIT = 256 * 1024;

const AircraftCheckBody = Type.Object(
  {
    registration: Type.Optional(Text(20)),
    serial: Type.Optional(Text(20)),
    operator: Type.Optional(Text(200)),
    crossingPointId: Type.Optional(Text(64)),
    purpose,
  },
  {
    additionalProperties: false,
    description:
      "the registration (tail) mark, the manufacturer serial number (MSN), the operator, or several",
  },
);

const CraftCheckFields = {
  id: Type.String(),
  reference: Type.String(),
  decision: Decision,
  alertId: Type.Optional(Type.String()),
  priority: Type.Optional(Type.String()),
  hits: Type.Optional(Type.Array(SubjectHitReply, { description: "roles that read screening details" })),
};

const CraftCheckReply = Type.Object(CraftCheckFields);

const Fal1Query = Type.Object(
  {
    purpose,
    crossingPointId: Type.Optional(Text(64)),
  },
  { additionalProperties: false },
);

const Fal1Reply = Type.Object({
  ...CraftCheckFields,
  direction: oneOf(["arrival", "departure"]),
  port: Type.String(),
  vessel: Type.Object({
    name: Type.String(),
    type: Type.Optional(Type.String()),
    imo: Type.Optional(Type.String()),
    mmsi: Type.Optional(Type.String()),
    callSign: Type.Optional(Type.String()),
    flag: Type.Optional(Type.String()),
  }),
  warnings: Type.Array(Type.String(), { description: "unknown fields, each with its line" }),
});

export const craftRoutes =
  (deps: { cargo: CargoService }): RoutePlugin =>
  async (app) => {
    app.addContentTypeParser(
      ["text/csv", "text/plain", "application/octet-stream"],
      { parseAs: "buffer", bodyLimit: FAL1_LIMIT },
      (_req, body, done) => done(null, body),
    );
    app.post(
      "/aircraft-checks",
      {
        config: { permission: "screen" },
        schema: {
          tags: ["goods"],
          summary: "check an aircraft against the OFAC aircraft, FtM Airplane and listed operators",
          body: AircraftCheckBody,
          response: { 201: CraftCheckReply, ...errorReplies() },
        },
      },
      async (req, reply) => reply.code(201).send(await deps.cargo.checkAircraft(principalOf(req), req.body)),
    );
    app.post(
      "/vessels/fal1",
      {
        config: { permission: "screen" },
        schema: {
          tags: ["goods"],
          summary: "record a ship's FAL Form 1 (CSV `field,value`) and screen its vessel",
          description:
            "The body is the form as CSV (Content-Type: text/csv), one box a row, as documented in the " +
            "README. A malformed form is a 422 naming every faulty line, and nothing is recorded.",
          querystring: Fal1Query,
          response: { 201: Fal1Reply, ...errorReplies(413) },
        },
      },
      async (req, reply) => {
        const { purpose, crossingPointId } = req.query;
        const csv = bodyText(req.body, "FAL Form 1");
        return reply
          .code(201)
          .send(await deps.cargo.recordFal1(principalOf(req), csv, purpose, crossingPointId));
      },
    );
  };
