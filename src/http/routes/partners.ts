// The partner exchange for this node's own users, under /api/v1: agreements (an admin proposes, a
// second admin approves through /approvals), each list's sharing (a watchlist manager), and the partner
// checks a second-line officer sends from an alert.
import { Type } from "@sinclair/typebox";
import { CATEGORIES, PURPOSES, QUERY_KINDS, SHARING } from "../../partners/index.js";
import type { AppDeps } from "../deps.js";
import { principalOf } from "../gate.js";
import { errorReplies, IdParams, oneOf } from "../schemas.js";
import type { RouteApp, RoutePlugin } from "../type-provider.js";

const reason = Type.String({ minLength: 3, maxLength: 500, description: "why, written to the audit log" });

const Terms = {
  purposes: Type.Array(oneOf(PURPOSES), { minItems: 1, maxItems: PURPOSES.length }),
  queryKinds: Type.Array(oneOf(QUERY_KINDS), { minItems: 1, maxItems: QUERY_KINDS.length }),
  lists: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 50 }),
  categories: Type.Array(Type.String({ minLength: 1, maxLength: 32 }), {
    maxItems: 10,
    description: `what a follow-up may return: ${CATEGORIES.join(", ")}; protection data never crosses`,
  }),
  retentionDays: Type.Integer({ minimum: 1, maximum: 3650 }),
  ratePerMinute: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  contact: Type.String({
    minLength: 3,
    maxLength: 200,
    description: "a desk the partner contacts about a hit",
  }),
  autoDocumentCheck: Type.Optional(
    oneOf(PURPOSES, {
      description:
        "ask this partner automatically, under this purpose, about the travel document of every crossing here",
    }),
  ),
  regionalBundle: Type.Optional(
    Type.Boolean({ description: "send this partner the node's signed regional bundle each month" }),
  ),
};

export const AgreementSchema = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  status: Type.String(),
  partnerNodeId: Type.String(),
  partnerKey: Type.String(),
  partnerKeyId: Type.String(),
  partnerUrl: Type.String(),
  validFrom: Type.String(),
  validTo: Type.String(),
  ...Terms,
  categories: Type.Array(Type.String()),
  approvalId: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.String(),
  createdAt: Type.String(),
});

const AgreementBody = Type.Object(
  {
    id: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: "a new version of this agreement" }),
    ),
    partnerNodeId: Type.String({ minLength: 2, maxLength: 40 }),
    partnerKey: Type.String({
      minLength: 40,
      maxLength: 2000,
      description: "the partner's Ed25519 public key, SPKI PEM",
    }),
    partnerUrl: Type.String({ minLength: 8, maxLength: 300 }),
    validFrom: Type.String({ minLength: 10, maxLength: 40 }),
    validTo: Type.String({ minLength: 10, maxLength: 40 }),
    ...Terms,
    reason,
  },
  { additionalProperties: false },
);

export const CheckSchema = Type.Object({
  requestId: Type.String(),
  partnerNodeId: Type.String(),
  purpose: Type.String(),
  kind: Type.String(),
  answer: Type.Union([Type.Literal("hit"), Type.Literal("no_hit")]),
  reference: Type.String(),
  contact: Type.Union([Type.String(), Type.Null()]),
  askedAt: Type.String(),
});

const tags = ["partners"];

type Deps = Pick<AppDeps, "partners">;

function listAgreementsRoute(app: RouteApp, deps: Deps): void {
  const partners = deps.partners;
  app.get(
    "/partners/agreements",
    {
      config: { permission: ["partners:manage", "partners:query"] },
      schema: {
        tags,
        summary: "every version of every partner agreement",
        response: { 200: Type.Object({ agreements: Type.Array(AgreementSchema) }), ...errorReplies() },
      },
    },
    async (req) => ({ agreements: await partners.agreements(principalOf(req)) }),
  );
}

