// Evaluating a rule against the facts of one traveller: a table of operators over plain data. A fact
// that is missing never satisfies a test (absence of data is not suspicion).
import type { Condition, Facts, Field, Operator, Rule } from "./model.js";

export type Value = string | number | boolean | string[];

const OPS: Record<Operator, (fact: Value | undefined, value: unknown) => boolean> = {
  exists: (f) => f !== undefined,
  eq: (f, v) => f !== undefined && f === v,
  neq: (f, v) => f !== undefined && f !== v,
  in: (f, v) => f !== undefined && Array.isArray(v) && v.includes(f),
  nin: (f, v) => f !== undefined && Array.isArray(v) && !v.includes(f),
  lt: (f, v) => typeof f === "number" && typeof v === "number" && f < v,
  lte: (f, v) => typeof f === "number" && typeof v === "number" && f <= v,
  gt: (f, v) => typeof f === "number" && typeof v === "number" && f > v,
  gte: (f, v) => typeof f === "number" && typeof v === "number" && f >= v,
  contains: (f, v) => Array.isArray(f) && f.includes(v as string),
};

/** Whether one test holds for a fact's value (`undefined` when the fact is missing). */
export function holds(op: Operator, fact: Value | undefined, value: unknown): boolean {
  return OPS[op](fact, value);
}

export function matches(c: Condition, facts: Facts): boolean {
  if ("all" in c) return c.all.every((x) => matches(x, facts));
  if ("any" in c) return c.any.some((x) => matches(x, facts));
  if ("not" in c) return !matches(c.not, facts);
  return OPS[c.op](facts[c.field as Field], c.value);
}

/** Whether the rule fires for these facts on `today` (`YYYY-MM-DD`): an expired rule never fires. */
export function fires(rule: Rule, facts: Facts, today: string): boolean {
  return today <= rule.reviewDate && matches(rule.condition, facts);
}

export interface RuleHit {
  ruleId: string;
  version: number;
  name: string;
  priority: Rule["priority"];
  action: Rule["action"];
}

/** The rules that fire for one traveller's facts, as hits an alert can carry. */
export function evaluateRules(rules: readonly Rule[], facts: Facts, today: string): RuleHit[] {
  return rules
    .filter((r) => fires(r, facts, today))
    .map((r) => ({ ruleId: r.id, version: r.version, name: r.name, priority: r.priority, action: r.action }));
}
