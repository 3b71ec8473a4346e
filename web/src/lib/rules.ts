// The rule language as the authoring form builds it: conditions over the facts and operators the API
// names (the generated contract, api-schema.ts).
import type { Schemas } from "./api";
import {
  ruleBooleanFieldValues,
  ruleListFieldValues,
  ruleNumberFieldValues,
  ruleOperatorValues,
  ruleStringFieldValues,
} from "./api-schema";

type FieldType = "string" | "string[]" | "number" | "boolean";

/** Each fact a rule may test, with its type: from the generated contract, never copied. */
export const FIELDS: Record<string, FieldType> = Object.fromEntries([
  ...ruleStringFieldValues.map((f) => [f, "string"] as const),
  ...ruleListFieldValues.map((f) => [f, "string[]"] as const),
  ...ruleNumberFieldValues.map((f) => [f, "number"] as const),
  ...ruleBooleanFieldValues.map((f) => [f, "boolean"] as const),
]);

export const OPERATORS = ruleOperatorValues;

export interface ConditionRow {
  field: string;
  op: string;
  value: string;
}

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { field: string; op: string; value?: unknown };

/** The typed value of a form row: numbers and booleans as such, lists for in/nin. */
export function rowValue(row: ConditionRow): unknown {
  const type = FIELDS[row.field] ?? "string";
  const one = (s: string): unknown => {
    const v = s.trim();
    if (type === "number") return v === "" || Number.isNaN(Number(v)) ? v : Number(v);
    if (type === "boolean") return v === "true" ? true : v === "false" ? false : v;
    return v;
  };
  if (row.op === "in" || row.op === "nin")
    return row.value
      .split(",")
      .map(one)
      .filter((x) => x !== "");
  return one(row.value);
}

export function buildCondition(rows: readonly ConditionRow[], combine: "all" | "any"): Condition {
  const tests: Condition[] = rows.map((r) =>
    r.op === "exists" ? { field: r.field, op: r.op } : { field: r.field, op: r.op, value: rowValue(r) },
  );
  return tests.length === 1 ? tests[0]! : combine === "all" ? { all: tests } : { any: tests };
}

/** A condition typed as JSON; what does not parse goes to the guard as null, which says what is wrong. */
export function parseCondition(text: string): Condition {
  try {
    return JSON.parse(text) as Condition;
  } catch {
    return null as unknown as Condition;
  }
}

/** What the authoring form sends: a rule without its id, version and owner. */
export type RuleDraft = Omit<Schemas["Rule"], "id" | "version" | "owner" | "condition"> & {
  condition: Condition;
};

/** A rule as listed. */
export type RuleView = Schemas["RuleView"];
export type RuleStats = Schemas["RuleStats"];
/**
 * A group of the fairness report. Groups too small to show, and any others withheld so that none can be
 * worked out, come as one entry; hit figures are null when withheld altogether.
 */
export type GroupStat = RuleStats["byNationality"][number];
