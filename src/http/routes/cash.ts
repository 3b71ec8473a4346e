// Cash at the post: declarations, what a control found, the proposal to retain it (decided by a second
// person under /approvals), and the sums by crossing point and currency for the overview.
import { Type } from "@sinclair/typebox";
import { CASH_KINDS, type CashService } from "../../cash/index.js";
import { OVERVIEW_PERMISSIONS } from "../../stats/index.js";
import { principalOf } from "../gate.js";
import { errorReplies, IdParams, oneOf, purpose } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";
import { Direction, ProposalBody, ProposalReply, Text } from "./goods-schemas.js";

const Party = Type.Object(
  {
    name: Text(200),
    birthDate: Type.Optional(Type.String({ pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" })),
    nationality: Type.Optional(Text(60)),
    documentNumber: Type.Optional(Text(40)),
    address: Type.Optional(Text(300)),
  },
  { additionalProperties: false },
);

const Item = Type.Object(
  {
    kind: oneOf(CASH_KINDS),
    currency: Type.String({ pattern: "^[A-Za-z]{3}$", description: "ISO 4217" }),
    amount: Type.Number({ exclusiveMinimum: 0, maximum: 1e12 }),
  },
  { additionalProperties: false },
);

const CashBody = {
  direction: Direction,
  carrier: Party,
  owner: Type.Optional(Party),
  items: Type.Array(Item, { minItems: 1, maxItems: 50 }),
  origin: Type.Optional(Text(500)),
  intendedUse: Type.Optional(Text(500)),
  crossingPointId: Type.Optional(Text(64)),
  purpose,
};
const DeclarationBody = Type.Object(CashBody, { additionalProperties: false });
const DetectionBody = Type.Object(
  { ...CashBody, declarationId: Type.Optional(Text(64)), note: Type.Optional(Text(2000)) },
  { additionalProperties: false },
);

const PricedItem = Type.Object({
  kind: Type.String(),
  currency: Type.String(),
  amount: Type.Number(),
  eurCents: Type.Integer(),
  rate: Type.Object({ perEur: Type.Number(), date: Type.String() }),
});
const Priced = {
  id: Type.String(),
  totalEurCents: Type.Integer(),
  thresholdEur: Type.Number(),
  reachesThreshold: Type.Boolean(),
  items: Type.Array(PricedItem),
};
const DeclarationReply = Type.Object({ ...Priced, warnings: Type.Array(Type.String()) });
const DetectionReply = Type.Object({
  ...Priced,
  finding: oneOf(["undeclared", "incomplete", "below_threshold", "as_declared"]),
  declaredEurCents: Type.Union([Type.Integer(), Type.Null()]),
});

const RetentionBody = Type.Object(
  { ...ProposalBody.properties, measure: oneOf(["retention", "seizure"]) },
  { additionalProperties: false },
);

const StatsQuery = Type.Object(
  {
    days: Type.Optional(Type.String({ pattern: "^[0-9]{1,3}$", description: "days up to now (default 30)" })),
  },
  { additionalProperties: false },
);
const StatsReply = Type.Object({
  from: Type.String(),
  thresholdEur: Type.Number(),
  rows: Type.Array(
    Type.Object({
      crossingPointId: Type.Union([Type.String(), Type.Null()]),
      currency: Type.String(),
      kind: Type.String(),
      records: Type.Integer(),
      amount: Type.Number(),
      eurCents: Type.Integer(),
    }),
  ),
});

export const cashRoutes =
  (deps: { cash: CashService }): RoutePlugin =>
  async (app) => {
    const tags = ["cash"];
    app.post(
      "/cash/declarations",
      {
        config: { permission: "screen" },
        schema: {
          tags,
          summary: "record a cash declaration (EU 2018/1672), priced in euros from the rate table",
          body: DeclarationBody,
          response: { 201: DeclarationReply, ...errorReplies() },
        },
      },
      async (req, reply) => reply.code(201).send(await deps.cash.declare(principalOf(req), req.body)),
    );
    app.post(
      "/cash/detections",
      {
        config: { permission: "screen" },
        schema: {
          tags,
          summary: "record cash found at a control; undeclared or under-declared cash opens an alert",
          body: DetectionBody,
          response: { 201: DetectionReply, ...errorReplies() },
        },
      },
      async (req, reply) => reply.code(201).send(await deps.cash.detect(principalOf(req), req.body)),
    );
    app.post(
      "/cash/records/:id/retention",
      {
        config: { permission: "screen" },
        schema: {
          tags,
          summary: "propose retaining or seizing undeclared cash: a second person decides under /approvals",
          params: IdParams,
          body: RetentionBody,
          response: { 201: ProposalReply, ...errorReplies(409) },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await deps.cash.proposeRetention(principalOf(req), req.params.id, req.body)),
    );
    app.get(
      "/cash/statistics",
      {
        config: { permission: OVERVIEW_PERMISSIONS },
        schema: {
          tags,
          summary: "declared and detected sums by crossing point, currency and kind of record",
          querystring: StatsQuery,
          response: { 200: StatsReply, ...errorReplies() },
        },
      },
      async (req) =>
        deps.cash.statistics(principalOf(req), req.query.days ? Number(req.query.days) : undefined),
    );
  };
