// The prohibited-grounds guard, applied when a rule is written, so a discriminatory rule cannot be saved.
// It follows the ETIAS Regulation (EU) 2018/1240 (Art. 14 and 33: no screening rules based on sex, race,
// colour, ethnic or social origin, genetic features, language, religion or belief, political opinion,
// membership of a national minority, property, birth, disability, age or sexual orientation; sex and age
// never the sole basis) and UN Security Council Resolution 2396 ("without resorting to profiling based on
// discrimination").
import { type Condition, FIELDS, type Field, OPERATORS, type Rule } from "./model.js";

/** Grounds a rule may never test, named as the field a rule author would reach for. */
export const PROHIBITED_FIELDS: Record<string, string> = {
  "traveller.race": "race or colour",
  "traveller.ethnicity": "ethnic origin",
  "traveller.religion": "religion or belief",
  "traveller.politicalOpinion": "political opinion",
  "traveller.health": "health or disability",
  "traveller.disability": "health or disability",
  "traveller.sexualOrientation": "sexual orientation",
  "traveller.geneticFeatures": "genetic features",
  "traveller.minority": "membership of a national minority",
};

/**
 * Proxies for prohibited grounds: facts that stand in for them. Configurable per deployment; the
 * default list names the usual ones. (A destination that happens to be a religious site is not a proxy:
 * it is a place, and `route.destination` stays allowed.)
 */
export const DEFAULT_PROXY_FIELDS: Record<string, string> = {
  "traveller.nameOrigin": "ethnic origin (a name-origin classifier)",
  "traveller.language": "language, a proxy for ethnic or national origin",
  "traveller.mealPreference": "religion or belief (meal requests)",
  "traveller.placeOfWorship": "religion or belief",
  "traveller.skinTone": "race or colour",
};

const PERSONAL = new Set<Field>(["traveller.sex", "traveller.age"]);

export interface GuardResult {
  ok: boolean;
  reasons: string[];
}

function fieldsOf(c: Condition, out: Set<string>): Set<string> {
  if ("all" in c) for (const x of c.all) fieldsOf(x, out);
  else if ("any" in c) for (const x of c.any) fieldsOf(x, out);
  else if ("not" in c) fieldsOf(c.not, out);
  else out.add(c.field);
  return out;
}

function shapeErrors(c: unknown, path: string, out: string[]): void {
  if (!c || typeof c !== "object" || Array.isArray(c)) {
    out.push(`${path}: a condition must be an object`);
    return;
  }
  const o = c as Record<string, unknown>;
  if ("all" in o || "any" in o) {
    const list = (o.all ?? o.any) as unknown;
    if (!Array.isArray(list) || list.length === 0) out.push(`${path}: all/any needs a non-empty list`);
    else {
      for (const [i, x] of list.entries()) shapeErrors(x, `${path}.${"all" in o ? "all" : "any"}[${i}]`, out);
    }
    return;
  }
  if ("not" in o) {
    shapeErrors(o.not, `${path}.not`, out);
    return;
  }
  if (typeof o.field !== "string") {
    out.push(`${path}: a test needs a field`);
    return;
  }
  if (!(OPERATORS as readonly string[]).includes(o.op as string))
    out.push(`${path}: unknown operator "${String(o.op)}"`);
  if (o.op !== "exists" && !("value" in o)) out.push(`${path}: operator "${String(o.op)}" needs a value`);
}

/** Checks a rule before it is saved; `reasons` explain every refusal in words an author can act on. */
export function checkRule(rule: Rule, proxies: Record<string, string> = DEFAULT_PROXY_FIELDS): GuardResult {
  const reasons: string[] = [];
  for (const [key, label] of [
    ["owner", "an owner"],
    ["justification", "a written justification"],
    ["evidence", "an evidence reference"],
  ] as const) {
    if (!rule[key] || rule[key].trim().length < (key === "justification" ? 20 : 2))
      reasons.push(`the rule needs ${label}`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(rule.reviewDate ?? ""))
    reasons.push("the rule needs a review date (YYYY-MM-DD)");
  const shape: string[] = [];
  shapeErrors(rule.condition, "condition", shape);
  reasons.push(...shape);
  if (shape.length > 0) return { ok: false, reasons };

  const fields = fieldsOf(rule.condition, new Set());
  for (const f of fields) {
    if (PROHIBITED_FIELDS[f])
      reasons.push(`"${f}" tests ${PROHIBITED_FIELDS[f]}, a prohibited ground (ETIAS Art. 14; UNSCR 2396)`);
    else if (proxies[f]) reasons.push(`"${f}" is a proxy for ${proxies[f]}, a prohibited ground`);
    else if (!(f in FIELDS))
      reasons.push(`"${f}" is not a known fact; known facts: ${Object.keys(FIELDS).join(", ")}`);
  }
  if (reasons.length > 0) return { ok: false, reasons };

  const others = [...fields].filter((f) => !PERSONAL.has(f as Field) && f !== "traveller.nationality");
  if (fields.size === 1 && fields.has("traveller.nationality")) {
    reasons.push(
      "nationality alone is not a risk indicator: it would select people for their national origin",
    );
  } else if ([...fields].some((f) => PERSONAL.has(f as Field)) && others.length === 0) {
    reasons.push(
      "sex or age may not be a condition alone, or with only nationality: add a behavioural or travel fact",
    );
  }
  return { ok: reasons.length === 0, reasons };
}
