// Risk rules over HTTP: analysts author them (the guard answers before saving, and refuses a
// discriminatory rule with its reasons), every edit is a version, and analysts and auditors read each
// rule's statistics and fairness report.
import { Type } from "@sinclair/typebox";
import type { Principal } from "../../access/index.js";
import { type Condition, RULE_PAGE, type RuleInput, type RuleService } from "../../rules/index.js";
import { principalOf } from "../gate.js";
import { pageOf, pageQuery, pageRequest } from "../paging.js";
import { GuardVerdict, Rule, RuleStats, RuleView, RuleWithVersions } from "../replies/rules.js";
import { errorReplies, IdParams, oneOf, purpose } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";

const RuleBody = Type.Object(
  {
    rule: Type.Object(
      {
        name: Type.String({ minLength: 3, maxLength: 200 }),
        owner: Type.Optional(
          Type.String({
            minLength: 2,
            maxLength: 200,
            description: "unit answerable for it; the author if absent",
          }),
        ),
        justification: Type.String({
          maxLength: 4000,
          description: "why the pattern indicates risk (≥ 20 chars)",
        }),
        evidence: Type.String({
          maxLength: 500,
          description: "risk analysis or case file the pattern comes from",
        }),
        reviewDate: Type.String({
          pattern: "^\\d{4}-\\d{2}-\\d{2}$",
          description: "after it the rule stops firing",
        }),
        priority: oneOf(["standard", "high", "immediate"]),
        action: oneOf(["refer", "note"]),
        // The condition tree has its own validator (the guard), which names each wrong part.
        condition: Type.Unknown({ description: "all / any / not over { field, op, value } tests" }),
      },
      { additionalProperties: false },
    ),
    // Rules hold no personal data, so a purpose is optional; given, it goes to the audit log.
    purpose: Type.Optional(purpose),
  },
  { additionalProperties: false },
);

const OptionalPurpose = Type.Object({ purpose: Type.Optional(purpose) }, { additionalProperties: false });

type Body = { rule: Omit<RuleInput, "owner" | "condition"> & { owner?: string; condition: unknown } };

function input(p: Principal, body: Body): RuleInput {
  return { ...body.rule, owner: body.rule.owner ?? p.username, condition: body.rule.condition as Condition };
}

const RuleListQuery = Type.Object(
  { ...pageQuery(RULE_PAGE.max, RULE_PAGE.default) },
  { additionalProperties: false },
);

/** Reading rules: authors and the analysts and auditors of their statistics. */
const READ = { permission: ["rules:author", "rules:stats"] as const };

type Deps = { rules: RuleService };
type App = Parameters<RoutePlugin>[0];
const TAGS = ["rules"];

function listRulesRoute(app: App, deps: Deps) {
  app.get(
    "/rules",
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: "the agency's rules, newest version of each, a page at a time by id",
        querystring: RuleListQuery,
        response: { 200: pageOf("rules", RuleView), ...errorReplies() },
      },
    },
    async (req) =>
      deps.rules.list(principalOf(req), pageRequest(req.query, RULE_PAGE.max, RULE_PAGE.default)),
  );
}

function checkRuleRoute(app: App, deps: Deps) {
  app.post(
    "/rules/check",
    {
      config: { permission: "rules:author" },
      schema: {
        tags: TAGS,
        summary: "the guard's verdict, without saving; 422 when the condition is too deep or too large",
        body: RuleBody,
        response: { 200: GuardVerdict, ...errorReplies() },
      },
    },
    async (req) => deps.rules.check(principalOf(req), input(principalOf(req), req.body)),
  );
}

function createRuleRoute(app: App, deps: Deps) {
  app.post(
    "/rules",
    {
      config: { permission: "rules:author" },
      schema: {
        tags: TAGS,
        summary: "author a rule; 422 with the guard's reasons when it is refused",
        body: RuleBody,
        response: { 201: Rule, ...errorReplies() },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      return reply.code(201).send(await deps.rules.create(p, input(p, req.body), req.body.purpose));
    },
  );
}

function getRuleRoute(app: App, deps: Deps) {
  app.get(
    "/rules/:id",
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: "a rule with all its versions",
        params: IdParams,
        response: { 200: RuleWithVersions, ...errorReplies() },
      },
    },
    async (req) => {
      const { rule, versions } = await deps.rules.get(principalOf(req), req.params.id);
      return { ...rule, versions };
    },
  );
}

function updateRuleRoute(app: App, deps: Deps) {
  app.put(
    "/rules/:id",
    {
      config: { permission: "rules:author" },
      schema: {
        tags: TAGS,
        summary: "edit a rule: saved as its next version",
        params: IdParams,
        body: RuleBody,
        response: { 200: Rule, ...errorReplies(409) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      return deps.rules.update(p, req.params.id, input(p, req.body), req.body.purpose);
    },
  );
}

function ruleStatsRoute(app: App, deps: Deps) {
  app.get(
    "/rules/:id/stats",
    {
      config: { permission: "rules:stats" },
      schema: {
        tags: TAGS,
        summary:
          "hits, alerts, outcomes and the fairness report (small groups withheld so none can be derived)",
        params: IdParams,
        querystring: OptionalPurpose,
        response: { 200: RuleStats, ...errorReplies() },
      },
    },
    async (req) => deps.rules.stats(principalOf(req), req.params.id, req.query.purpose),
  );
}

export const ruleRoutes =
  (deps: Deps): RoutePlugin =>
  async (app) => {
    listRulesRoute(app, deps);
    checkRuleRoute(app, deps);
    createRuleRoute(app, deps);
    getRuleRoute(app, deps);
    updateRuleRoute(app, deps);
    ruleStatsRoute(app, deps);
  };
