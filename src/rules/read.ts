// Reading rules: the page of newest versions, one rule with its versions, and the rules that fire today.
import type { Principal } from "../access/index.js";
import type { PageRequest } from "../db/index.js";
import { NotFoundError } from "../shared/errors.js";
import { need, type RuleDeps, today, toRule } from "./common.js";
import type { Rule } from "./model.js";
import { latestVersionsPage, type RuleRow, versionsOf } from "./store.js";

/** Rules per page of the list: by default, and at most. */
export const RULE_PAGE = { default: 100, max: 500 } as const;

function latest(rows: RuleRow[]): RuleRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

/** The rules that fire today: the newest version of each, unless its review date has passed. */
export async function activeRules(
  deps: RuleDeps,
  agency: string,
  day: string = today(deps.now()),
): Promise<Rule[]> {
  return latest(await versionsOf(deps.db.kysely, agency))
    .filter((r) => r.review_date >= day)
    .map(toRule);
}

/** The newest version of each rule, a page at a time by id. */
export async function listRules(
  deps: RuleDeps,
  p: Principal,
  page: PageRequest = { limit: RULE_PAGE.default },
) {
  need(p, "rules:author", "rules:stats");
  const day = today(deps.now());
  const rows = await latestVersionsPage(deps.db.kysely, p.agency, page);
  return {
    rules: rows.items.map((r) => ({
      ...toRule(r),
      expired: r.review_date < day,
      updatedAt: r.created_at,
      updatedBy: r.created_by,
    })),
    total: rows.total,
    nextCursor: rows.nextCursor,
  };
}

export async function getRule(deps: RuleDeps, p: Principal, id: string) {
  need(p, "rules:author", "rules:stats");
  const rows = await versionsOf(deps.db.kysely, p.agency, id);
  if (rows.length === 0) throw new NotFoundError(`rule ${id} not found`, undefined, "rule_not_found", { id });
  return {
    rule: { ...toRule(rows[0]!), expired: rows[0]!.review_date < today(deps.now()) },
    versions: rows.map((r) => ({ ...toRule(r), createdAt: r.created_at, createdBy: r.created_by })),
  };
}