function proposeAgreementRoute(app: RouteApp, deps: Deps): void {
  const partners = deps.partners;
  app.post(
    "/partners/agreements",
    {
      config: { permission: "partners:manage" },
      schema: {
        tags,
        summary: "propose an agreement (or a new version): in force once a second admin approves it",
        body: AgreementBody,
        response: {
          201: Type.Object({ agreement: AgreementSchema, approvalId: Type.String() }),
          ...errorReplies(),
        },
      },
    },
    async (req, reply) => reply.code(201).send(await partners.propose(principalOf(req), req.body)),
  );
}

function suspendAgreementRoute(app: RouteApp, deps: Deps): void {
  const partners = deps.partners;
  app.post(
    "/partners/agreements/:id/suspend",
    {
      config: { permission: "partners:manage" },
      schema: {
        tags,
        summary: "suspend an agreement: it refuses every request at once",
        params: IdParams,
        body: Type.Object({ reason }, { additionalProperties: false }),
        response: { 200: AgreementSchema, ...errorReplies() },
      },
    },
    async (req) => partners.suspend(principalOf(req), req.params.id, req.body.reason),
  );
}

function sharingRoute(app: RouteApp, deps: Deps): void {
  const partners = deps.partners;
  app.get(
    "/partners/sharing",
    {
      config: { permission: ["watchlists:read", "partners:manage"] },
      schema: {
        tags,
        summary: "each list's sharing: national-only (the default) or partners",
        response: {
          200: Type.Object({
            lists: Type.Array(Type.Object({ list: Type.String(), sharing: oneOf(SHARING) })),
          }),
          ...errorReplies(),
        },
      },
    },
    async () => ({ lists: await partners.sharing() }),
  );
}

function setSharingRoute(app: RouteApp, deps: Deps): void {
  const partners = deps.partners;
  app.put(
    "/watchlists/:id/sharing",
    {
      config: { permission: "watchlists:manage" },
      schema: {
        tags,
        summary: "set whether a list may answer partners (audited)",
        params: IdParams,
        body: Type.Object({ sharing: oneOf(SHARING), reason }, { additionalProperties: false }),
        response: { 200: Type.Object({ list: Type.String(), sharing: oneOf(SHARING) }), ...errorReplies() },
      },
    },
    async (req) => partners.setSharing(principalOf(req), req.params.id, req.body.sharing, req.body.reason),
  );
}

function askPartnerRoute(app: RouteApp, deps: Deps): void {
  const partners = deps.partners;
  app.post(
    "/alerts/:id/partner-checks",
    {
      config: { permission: "partners:query" },
      schema: {
        tags,
        summary: "ask a partner node whether it knows this alert's traveller or document (hit/no-hit)",
        params: IdParams,
        body: Type.Object(
          {
            partnerNodeId: Type.String({ minLength: 2, maxLength: 40 }),
            purpose: oneOf(PURPOSES),
            kind: oneOf(QUERY_KINDS),
          },
          { additionalProperties: false },
        ),
        response: { 201: CheckSchema, ...errorReplies(409) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await partners.ask(principalOf(req), { alertId: req.params.id, ...req.body })),
  );
}

function partnerChecksRoute(app: RouteApp, deps: Deps): void {
  const partners = deps.partners;
  app.get(
    "/alerts/:id/partner-checks",
    {
      config: { permission: "partners:query" },
      schema: {
        tags,
        summary: "the partner checks of an alert and their answers",
        params: IdParams,
        response: { 200: Type.Object({ checks: Type.Array(CheckSchema) }), ...errorReplies() },
      },
    },
    async (req) => ({ checks: await partners.checksOf(principalOf(req), req.params.id) }),
  );
}

export const partnerRoutes =
  (deps: Deps): RoutePlugin =>
  async (app) => {
    listAgreementsRoute(app, deps);
    proposeAgreementRoute(app, deps);
    suspendAgreementRoute(app, deps);
    sharingRoute(app, deps);
    setSharingRoute(app, deps);
    askPartnerRoute(app, deps);
    partnerChecksRoute(app, deps);
  };
