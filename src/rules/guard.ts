// The prohibited-grounds guard, applied when a rule is written, so a discriminatory rule cannot be saved.
// It follows the ETIAS Regulation (EU) 2018/1240 (Art. 14 and 33: no screening rules based on sex, race,
// colour, ethnic or social origin, genetic features, language, religion or belief, political opinion,
// membership of a national minority, property, birth, disability, age or sexual orientation; sex and age
// never the sole basis) and UN Security Council Resolution 2396 ("without resorting to profiling based on
// discrimination").
import { DOMAINS, type Ground } from "./domains.js";
import { holds } from "./evaluate.js";
import { type Facts, FIELDS, type Field, type Rule } from "./model.js";
import { type Disjunct, disjunctsOf, type Literal, shapeErrors, sizeError } from "./normal.js";
import { type FactVerdict, judgeDisjunct } from "./selectivity.js";

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

/** The share of a population above which a disjunct's behavioural part is not what selects. */
export const DEFAULT_MAX_SHARE = 0.2;

/** Travellers to run a disjunct's behavioural part over: the agency's recent ones, or the synthetic set. */
export interface Population {
  label: string;
  facts: readonly Facts[];
}

export interface GuardOptions {
  proxies?: Record<string, string>;
  population?: Population;
  maxShare?: number;
}

export interface GuardResult {
  ok: boolean;
  reasons: string[];
  /** The condition is too deep or too large to judge at all. */
  tooComplex?: true;
}

const GROUND_WORDS: Record<Ground, string> = {
  nationality: "national origin",
  sex: "sex",
  age: "age",
};

const OP_WORDS: Record<string, string> = {
  eq: "=",
  neq: "≠",
  in: "in",
  nin: "not in",
  lt: "<",
  lte: "≤",
  gt: ">",
  gte: "≥",
  contains: "contains",
};

function describe(l: Literal): string {
  const t = l.test;
  const s =
    t.op === "exists" ? `${t.field} is known` : `${t.field} ${OP_WORDS[t.op]} ${JSON.stringify(t.value)}`;
  return l.negated ? `not (${s})` : s;
}

function fieldsOf(c: unknown, out: Set<string>): Set<string> {
  const o = c as Record<string, unknown>;
  if ("all" in o || "any" in o) for (const x of (o.all ?? o.any) as unknown[]) fieldsOf(x, out);
  else if ("not" in o) fieldsOf(o.not, out);
  else out.add(o.field as string);
  return out;
}

function metadataReasons(rule: Rule): string[] {
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
  return reasons;
}

function fieldReasons(fields: Set<string>, proxies: Record<string, string>): string[] {
  const reasons: string[] = [];
  for (const f of fields) {
    if (PROHIBITED_FIELDS[f])
      reasons.push(`"${f}" tests ${PROHIBITED_FIELDS[f]}, a prohibited ground (ETIAS Art. 14; UNSCR 2396)`);
    else if (proxies[f]) reasons.push(`"${f}" is a proxy for ${proxies[f]}, a prohibited ground`);
    else if (!(f in FIELDS))
      reasons.push(`"${f}" is not a known fact; known facts: ${Object.keys(FIELDS).join(", ")}`);
  }
  return reasons;
}

const pct = (x: number) => `${(x * 100).toFixed(x < 0.01 && x > 0 ? 2 : 1)}%`;

/** Why a fact's tests in a disjunct do not narrow it down, in words an author can act on. */
function whyNot(v: FactVerdict): string {
  if (v.share > 1e-9 && v.ofKnown <= 1e-9)
    return `the tests on ${v.field} match only travellers for whom it is not known, and missing data is not a risk indicator`;
  if (v.share <= 1e-9)
    return `the tests on ${v.field} can match no traveller (a value ${v.field} never takes, or tests that contradict each other)`;
  if (v.ofKnown >= 0.9)
    return `the tests on ${v.field} match ${pct(v.ofKnown)} of travellers for whom it is known, i.e. nearly everyone`;
  return `the tests on ${v.field} match about ${pct(v.share)} of all travellers`;
}

interface Alternative {
  name: string;
  disjunct: Disjunct;
  grounds: Ground[];
}

function nameOf(k: number, n: number, d: Disjunct): string {
  const text = d.map(describe).join(" and ");
  return n === 1 ? `the condition (${text})` : `alternative ${k + 1} of ${n} (${text})`;
}

