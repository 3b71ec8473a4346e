// What the rule use cases share: their dependencies, the permission check, and the row as a rule.
import { can, type Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import { ForbiddenError } from "../shared/errors.js";
import type { Condition, Rule } from "./model.js";
import type { RuleRow } from "./store.js";

export interface RuleDeps {
  db: Db;
  now: () => Date;
  proxies: Record<string, string>;
  maxShare?: number;
}

export const DAY = 86_400_000;

/** What an author writes; id and version are the service's. */
export type RuleInput = Omit<Rule, "id" | "version">;

export function toRule(r: RuleRow): Rule {
  return {
    id: r.id,
    version: Number(r.version),
    name: r.name,
    owner: r.owner,
    justification: r.justification,
    evidence: r.evidence,
    reviewDate: r.review_date,
    priority: r.priority,
    action: r.action,
    condition: JSON.parse(r.condition) as Condition,
  };
}

export function today(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function need(p: Principal, ...perms: ("rules:author" | "rules:stats")[]) {
  if (!perms.some((x) => can(p, x)))
    throw new ForbiddenError(
      `permission ${perms.map((x) => `"${x}"`).join(" or ")} required`,
      undefined,
      "permission_denied",
      {
        permission: perms.join(" or "),
      },
    );
}
