// Follow-ups for this node's users, under /api/v1: a second-line officer asks a partner for data after a
// hit (with a reason and a legal basis), and an officer here decides the follow-ups partners sent (the
// partner requests queue).
import { Type } from "@sinclair/typebox";
import { CATEGORIES } from "../../partners/index.js";
import type { AppDeps } from "../deps.js";
import { principalOf } from "../gate.js";
import { errorReplies, IdParams, oneOf } from "../schemas.js";
import type { RouteApp, RoutePlugin } from "../type-provider.js";

const reason = Type.String({ minLength: 3, maxLength: 500, description: "why, written to the audit log" });
const categories = Type.Array(Type.String({ minLength: 1, maxLength: 32 }), {
  maxItems: 10,
  description: `data categories: ${CATEGORIES.join(", ")}; protection data never crosses`,
});

export const FollowUpSchema = Type.Object({
  id: Type.String(),
  partnerNodeId: Type.String(),
  queryRequestId: Type.String(),
  reason: Type.String(),
  legalBasis: Type.String(),
  categories: Type.Array(Type.String()),
  status: Type.String(),
  decidedBy: Type.Union([Type.String(), Type.Null()]),
  decisionReason: Type.Union([Type.String(), Type.Null()]),
  returnedCategories: Type.Array(Type.String()),
  data: Type.Union([Type.Array(Type.Record(Type.String(), Type.Unknown())), Type.Null()]),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

const Decided = Type.Object({
  id: Type.String(),
  status: Type.String(),
  categories: Type.Array(Type.String()),
  delivered: Type.Boolean({ description: "whether the partner received the decision" }),
});

const tags = ["partners"];

type Deps = Pick<AppDeps, "partners">;

function askFollowUpRoute(app: RouteApp, deps: Deps): void {
  const partners = deps.partners;
  app.post(
    "/partner-checks/:id/follow-ups",
    {
      config: { permission: "partners:query" },
      schema: {
        tags,
        summary: "after a hit, ask the partner for data under a legal basis; it waits for an officer there",
        params: IdParams,
        body: Type.Object(
          { categories, reason, legalBasis: Type.String({ minLength: 3, maxLength: 300 }) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.String(), status: Type.String() }), ...errorReplies(409) },
      },
    },
    async (req, reply) => {
      const row = await partners.requestFollowUp(principalOf(req), { checkId: req.params.id, ...req.body });
      return reply.code(201).send({ id: row.id, status: row.status });
    },
  );
}

function followUpsRoute(app: RouteApp, deps: Deps): void {
  const partners = deps.partners;
  app.get(
    "/partner-checks/:id/follow-ups",
    {
      config: { permission: "partners:query" },
      schema: {
        tags,
        summary: "the follow-ups of a partner check, with the data received until it expires",
        params: IdParams,
        response: { 200: Type.Object({ followUps: Type.Array(FollowUpSchema) }), ...errorReplies() },
      },
    },
    async (req) => ({ followUps: await partners.followUpsOf(principalOf(req), req.params.id) }),
  );
}

function partnerRequestsRoute(app: RouteApp, deps: Deps): void {
  const partners = deps.partners;
  app.get(
    "/partner-requests",
    {
      config: { permission: "partners:respond" },
      schema: {
        tags,
        summary: "the partner requests queue: follow-ups partners sent to this node",
        querystring: Type.Object(
          { status: Type.Optional(oneOf(["pending", "approved", "refused"])) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ requests: Type.Array(FollowUpSchema) }), ...errorReplies() },
      },
    },
    async (req) => ({ requests: await partners.requests(principalOf(req), req.query.status) }),
  );
}

function approveRequestRoute(app: RouteApp, deps: Deps): void {
  const partners = deps.partners;
  app.post(
    "/partner-requests/:id/approve",
    {
      config: { permission: "partners:respond" },
      schema: {
        tags,
        summary:
          "approve a partner's follow-up, returning all or some of the categories the agreement allows",
        params: IdParams,
        body: Type.Object({ categories: Type.Optional(categories), reason }, { additionalProperties: false }),
        response: { 200: Decided, ...errorReplies(409) },
      },
    },
    async (req) =>
      partners.decideFollowUp(principalOf(req), req.params.id, {
        decision: "approve",
        reason: req.body.reason,
        ...(req.body.categories ? { categories: req.body.categories } : {}),
      }),
  );
}

function refuseRequestRoute(app: RouteApp, deps: Deps): void {
  const partners = deps.partners;
  app.post(
    "/partner-requests/:id/refuse",
    {
      config: { permission: "partners:respond" },
      schema: {
        tags,
        summary: "refuse a partner's follow-up with a reason (sent to the partner)",
        params: IdParams,
        body: Type.Object({ reason }, { additionalProperties: false }),
        response: { 200: Decided, ...errorReplies(409) },
      },
    },
    async (req) =>
      partners.decideFollowUp(principalOf(req), req.params.id, {
        decision: "refuse",
        reason: req.body.reason,
      }),
  );
}

export const partnerFollowUpRoutes =
  (deps: Deps): RoutePlugin =>
  async (app) => {
    askFollowUpRoute(app, deps);
    followUpsRoute(app, deps);
    partnerRequestsRoute(app, deps);
    approveRequestRoute(app, deps);
    refuseRequestRoute(app, deps);
  };
