// The rule language as the authoring form builds it (src/rules/model.ts): conditions over known facts.

export const FIELDS: Record<string, "string" | "string[]" | "number" | "boolean"> = {
  "route.origin": "string",
  "route.destination": "string",
  "route.transit": "string[]",
  "booking.hoursBeforeDeparture": "number",
  "booking.paymentMethod": "string",
  "booking.oneWay": "boolean",
  "document.type": "string",
  "document.expiresInDays": "number",
  "document.issuedDaysAgo": "number",
  "travel.tripsLast90Days": "number",
  "travel.shortTripsLast90Days": "number",
  "manifest.watchlistedCoTravellers": "number",
  "traveller.nationality": "string",
  "traveller.sex": "string",
  "traveller.age": "number",
};

export const OPERATORS = ["eq", "neq", "in", "nin", "lt", "lte", "gt", "gte", "contains", "exists"] as const;

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

export interface RuleDraft {
  name: string;
  justification: string;
  evidence: string;
  reviewDate: string;
  priority: "standard" | "high" | "immediate";
  action: "refer" | "note";
  condition: Condition;
}

export interface RuleView extends RuleDraft {
  id: string;
  version: number;
  owner?: string;
  createdAt?: string;
  createdBy?: string;
}

/**
 * A group of the fairness report (src/rules/fairness.ts). Groups too small to show, and any others withheld
 * so that none can be worked out, come as one entry; hit figures are null when withheld altogether.
 */
export type GroupStat =
  | {
      group: string;
      population: number;
      hits: number | null;
      hitRate: number | null;
      /** Hit rate over the overall rate; null when nobody was hit or hits are withheld. */
      disparity: number | null;
      /** An exact test finds this group hit far more often than everyone. */
      warn: boolean;
      suppressed?: undefined;
    }
  | { group: "suppressed"; population: number; suppressed: true };

export interface RuleStats {
  ruleId: string;
  version: number;
  since: string;
  population: number;
  hits: number | null;
  overallHitRate: number | null;
  alerts: number;
  confirmed: number;
  falsePositives: number;
  byNationality: GroupStat[];
  bySex: GroupStat[];
  notes: string[];
  warnings: string[];
}
