// Firearm checks at the post, and the proposal to seize one (decided by a second person under /approvals).
import { Type } from "@sinclair/typebox";
import type { FirearmService } from "../../firearms/index.js";
import { principalOf } from "../gate.js";
import { errorReplies, IdParams, oneOf, purpose } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";
import { Decision, ProposalBody, ProposalReply, SubjectHitReply, Text } from "./goods-schemas.js";

const Markings = Type.Object(
  {
    countryOfManufacture: Type.Optional(Text(60)),
    yearOfManufacture: Type.Optional(Type.String({ pattern: "^[0-9]{4}$" })),
    importMarking: Type.Optional(Text(200)),
    proofMarks: Type.Optional(Text(200)),
    otherMarkings: Type.Optional(Text(500)),
    serialCondition: Type.Optional(oneOf(["intact", "partly_obliterated", "obliterated"])),
  },
  { additionalProperties: false, description: "the marking details a tracing request needs" },
);

const FirearmCheckBody = Type.Object(
  {
    serial: Type.String({
      minLength: 1,
      maxLength: 40,
      description: "as stamped; ? or * for each unreadable character",
    }),
    make: Type.Optional(Text(100)),
    model: Type.Optional(Text(100)),
    calibre: Type.Optional(Text(40)),
    type: Type.Optional(Text(60)),
    markings: Type.Optional(Markings),
    crossingPointId: Type.Optional(Text(64)),
    purpose,
  },
  { additionalProperties: false },
);

const FirearmCheckReply = Type.Object({
  id: Type.String(),
  decision: Decision,
  reference: Type.String(),
  alertId: Type.Optional(Type.String()),
  priority: Type.Optional(Type.String()),
  hits: Type.Optional(Type.Array(SubjectHitReply)),
});

export const firearmRoutes =
  (deps: { firearms: FirearmService }): RoutePlugin =>
  async (app) => {
    const tags = ["firearms"];
    app.post(
      "/firearm-checks",
      {
        config: { permission: "screen" },
        schema: {
          tags,
          summary: "check a firearm's serial and make against the lost, stolen or trafficked firearms list",
          body: FirearmCheckBody,
          response: { 201: FirearmCheckReply, ...errorReplies() },
        },
      },
      async (req, reply) => reply.code(201).send(await deps.firearms.check(principalOf(req), req.body)),
    );
    app.post(
      "/firearm-checks/:id/seizure",
      {
        config: { permission: "screen" },
        schema: {
          tags,
          summary: "propose seizing the checked firearm: a second person decides under /approvals",
          params: IdParams,
          body: ProposalBody,
          response: { 201: ProposalReply, ...errorReplies(409) },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await deps.firearms.proposeSeizure(principalOf(req), req.params.id, req.body)),
    );
  };
