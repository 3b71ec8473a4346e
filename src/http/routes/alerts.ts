// Alert review for the second line: the queue, one alert with its reasons, and decisions. An adverse
// action is proposed by one officer and approved by another (four-eyes); the service enforces it, and the
// non-refoulement bar, whatever client calls.
import { Type } from "@sinclair/typebox";
import { ALERT_PAGE, ALERT_STATUSES, type AlertService } from "../../alerts/index.js";
import { BARRED_ACTIONS } from "../../protection/index.js";
import { principalOf } from "../gate.js";
import { pageOf, pageQuery, pageRequest } from "../paging.js";
import {
  AdverseAction,
  AlertDetail,
  AlertStatusReply,
  AlertSummary,
  DecisionReply,
  LegalBases,
  Outcome,
} from "../replies/alerts.js";
import { errorReplies, IdParams, oneOf, PurposeQuery, purpose } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";

const ListQuery = Type.Object(
  {
    status: Type.Optional(oneOf(ALERT_STATUSES)),
    crossingPointId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    overdue: Type.Optional(oneOf(["true", "false"])),
    open: Type.Optional(oneOf(["true", "false"], { description: "only open and in-review alerts" })),
    ...pageQuery(ALERT_PAGE.max, ALERT_PAGE.default),
  },
  { additionalProperties: false },
);

const DecisionBody = Type.Object(
  {
    outcome: Outcome,
    reason: Type.String({ maxLength: 4000, description: "why, in at least 20 characters" }),
    legalBasis: Type.String({ maxLength: 300, description: "one of the configured legal bases" }),
    adverseAction: Type.Optional(AdverseAction),
    clearance: Type.Optional(
      Type.Boolean({ description: "with a false positive: do not stop this identity again for 1 year" }),
    ),
    purpose,
  },
  { additionalProperties: false },
);

const CloseBody = Type.Object(
  { reason: Type.String({ maxLength: 4000 }), purpose },
  { additionalProperties: false },
);

const PurposeBody = Type.Object({ purpose }, { additionalProperties: false });

const ApproveBody = Type.Object(
  {
    purpose,
    reason: Type.Optional(
      Type.String({
        minLength: 20,
        maxLength: 4000,
        description: "the approving officer's own reason, kept in the audit log beside the proposer's",
      }),
    ),
  },
  { additionalProperties: false },
);

type Deps = { alerts: AlertService };
type App = Parameters<RoutePlugin>[0];
const TAGS = ["alerts"];

function listAlertsRoute(app: App, deps: Deps) {
  app.get(
    "/alerts",
    {
      config: { permission: "alerts:review" },
      schema: {
        tags: TAGS,
        summary: "the alert queue, a page at a time: open ones first by deadline (overdue lead), then closed",
        querystring: ListQuery,
        response: { 200: pageOf("alerts", AlertSummary), ...errorReplies() },
      },
    },
    async (req) => {
      const { status, crossingPointId, overdue, open } = req.query;
      const filter = {
        ...(status ? { status } : {}),
        ...(open === "true" ? { open: true } : {}),
        ...(crossingPointId ? { crossingPointId } : {}),
        ...(overdue === "true" ? { overdue: true } : {}),
      };
      return deps.alerts.list(
        principalOf(req),
        filter,
        pageRequest(req.query, ALERT_PAGE.max, ALERT_PAGE.default),
      );
    },
  );
}

function legalBasesRoute(app: App, deps: Deps) {
  app.get(
    "/legal-bases",
    {
      config: { permission: "alerts:review" },
      schema: {
        tags: TAGS,
        summary: "the legal bases a decision may cite",
        response: { 200: LegalBases, ...errorReplies() },
      },
    },
    async () => ({ legalBases: deps.alerts.legalBases }),
  );
}

function getAlertRoute(app: App, deps: Deps) {
  app.get(
    "/alerts/:id",
    {
      config: { permission: "alerts:review" },
      schema: {
        tags: TAGS,
        summary: "one alert: traveller, matches with explanations, reasons, clearances, decisions (audited)",
        params: IdParams,
        querystring: PurposeQuery,
        response: { 200: AlertDetail, ...errorReplies() },
      },
    },
    async (req) => {
      const alert = await deps.alerts.get(principalOf(req), req.params.id, req.query.purpose);
      // The client learns which actions the bar holds back from here, not from a copy of the list.
      return { ...alert, protection: { ...alert.protection, barredActions: BARRED_ACTIONS } };
    },
  );
}

function reviewRoute(app: App, deps: Deps) {
  app.post(
    "/alerts/:id/review",
    {
      config: { permission: "alerts:review" },
      schema: {
        tags: TAGS,
        summary: "take an open alert into review",
        params: IdParams,
        body: PurposeBody,
        response: { 200: AlertStatusReply, ...errorReplies(409) },
      },
    },
    async (req) => deps.alerts.review(principalOf(req), req.params.id, req.body.purpose),
  );
}

function decideRoute(app: App, deps: Deps) {
  app.post(
    "/alerts/:id/decisions",
    {
      config: { permission: "alerts:review" },
      schema: {
        tags: TAGS,
        summary:
          "decide an alert; an adverse action, or a clearance of a terrorism-listed or high-priority match, waits for a second officer (202)",
        description:
          "422 when the reason is under 20 characters, the legal basis unknown or the transition illegal; " +
          "409 when refusal, return or removal is barred by an open protection referral (non-refoulement).",
        params: IdParams,
        body: DecisionBody,
        response: { 201: DecisionReply, 202: DecisionReply, ...errorReplies(409) },
      },
    },
    async (req, reply) => {
      const { purpose, outcome, reason, legalBasis, adverseAction, clearance } = req.body;
      const result = await deps.alerts.decide(principalOf(req), req.params.id, {
        purpose,
        outcome,
        reason,
        legalBasis,
        ...(adverseAction ? { adverseAction } : {}),
        ...(clearance ? { clearance } : {}),
      });
      return reply.code(result.decision.status === "pending_approval" ? 202 : 201).send(result);
    },
  );
}

function approveRoute(app: App, deps: Deps) {
  app.post(
    "/alerts/:id/decisions/:decisionId/approve",
    {
      config: { permission: "alerts:review" },
      schema: {
        tags: TAGS,
        summary:
          "approve another officer's adverse action or guarded clearance (four-eyes): the same officer gets 409",
        params: Type.Object({
          id: Type.String({ minLength: 1, maxLength: 64 }),
          decisionId: Type.String({ minLength: 1, maxLength: 64 }),
        }),
        body: ApproveBody,
        response: { 200: DecisionReply, ...errorReplies(409) },
      },
    },
    async (req) => {
      const { purpose, reason } = req.body;
      return deps.alerts.approve(principalOf(req), req.params.id, req.params.decisionId, {
        purpose,
        ...(reason ? { reason } : {}),
      });
    },
  );
}

function closeRoute(app: App, deps: Deps) {
  app.post(
    "/alerts/:id/close",
    {
      config: { permission: "alerts:review" },
      schema: {
        tags: TAGS,
        summary: "close a decided alert",
        params: IdParams,
        body: CloseBody,
        response: { 200: AlertStatusReply, ...errorReplies(409) },
      },
    },
    async (req) => deps.alerts.close(principalOf(req), req.params.id, req.body),
  );
}

export const alertRoutes =
  (deps: Deps): RoutePlugin =>
  async (app) => {
    listAlertsRoute(app, deps);
    legalBasesRoute(app, deps);
    getAlertRoute(app, deps);
    reviewRoute(app, deps);
    decideRoute(app, deps);
    approveRoute(app, deps);
    closeRoute(app, deps);
  };
