// The follow-up half of the partner API (step 2), registered inside the signed scope of
// routes/partner-api.ts: its requests are authenticated by signature before they reach these handlers.

import type { IncomingMessage, ServerResponse } from "node:http";
import { Type } from "@sinclair/typebox";
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawServerDefault,
} from "fastify";
import { PartnerRefusal, type PartnerService } from "../../partners/index.js";
import type { TypeBoxProvider } from "../type-provider.js";

export type SignedApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxProvider
>;
export type Refuse = (req: FastifyRequest, reply: FastifyReply, r: PartnerRefusal) => Promise<unknown>;

const id = Type.String({ minLength: 8, maxLength: 64, pattern: "^[A-Za-z0-9-]+$" });

const FollowUpBody = Type.Object(
  {
    requestId: id,
    queryRequestId: id,
    reference: Type.String({ minLength: 1, maxLength: 64 }),
    reason: Type.String({ minLength: 3, maxLength: 500 }),
    legalBasis: Type.String({ minLength: 3, maxLength: 300 }),
    categories: Type.Array(Type.String({ maxLength: 32 }), { minItems: 1, maxItems: 10 }),
  },
  { additionalProperties: false },
);

const AnswerBody = Type.Object(
  {
    requestId: id,
    status: Type.Union([Type.Literal("approved"), Type.Literal("refused")]),
    categories: Type.Array(Type.String({ maxLength: 32 }), { maxItems: 10 }),
    data: Type.Array(Type.Record(Type.String(), Type.Unknown()), { maxItems: 50 }),
    retentionDays: Type.Integer({ minimum: 1, maximum: 3650 }),
    reason: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
);

/** Runs a partner request's use case; a refusal it throws is answered (and logged) by `refuse`. */
export async function refusing<T>(
  refuse: Refuse,
  req: FastifyRequest,
  reply: FastifyReply,
  run: () => Promise<T>,
) {
  try {
    return await run();
  } catch (err) {
    if (err instanceof PartnerRefusal) return refuse(req, reply, err);
    throw err;
  }
}

export function followUpEndpoints(
  signed: SignedApp,
  partners: PartnerService,
  refuse: Refuse,
  errors: Record<number, unknown>,
): void {
  const guarded = <T>(req: FastifyRequest, reply: FastifyReply, run: () => Promise<T>) =>
    refusing(refuse, req, reply, run);

  signed.post(
    "/follow-ups",
    {
      config: { partnerSignature: true },
      schema: {
        tags: ["partners"],
        summary: "step 2: a follow-up on a hit, under a legal basis; waits for an officer here (signed)",
        security: [],
        body: FollowUpBody,
        response: {
          202: Type.Object({ requestId: Type.String(), status: Type.Literal("pending") }),
          ...errors,
        },
      },
    },
    (req, reply) =>
      guarded(req, reply, async () =>
        reply.code(202).send(await partners.receiveFollowUp(req.partner!, req.body)),
      ),
  );

  signed.post(
    "/follow-up-answers",
    {
      config: { partnerSignature: true },
      schema: {
        tags: ["partners"],
        summary: "step 2: the partner's decision on a follow-up this node sent, with the data (signed)",
        security: [],
        body: AnswerBody,
        response: { 200: Type.Object({ requestId: Type.String(), status: Type.String() }), ...errors },
      },
    },
    (req, reply) => guarded(req, reply, () => partners.receiveAnswer(req.partner!, req.body)),
  );
}
