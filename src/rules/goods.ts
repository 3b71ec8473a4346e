// The goods fact set: what a rule may test about a consignment, a cash record or a firearm (issue 17). Goods rules are written in the
// same language as traveller rules (conditions and operators of model.ts, evaluated by evaluate.ts's
// table), but over these fields only: a goods rule cannot name a fact about a person, so the guard's
// review of prohibited grounds (guard.ts) still covers every rule that can test one.
import { holds } from "./evaluate.js";
import type { Condition, Rule } from "./model.js";

export const GOODS_FIELDS = {
  /** HS chapters (two digits) of the consignment's goods. */
  "goods.hsChapters": "string[]",
  /** Goods in a chapter that is sensitive in itself: 93 arms and ammunition, 36 explosives. */
  "goods.sensitiveChapter": "boolean",
  /** A code on the configured drug-precursor list. */
  "goods.precursor": "boolean",
  /** A code on the configured dual-use list. */
  "goods.dualUse": "boolean",
  /** A description naming the goods of another sensitive chapter than the code declared. */
  "goods.descriptionContradictsCode": "boolean",
  /** A declared code that the HS nomenclature does not hold. */
  "goods.unknownHsCode": "boolean",
  /** Containers whose ISO 6346 number is malformed or fails its check digit. */
  "container.invalidCount": "number",
  /** Ports of transshipment declared for the consignment. */
  "route.transshipment": "string[]",
  /** Transshipment through a port on the configured list. */
  "route.configuredTransshipment": "boolean",
  /** A party (consignor, consignee, notify, carrier) referred by list screening. */
  "party.listed": "boolean",
  /** The vessel referred by list screening (identifier or name). */
  "vessel.listed": "boolean",
  // Cash at the post (src/cash/facts.ts). Sums and kinds only: the carrier and owner are persons, and no
  // fact about them is in this set.
  /** The total in euros, at the rate of the day. */
  "cash.totalEur": "number",
  /** A declaration made by the carrier (true), or a control's finding (false). */
  "cash.declared": "boolean",
  /** A control found cash at or above the threshold that was not, or not fully, declared. */
  "cash.undeclared": "boolean",
  /** The control's finding: undeclared, incomplete, below_threshold or as_declared. */
  "cash.finding": "string",
  /** The total reaches the declaration threshold. */
  "cash.reachesThreshold": "boolean",
  /** Kinds carried: currency, bearer_instrument, gold, prepaid_card. */
  "cash.kinds": "string[]",
  /** ISO 4217 currencies carried. */
  "cash.currencies": "string[]",
  // A firearm checked at the post (src/firearms/facts.ts).
  /** The serial matched the lost, stolen or trafficked list. */
  "firearm.listed": "boolean",
  /** The statuses of the listed records it matched: lost, stolen, trafficked, smuggled. */
  "firearm.listedStatus": "string[]",
  /** The type as declared, lower case (pistol, assault rifle, …). */
  "firearm.type": "string",
  /** The serial is partly or wholly obliterated (as recorded, or unreadable characters in it). */
  "firearm.serialObliterated": "boolean",
  /** How many characters of the serial could not be read. */
  "firearm.unreadableCharacters": "number",
} as const;

export type GoodsField = keyof typeof GOODS_FIELDS;
export type GoodsFacts = Partial<Record<GoodsField, string | number | boolean | string[]>>;

/** A goods rule: a rule of the common language whose condition tests goods fields only. */
export type GoodsRule = Omit<Rule, "owner" | "evidence"> & { owner?: string; evidence?: string };

function fieldsOf(c: Condition): string[] {
  if ("all" in c) return c.all.flatMap(fieldsOf);
  if ("any" in c) return c.any.flatMap(fieldsOf);
  if ("not" in c) return fieldsOf(c.not);
  return [c.field];
}

/** The fields a goods rule names that are not goods facts; a rule with any is refused. */
export function nonGoodsFields(rule: Pick<GoodsRule, "condition">): string[] {
  return fieldsOf(rule.condition).filter((f) => !(f in GOODS_FIELDS));
}

function goodsMatch(c: Condition, facts: GoodsFacts): boolean {
  if ("all" in c) return c.all.every((x) => goodsMatch(x, facts));
  if ("any" in c) return c.any.some((x) => goodsMatch(x, facts));
  if ("not" in c) return !goodsMatch(c.not, facts);
  return holds(c.op, facts[c.field as GoodsField], c.value);
}

/** The goods rules that fire for one consignment's facts on `today`. */
export function evaluateGoodsRules(
  rules: readonly GoodsRule[],
  facts: GoodsFacts,
  today: string,
): GoodsRule[] {
  return rules.filter(
    (r) => today <= r.reviewDate && nonGoodsFields(r).length === 0 && goodsMatch(r.condition, facts),
  );
}

/** A fired goods rule as a reason on a goods alert: the rule named, its justification as evidence. */
export interface GoodsRuleHit {
  kind: "goods_rule";
  priority: GoodsRule["priority"];
  requestedAction: string;
  evidence: { ruleId: string; version: number; justification: string };
}

/** The goods rules that fire for `facts`, as reasons for a goods alert (cash, firearm checks). */
export function goodsRuleHits(rules: readonly GoodsRule[], facts: GoodsFacts, today: string): GoodsRuleHit[] {
  return evaluateGoodsRules(rules, facts, today).map((r) => ({
    kind: "goods_rule",
    priority: r.priority,
    requestedAction: `Risk rule "${r.name}": ${r.action === "refer" ? "review the check" : "note it"}`,
    evidence: { ruleId: r.id, version: r.version, justification: r.justification },
  }));
}
