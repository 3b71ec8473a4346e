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

/** A group of the fairness report (src/rules/fairness.ts); groups under 20 persons come as one suppressed entry. */
export type GroupStat =
  | {
      group: string;
      population: number;
      hits: number;
      hitRate: number;
      /** Hit rate over the overall rate; null when nobody was hit. */
      disparity: number | null;
      suppressed?: undefined;
    }
  | { group: "suppressed"; population: number; suppressed: true; groups: number };

export interface RuleStats {
  ruleId: string;
  version: number;
  since: string;
  population: number;
  hits: number;
  overallHitRate: number;
  alerts: number;
  confirmed: number;
  falsePositives: number;
  byNationality: GroupStat[];
  bySex: GroupStat[];
  warnings: string[];
}
