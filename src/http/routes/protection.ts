// Protection over HTTP: any officer records a need (the booth too, on the crossing it just recorded);
// only the roles that act on them read records and track referrals.
import { Type } from "@sinclair/typebox";
import { PROTECTION_KINDS, type ProtectionService } from "../../protection/index.js";
import { principalOf } from "../gate.js";
import {
  ProtectionKind,
  RecordReply,
  RecordsReply,
  ReferralsReply,
  ReferralView,
} from "../replies/alerts.js";
import { errorReplies, IdParams, oneOf, PurposeQuery, purpose } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";

const id = Type.String({ minLength: 1, maxLength: 64 });

const RecordBody = Type.Object(
  {
    alertId: Type.Optional(id),
    crossingId: Type.Optional(id),
    person: Type.Optional(
      Type.Object(
        {
          surname: Type.String({ minLength: 1, maxLength: 200 }),
          givenNames: Type.Optional(Type.String({ maxLength: 200 })),
          birthDate: Type.Optional(Type.String({ pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" })),
          nationality: Type.Optional(Type.String({ minLength: 2, maxLength: 60 })),
          documents: Type.Optional(
            Type.Array(
              Type.Object(
                {
                  number: Type.String({ minLength: 1, maxLength: 64 }),
                  issuingCountry: Type.Optional(Type.String({ maxLength: 60 })),
                },
                { additionalProperties: false },
              ),
              { maxItems: 5 },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    kinds: Type.Array(ProtectionKind, {
      minItems: 1,
      maxItems: PROTECTION_KINDS.length,
      uniqueItems: true,
    }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    purpose,
  },
  {
    additionalProperties: false,
    description: "exactly one of alertId, crossingId or person; an expressed wish for asylum is enough",
  },
);

const ReferralQuery = Type.Object(
  {
    status: Type.Optional(oneOf(["open", "closed"])),
    overdue: Type.Optional(oneOf(["true", "false"])),
    purpose: Type.Optional(purpose),
  },
  { additionalProperties: false },
);

const CloseBody = Type.Object(
  { outcome: Type.String({ maxLength: 2000, description: "how it ended, at least 10 characters" }), purpose },
  { additionalProperties: false },
);

const LinkBody = Type.Object({ alertId: id, purpose }, { additionalProperties: false });

const LinkReply = Type.Object({
  recordId: Type.String(),
  alertId: Type.String(),
  added: Type.Integer({ description: "bindings the record did not have yet" }),
});

type Deps = { protection: ProtectionService };
type App = Parameters<RoutePlugin>[0];
const TAGS = ["protection"];

function recordNeedsRoute(app: App, deps: Deps) {
  app.post(
    "/protection/records",
    {
      config: { permission: "protection:record" },
      schema: {
        tags: TAGS,
        summary: "record an asylum request or a vulnerability; each need opens a referral with a deadline",
        body: RecordBody,
        response: { 201: RecordsReply, ...errorReplies() },
      },
    },
    async (req, reply) => {
      const { alertId, crossingId, person, kinds, note, purpose } = req.body;
      const person_ = person
        ? {
            surname: person.surname,
            ...(person.givenNames ? { givenNames: person.givenNames } : {}),
            ...(person.birthDate ? { birthDate: person.birthDate } : {}),
            ...(person.nationality ? { nationality: person.nationality } : {}),
            ...(person.documents ? { documents: person.documents } : {}),
          }
        : undefined;
      const result = await deps.protection.record(principalOf(req), {
        kinds,
        purpose,
        ...(alertId ? { alertId } : {}),
        ...(crossingId ? { crossingId } : {}),
        ...(person_ ? { person: person_ } : {}),
        ...(note ? { note } : {}),
      });
      return reply.code(201).send(result);
    },
  );
}

function listReferralsRoute(app: App, deps: Deps) {
  app.get(
    "/protection/referrals",
    {
      config: { permission: "protection:read" },
      schema: {
        tags: TAGS,
        summary: "referrals, with overdue ones flagged",
        querystring: ReferralQuery,
        response: { 200: ReferralsReply, ...errorReplies() },
      },
    },
    async (req) =>
      deps.protection.listReferrals(principalOf(req), {
        ...(req.query.status ? { status: req.query.status } : {}),
        ...(req.query.overdue === "true" ? { overdue: true } : {}),
      }),
  );
}

function getRecordRoute(app: App, deps: Deps) {
  app.get(
    "/protection/records/:id",
    {
      config: { permission: "protection:read" },
      schema: {
        tags: TAGS,
        summary: "one protection record with its referrals (audited)",
        params: IdParams,
        querystring: PurposeQuery,
        response: { 200: RecordReply, ...errorReplies() },
      },
    },
    async (req) => deps.protection.get(principalOf(req), req.params.id, req.query.purpose),
  );
}

function linkAlertRoute(app: App, deps: Deps) {
  app.post(
    "/protection/records/:id/links",
    {
      config: { permission: ["alerts:review", "protection:manage"] },
      schema: {
        tags: TAGS,
        summary: "link an alert's traveller to a protection record: the bar then holds for them too",
        params: IdParams,
        body: LinkBody,
        response: { 201: LinkReply, ...errorReplies() },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await deps.protection.link(principalOf(req), req.params.id, req.body)),
  );
}

function closeReferralRoute(app: App, deps: Deps) {
  app.post(
    "/protection/referrals/:id/close",
    {
      config: { permission: "protection:manage" },
      schema: {
        tags: TAGS,
        summary: "close a referral once the service has acted; this lifts the non-refoulement bar",
        params: IdParams,
        body: CloseBody,
        response: { 200: ReferralView, ...errorReplies(409) },
      },
    },
    async (req) => deps.protection.closeReferral(principalOf(req), req.params.id, req.body),
  );
}

export const protectionRoutes =
  (deps: Deps): RoutePlugin =>
  async (app) => {
    recordNeedsRoute(app, deps);
    listReferralsRoute(app, deps);
    getRecordRoute(app, deps);
    linkAlertRoute(app, deps);
    closeReferralRoute(app, deps);
  };
