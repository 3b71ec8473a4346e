// Risk rules as use cases: analysts write them through the prohibited-grounds guard, every edit is a new
// version, expired rules stop firing, and analysts and auditors read each rule's statistics and fairness
// report. Rules are scoped to the author's agency. Each use case is in its own file (author.ts, read.ts,
// run.ts, stats.ts); this binds them to a database.
import type { Principal } from "../access/index.js";
import type { Db, PageRequest } from "../db/index.js";
import type { Leg, Traveller } from "../travel/index.js";
import { checkDraft, createRule, updateRule } from "./author.js";
import type { RuleDeps, RuleInput } from "./common.js";
import { DEFAULT_PROXY_FIELDS } from "./guard.js";
import { activeRules, getRule, listRules } from "./read.js";
import { runRules } from "./run.js";
import { ruleStats } from "./stats.js";

export type { RuleInput } from "./common.js";
export { RULE_PAGE } from "./read.js";

export function createRuleService(
  db: Db,
  opts: { now?: () => Date; proxyFields?: Record<string, string>; maxShare?: number } = {},
) {
  const deps: RuleDeps = {
    db,
    now: opts.now ?? (() => new Date()),
    proxies: opts.proxyFields ?? DEFAULT_PROXY_FIELDS,
    ...(opts.maxShare !== undefined ? { maxShare: opts.maxShare } : {}),
  };
  return {
    check: (p: Principal, input: RuleInput) => checkDraft(deps, p, input),
    create: (p: Principal, input: RuleInput, purpose?: string) => createRule(deps, p, input, purpose),
    update: (p: Principal, id: string, input: RuleInput, purpose?: string) =>
      updateRule(deps, p, id, input, purpose),
    list: (p: Principal, page?: PageRequest) => listRules(deps, p, page),
    get: (p: Principal, id: string) => getRule(deps, p, id),
    active: (agency: string, day?: string) => activeRules(deps, agency, day),
    /** See run.ts: after watchlist screening, each person's hits and depersonalised facts. */
    run: (
      agency: string,
      travellers: readonly Traveller[],
      trip: { legs?: readonly Leg[]; refers: readonly boolean[] },
    ) => runRules(deps, agency, travellers, trip),
    stats: (p: Principal, id: string, purpose?: string) => ruleStats(deps, p, id, purpose),
  };
}

export type RuleService = ReturnType<typeof createRuleService>;
