// How much of the screened population the tests of one disjunct admit, judged from the declared domains
// (domains.ts) with the very operators the rules run with (evaluate.ts), so the guard and the evaluation
// can never disagree about what a test means. Pure. For each fact, the disjunct's tests on it are run over
// a small universe of values that stands for the whole domain: every value the rule names, the declared
// values and ranges, "some other value" and "missing", each weighted by how often it occurs. A value the
// domain cannot take weighs nothing, so a test on it selects no one.
import { cdfAt, DOMAINS, type Domain, type Ground } from "./domains.js";
import { holds, type Value } from "./evaluate.js";
import type { Field } from "./model.js";
import type { Disjunct, Literal } from "./normal.js";

/** Above these shares a test is not selective: it would pick nearly everyone. */
export const NOT_SELECTIVE = { share: 0.5, ofKnown: 0.9 } as const;

interface Point {
  value: Value | undefined;
  weight: number;
}

const OTHER = "\u0000other";

function scalars(literals: readonly Literal[]): unknown[] {
  return literals.flatMap((l) => (Array.isArray(l.test.value) ? l.test.value : [l.test.value]));
}

function integerPoints(d: Extract<Domain, { type: "integer" }>, literals: readonly Literal[]): Point[] {
  const out: Point[] = [];
  let below = 0;
  for (let x = d.min; x <= d.max; x++) {
    const at = cdfAt(d, x);
    out.push({ value: x, weight: d.presence * (at - below) });
    below = at;
  }
  // Numbers the rule names outside the range: logically possible, so a test on them is not a contradiction,
  // but the domain says they do not occur.
  for (const v of scalars(literals)) {
    if (typeof v !== "number" || !Number.isFinite(v)) continue;
    for (const x of [Math.floor(v) - 1, Math.floor(v), Math.ceil(v), Math.ceil(v) + 1])
      if (x < d.min || x > d.max) out.push({ value: x, weight: 0 });
  }
  return out;
}

function codePoints(d: Extract<Domain, { type: "code" }>, literals: readonly Literal[]): Point[] {
  const out: Point[] = Object.entries(d.known).map(([value, share]) => ({
    value,
    weight: d.presence * share,
  }));
  let used = Object.values(d.known).reduce((a, b) => a + b, 0);
  for (const v of new Set(scalars(literals))) {
    if (typeof v !== "string" || v in d.known) continue;
    const valid = d.pattern.test(v);
    out.push({ value: v, weight: valid ? d.presence * d.otherShare : 0 });
    if (valid) used += d.otherShare;
  }
  out.push({ value: OTHER, weight: d.presence * Math.max(0, 1 - used) });
  return out;
}

function codeListPoints(d: Extract<Domain, { type: "codes" }>, literals: readonly Literal[]): Point[] {
  const named = [...new Set(scalars(literals))].filter((v): v is string => typeof v === "string");
  const weight = (v: string) => (d.pattern.test(v) ? d.presence * d.otherShare : 0);
  const out: Point[] = named.map((v) => ({ value: [v], weight: weight(v) }));
  // Every place the disjunct requires at once, so requiring two places is not mistaken for a contradiction.
  const required = literals
    .filter((l) => l.test.op === "contains" && !l.negated && typeof l.test.value === "string")
    .map((l) => l.test.value as string);
  if (required.length > 1)
    out.push({ value: [...new Set(required)], weight: Math.min(...required.map(weight)) * d.otherShare });
  const used = out.reduce((n, p) => n + p.weight, 0);
  out.push({ value: [OTHER], weight: Math.max(0, d.presence - used) });
  return out;
}

function points(d: Domain, literals: readonly Literal[]): Point[] {
  const present: Point[] =
    d.type === "integer"
      ? integerPoints(d, literals)
      : d.type === "code"
        ? codePoints(d, literals)
        : d.type === "codes"
          ? codeListPoints(d, literals)
          : d.type === "enum"
            ? Object.entries(d.values).map(([value, share]) => ({ value, weight: d.presence * share }))
            : [
                { value: true, weight: d.presence * d.trueShare },
                { value: false, weight: d.presence * (1 - d.trueShare) },
              ];
  return [...present, { value: undefined, weight: 1 - d.presence }];
}

export interface FactVerdict {
  field: Field;
  ground?: Ground;
  /** The disjunct's tests on this fact can hold for some value at all. */
  satisfiable: boolean;
  /** Share of all travellers they admit. */
  share: number;
  /** Share of the travellers for whom the fact is known that they admit. */
  ofKnown: number;
  selective: boolean;
}

export function judgeFact(field: Field, literals: readonly Literal[]): FactVerdict {
  const d = DOMAINS[field];
  let satisfiable = false;
  let share = 0;
  let known = 0;
  for (const p of points(d, literals)) {
    if (!literals.every((l) => holds(l.test.op, p.value, l.test.value) !== l.negated)) continue;
    satisfiable = true;
    share += p.weight;
    if (p.value !== undefined) known += p.weight;
  }
  const ofKnown = d.presence > 0 ? known / d.presence : 0;
  // Selecting travellers for a fact the sources did not give is selecting on missing data, not behaviour.
  const selective = known > 1e-9 && share < NOT_SELECTIVE.share && ofKnown < NOT_SELECTIVE.ofKnown;
  return { field, ...(d.ground ? { ground: d.ground } : {}), satisfiable, share, ofKnown, selective };
}

/** Each fact a disjunct tests, judged over all of the disjunct's tests on it together. */
export function judgeDisjunct(disjunct: Disjunct): FactVerdict[] {
  const byField = new Map<Field, Literal[]>();
  for (const l of disjunct) {
    const field = l.test.field as Field;
    byField.set(field, [...(byField.get(field) ?? []), l]);
  }
  return [...byField].map(([field, literals]) => judgeFact(field, literals));
}
