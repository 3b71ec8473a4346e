// The API partner nodes call, under /partner/v1, and the node's public description at
// /.well-known/limes-node. No user session reaches these routes: each request is authenticated by its
// HTTP message signature (RFC 9421, Ed25519) against the key an agreement pins, before its body is
// validated. Every refusal gets a clear status and code and an entry in the bounded rejection log; the
// rate limit (per agreement, in the shared limiter store) is counted only after the signature held, so
// nobody can spend a partner's budget for it.
import { Type } from "@sinclair/typebox";
import {
  PARTNER_API,
  PartnerRefusal,
  type PartnerService,
  PURPOSES,
  QUERY_KINDS,
} from "../../partners/index.js";
import { type RegionalService, SignedBundleShape } from "../../regional/index.js";
import type { AppDeps } from "../deps.js";
import { errorBody } from "../errors.js";
import { ErrorSchema } from "../schemas.js";
import type { RouteApp, RoutePlugin, TypeBoxProvider } from "../type-provider.js";
import { followUpEndpoints, type Refuse, refusing, type SignedApp } from "./partner-api-follow-ups.js";

declare module "fastify" {
  interface FastifyRequest {
    rawBody?: string;
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

const NodeDescription = Type.Object({
  nodeId: Type.String(),
  publicKey: Type.String({ description: "Ed25519 public key, SPKI PEM" }),
  keyId: Type.String(),
  algorithm: Type.Literal("ed25519"),
  apiBase: Type.String(),
});

const QueryBody = Type.Object(
  {
    requestId: Type.String({ minLength: 8, maxLength: 64, pattern: "^[A-Za-z0-9-]+$" }),
    purpose: Type.String({ minLength: 3, maxLength: 64, description: `one of ${PURPOSES.join(", ")}` }),
    kind: Type.Union(QUERY_KINDS.map((k) => Type.Literal(k))),
    person: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 200 }),
          birthDate: Type.Optional(Type.String({ pattern: "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$" })),
        },
        { additionalProperties: false },
      ),
    ),
    document: Type.Optional(
      Type.Object(
        {
          number: Type.String({ minLength: 1, maxLength: 40 }),
          country: Type.Optional(Type.String({ minLength: 2, maxLength: 3 })),
        },
        { additionalProperties: false },
      ),
    ),
    vehicle: Type.Optional(
      Type.Object(
        {
          plateNumber: Type.Optional(Type.String({ minLength: 2, maxLength: 20 })),
          plateCountry: Type.Optional(Type.String({ minLength: 2, maxLength: 3 })),
          vin: Type.Optional(Type.String({ minLength: 11, maxLength: 20 })),
        },
        { additionalProperties: false },
      ),
    ),
    firearm: Type.Optional(
      Type.Object(
        {
          serial: Type.String({ minLength: 2, maxLength: 40 }),
          make: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/** The whole of a step-1 answer: the serializer drops anything else, whatever the use case returned. */
export const AnswerSchema = Type.Object(
  {
    requestId: Type.String(),
    answer: Type.Union([Type.Literal("hit"), Type.Literal("no_hit")]),
    reference: Type.String(),
    contact: Type.String(),
  },
  { additionalProperties: false },
);

export const partnerErrors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  409: ErrorSchema,
  429: ErrorSchema,
};

/** Answers a refusal with its status and code, and logs it in the bounded rejection log. */
function refusal(partners: PartnerService): Refuse {
  return async (req, reply, r) => {
    await partners.rejections.record({
      code: r.code ?? "refused",
      status: r.status,
      path: req.url,
      ip: req.ip,
      ...(r.agreement ? { partnerNodeId: r.agreement.partnerNodeId, keyId: r.agreement.partnerKeyId } : {}),
      ...(typeof (req.body as { requestId?: unknown })?.requestId === "string"
        ? { requestId: (req.body as { requestId: string }).requestId }
        : {}),
    });
    return reply.code(r.status).send(errorBody(r.code ?? "refused", r.message));
  };
}

function nodeDescriptionRoute(app: RouteApp, partners: PartnerService): void {
  app.get(
    "/.well-known/limes-node",
    {
      config: { public: true },
      schema: {
        tags: ["partners"],
        summary: "this node's id, public key and partner API base (nothing secret, nothing personal)",
        security: [],
        response: { 200: NodeDescription, 404: ErrorSchema },
      },
    },
    async (_req, reply) => {
      const d = partners.describe();
      if (!d) return reply.code(404).send(errorBody("no_node", "this deployment has no node identity"));
      return d;
    },
  );
}

/** The signature covers the body's digest, so the body is kept byte for byte as it came. */
function keepRawBody(signed: SignedApp): void {
  signed.removeContentTypeParser("application/json");
  signed.addContentTypeParser("application/json", { parseAs: "buffer" }, (req, body, done) => {
    try {
      req.rawBody = utf8.decode(body as Buffer);
      done(null, JSON.parse(req.rawBody));
    } catch {
      done(Object.assign(new Error("the body is not UTF-8 JSON"), { statusCode: 400 }), undefined);
    }
  });
}

/** Before validation: the signature against the agreement's key, then the agreement's rate. */
function signatureGate(signed: SignedApp, partners: PartnerService, refuse: Refuse): void {
  const limit = signed.createRateLimit({
    keyGenerator: (req) => `partner:${req.partner?.id}`,
    max: (req) => req.partner?.ratePerMinute ?? 1,
    timeWindow: 60_000,
  });
  signed.addHook("preValidation", async (req, reply) => {
    try {
      const agreement = await partners.authenticate({
        method: req.method,
        path: req.url.split("?")[0] ?? req.url,
        headers: req.headers,
        rawBody: req.rawBody ?? "",
      });
      req.partner = agreement;
      const r = await limit(req);
      if (!r.isAllowed && r.isExceeded) {
        reply.header("retry-after", String(r.ttlInSeconds));
        throw new PartnerRefusal(
          429,
          "rate_limited",
          `more than ${agreement.ratePerMinute} requests a minute`,
          agreement,
        );
      }
    } catch (err) {
      req.partner = undefined;
      if (err instanceof PartnerRefusal) return refuse(req, reply, err);
      throw err;
    }
  });
}

function queriesRoute(signed: SignedApp, partners: PartnerService, refuse: Refuse): void {
  signed.post(
    "/queries",
    {
      config: { partnerSignature: true },
      schema: {
        tags: ["partners"],
        summary: "step 1: is this person or document known? (hit or no-hit, signed request)",
        description:
          "Authenticated by an HTTP message signature (RFC 9421) over @method, @path and Content-Digest " +
          "(RFC 9530) with created and nonce, Ed25519 with the key the agreement pins. 401 for a missing, " +
          "stale, replayed or wrong signature or an unknown key; 403 when the agreement is not in force or " +
          "does not allow the purpose or kind; 429 over the agreement's rate.",
        security: [],
        body: QueryBody,
        response: { 200: AnswerSchema, ...partnerErrors },
      },
    },
    (req, reply) => refusing(refuse, req, reply, () => partners.answer(req.partner!, req.body)),
  );
}

const BundleReceived = Type.Object(
  {
    origin: Type.String(),
    month: Type.String(),
    received: Type.Union([Type.Literal("new"), Type.Literal("again")]),
  },
  { additionalProperties: false },
);

function bundlesRoute(signed: SignedApp, regional: RegionalService): void {
  signed.post(
    "/regional-bundles",
    {
      config: { partnerSignature: true },
      schema: {
        tags: ["partners"],
        summary: "the partner's monthly signed regional bundle (signed request; its own signature checked)",
        description:
          "Sent by a partner's outbox to the nodes its agreement names with the regionalBundle term. The " +
          "request is signed as /queries is; the bundle's own Ed25519 signature must hold for the sender's " +
          "pinned key (422 bundle_signature, 403 bundle_not_sender otherwise). A bundle kept before is " +
          'answered 200 with received "again".',
        security: [],
        body: SignedBundleShape,
        response: { 200: BundleReceived, ...partnerErrors },
      },
    },
    (req) => regional.receive(req.partner!, req.body),
  );
}

export const partnerApiRoutes =
  (deps: Pick<AppDeps, "partners" | "regional">): RoutePlugin =>
  async (app) => {
    const partners = deps.partners;
    const refuse = refusal(partners);
    nodeDescriptionRoute(app, partners);
    await app.register(
      async (plain) => {
        const signed = plain.withTypeProvider<TypeBoxProvider>();
        keepRawBody(signed);
        signatureGate(signed, partners, refuse);
        queriesRoute(signed, partners, refuse);
        bundlesRoute(signed, deps.regional);
        followUpEndpoints(signed, partners, refuse, partnerErrors);
      },
      { prefix: PARTNER_API },
    );
  };
