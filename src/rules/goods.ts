// The goods fact set: what a rule may test about a consignment (issue 17). Goods rules are written in the
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
