// Public surface of risk rules: the language, the prohibited-grounds guard, facts, evaluation, storage
// with versions, and statistics with the fairness report.
export { evaluateRules, fires, matches, type RuleHit } from "./evaluate.js";
export { ageOn, factsFor, type TripContext } from "./facts.js";
export { type Cell, type FairnessReport, fairnessReport, MIN_GROUP, WARNING_LEVEL } from "./fairness.js";
export {
  evaluateGoodsRules,
  GOODS_FIELDS,
  type GoodsFacts,
  type GoodsField,
  type GoodsRule,
  type GoodsRuleHit,
  goodsRuleHits,
  nonGoodsFields,
} from "./goods.js";
export { checkRule, DEFAULT_PROXY_FIELDS, type GuardResult, PROHIBITED_FIELDS } from "./guard.js";
export {
  type Condition,
  type Facts,
  FIELDS,
  type Field,
  OPERATORS,
  type Operator,
  type Rule,
} from "./model.js";
export { createRuleService, RULE_PAGE, type RuleInput, type RuleService } from "./service.js";
