// The risk-rule language: declarative conditions over traveller and travel facts, stored as JSON.
// Pure: rules are data, evaluated by a table of operators (evaluate.ts) and checked by the guard (guard.ts).

/** Facts a rule may test, with their types. Anything else is rejected when the rule is written. */
export const FIELDS = {
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
} as const;

export type Field = keyof typeof FIELDS;

export const OPERATORS = ["eq", "neq", "in", "nin", "lt", "lte", "gt", "gte", "contains", "exists"] as const;
export type Operator = (typeof OPERATORS)[number];

export type Condition =
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition }
  | { field: string; op: Operator; value?: unknown };

export interface Rule {
  id: string;
  version: number;
  name: string;
  owner: string;
  /** Why this pattern indicates risk, in words a reviewer and an oversight body can check. */
  justification: string;
  /** Where the evidence for the pattern comes from (a risk analysis, a case file reference). */
  evidence: string;
  /** `YYYY-MM-DD`; after it the rule stops firing until it is reviewed. */
  reviewDate: string;
  priority: "standard" | "high" | "immediate";
  action: "refer" | "note";
  condition: Condition;
}

/** Facts about one traveller and trip, as far as they are known; missing facts never match. */
export type Facts = Partial<Record<Field, string | number | boolean | string[]>>;
