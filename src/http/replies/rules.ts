// Reply schemas of the risk rules: a rule and its versions, the guard's verdict, and the statistics with
// the fairness report. The rule language's fields and operators are named here as enums, so the web's
// authoring form takes them from the generated client types instead of a copy.
import { Type } from "@sinclair/typebox";
import { FIELDS, OPERATORS } from "../../rules/index.js";
import { oneOf } from "../schemas.js";
import { component } from "./component.js";
import { nullable, Priority } from "./screening.js";

export const RuleField = component(
  "RuleField",
  oneOf(Object.keys(FIELDS), { description: "a fact a rule may test" }),
);
export const RuleOperator = component("RuleOperator", oneOf(OPERATORS));

/** The fields of each value type, so that a client reads a form's value as the field's type. */
const fieldsOf = (type: string) =>
  Object.keys(FIELDS).filter((f) => FIELDS[f as keyof typeof FIELDS] === type);
for (const [id, type] of [
  ["RuleStringField", "string"],
  ["RuleListField", "string[]"],
  ["RuleNumberField", "number"],
  ["RuleBooleanField", "boolean"],
] as const) {
  component(id, oneOf(fieldsOf(type)));
}

const ruleFields = {
  id: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
  owner: Type.String(),
  justification: Type.String(),
  evidence: Type.String(),
  reviewDate: Type.String(),
  priority: Priority,
  action: oneOf(["refer", "note"]),
  condition: Type.Unknown({
    description: "all / any / not over { field, op, value } tests (field: RuleField, op: RuleOperator)",
  }),
};

export const Rule = component("Rule", Type.Object(ruleFields));

/** A rule as listed: its newest version, whether its review date has passed, and who changed it last. */
export const RuleView = component(
  "RuleView",
  Type.Object({
    ...ruleFields,
    expired: Type.Boolean(),
    updatedAt: Type.String(),
    updatedBy: Type.String(),
  }),
);

export const RuleWithVersions = component(
  "RuleWithVersions",
  Type.Object({
    ...ruleFields,
    expired: Type.Boolean(),
    versions: Type.Array(Type.Object({ ...ruleFields, createdAt: Type.String(), createdBy: Type.String() })),
  }),
);

export const GuardVerdict = component(
  "GuardVerdict",
  Type.Object({
    ok: Type.Boolean(),
    reasons: Type.Array(Type.String()),
    tooComplex: Type.Optional(Type.Literal(true)),
  }),
);

const GroupStats = Type.Union([
  Type.Object({
    group: Type.String(),
    population: Type.Integer(),
    hits: nullable(Type.Integer()),
    hitRate: nullable(Type.Number()),
    disparity: nullable(Type.Number()),
    warn: Type.Boolean(),
  }),
  Type.Object({
    group: Type.Literal("suppressed"),
    population: Type.Integer(),
    suppressed: Type.Literal(true),
  }),
]);

export const RuleStats = component(
  "RuleStats",
  Type.Object({
    ruleId: Type.String(),
    version: Type.Integer(),
    since: Type.String(),
    alerts: Type.Integer(),
    confirmed: Type.Integer(),
    falsePositives: Type.Integer(),
    population: Type.Integer(),
    hits: nullable(Type.Integer()),
    overallHitRate: nullable(Type.Number()),
    byNationality: Type.Array(GroupStats),
    bySex: Type.Array(GroupStats),
    notes: Type.Array(Type.String()),
    warnings: Type.Array(Type.String()),
  }),
);