/** The static judgement of each alternative way the rule fires; dead alternatives can never fire. */
function judgeAlternatives(disjuncts: Disjunct[], reasons: string[]): Alternative[] {
  const live: Alternative[] = [];
  for (const [k, d] of disjuncts.entries()) {
    const verdicts = judgeDisjunct(d);
    const grounds = verdicts.flatMap((v) => (v.ground ? [v.ground] : []));
    const name = nameOf(k, disjuncts.length, d);
    if (verdicts.some((v) => !v.satisfiable)) {
      // It cannot fire, but a protected test beside a test that can never hold is how a discriminatory
      // alternative is dressed up as harmless: refuse it rather than trust the evaluator to stay literal.
      if (grounds.length > 0)
        reasons.push(
          `${name} tests ${grounds.map((g) => GROUND_WORDS[g]).join(" and ")} beside tests that can never hold; ${verdicts
            .filter((v) => !v.satisfiable)
            .map(whyNot)
            .join("; ")}. Remove the alternative or correct its behavioural test`,
        );
      continue;
    }
    const behaviour = verdicts.filter((v) => !v.ground);
    live.push({ name, disjunct: d, grounds });
    if (behaviour.some((v) => v.selective)) continue;
    const why = behaviour.length
      ? `; ${behaviour.map(whyNot).join("; ")}`
      : grounds.length === 1 && grounds[0] === "nationality"
        ? "; nationality alone is not a risk indicator"
        : "";
    reasons.push(
      grounds.length
        ? `${name} selects by ${grounds.map((g) => GROUND_WORDS[g]).join(" and ")}: it would select people for their ${GROUND_WORDS[grounds[0]!]}, because it has no selective test on a behavioural or travel fact${why}. Nationality, sex and age may only stand beside such a test (ETIAS Art. 33)`
        : `${name} has no selective test on a behavioural or travel fact, so it would refer nearly everyone${why}`,
    );
  }
  if (live.length === 0 && disjuncts.length > 0)
    reasons.push(
      "the condition can never match: its tests contradict each other or use values the facts never take",
    );
  return live;
}

const GROUND_FIELDS = new Set(Object.entries(DOMAINS).flatMap(([field, d]) => (d.ground ? [field] : [])));

function behaviourShare(alternatives: readonly Alternative[], facts: readonly Facts[]): number {
  const parts = alternatives.map((a) => a.disjunct.filter((l) => !GROUND_FIELDS.has(l.test.field)));
  let n = 0;
  for (const f of facts) {
    const fires = parts.some((p) =>
      p.every((l) => holds(l.test.op, f[l.test.field as Field], l.test.value) !== l.negated),
    );
    if (fires) n++;
  }
  return facts.length ? n / facts.length : 0;
}

/**
 * The data check: apart from its test on a protected ground, an alternative must not select more than
 * `maxShare` of the population, or the ground is what selects. All such alternatives together too, so
 * splitting a broad pattern into many narrow alternatives does not get around it.
 */
function dataReasons(alternatives: readonly Alternative[], population: Population, maxShare: number) {
  const reasons: string[] = [];
  const grounded = alternatives.filter((a) => a.grounds.length > 0);
  const count = population.facts.length.toLocaleString("en");
  const tell = (who: string, grounds: Ground[], share: number) =>
    `${who} selects ${pct(share)} of the ${count} travellers in ${population.label} apart from its test on ${[...new Set(grounds)].join(" and ")} (more than ${pct(maxShare)}): it is selecting by ${GROUND_WORDS[grounds[0]!]}, not by behaviour. Narrow its behavioural or travel tests`;
  for (const a of grounded) {
    const share = behaviourShare([a], population.facts);
    if (share > maxShare) reasons.push(tell(a.name, a.grounds, share));
  }
  if (reasons.length === 0 && grounded.length > 1) {
    const share = behaviourShare(grounded, population.facts);
    if (share > maxShare)
      reasons.push(
        tell(
          `together, the ${grounded.length} alternatives that test a protected ground`,
          grounded.flatMap((a) => a.grounds),
          share,
        ),
      );
  }
  return reasons;
}

/** Checks a rule before it is saved; `reasons` explain every refusal in words an author can act on. */
export function checkRule(rule: Rule, opts: GuardOptions = {}): GuardResult {
  const reasons = metadataReasons(rule);
  const tooBig = sizeError(rule.condition);
  if (tooBig) return { ok: false, reasons: [...reasons, tooBig], tooComplex: true };
  const shape: string[] = [];
  shapeErrors(rule.condition, "condition", shape);
  reasons.push(...shape);
  if (shape.length > 0) return { ok: false, reasons };

  reasons.push(...fieldReasons(fieldsOf(rule.condition, new Set()), opts.proxies ?? DEFAULT_PROXY_FIELDS));
  if (reasons.length > 0) return { ok: false, reasons };

  const normal = disjunctsOf(rule.condition);
  if ("error" in normal) return { ok: false, reasons: [normal.error], tooComplex: true };
  const live = judgeAlternatives(normal.disjuncts, reasons);
  if (reasons.length === 0 && opts.population)
    reasons.push(...dataReasons(live, opts.population, opts.maxShare ?? DEFAULT_MAX_SHARE));
  return { ok: reasons.length === 0, reasons };
}
