// Public surface of risk rules: the language, the prohibited-grounds guard and evaluation.
export { fires, matches } from "./evaluate.js";
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
