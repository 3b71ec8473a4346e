// A rule's statistics: hits, alerts and their outcomes, and the fairness report (audited).
import type { Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import { NotFoundError } from "../shared/errors.js";
import { need, type RuleDeps } from "./common.js";
import { fairnessReport } from "./fairness.js";
import { alertOutcomes, hitCells, versionsOf } from "./store.js";

/**
 * Hits, alerts and their outcomes, and the fairness report over the population the agency screened since
 * the rule's first version. A hit counts when its screened traveller is on record, so that hits and
 * population are the same people.
 */
export async function ruleStats(deps: RuleDeps, p: Principal, id: string, purpose?: string) {
  need(p, "rules:stats");
  const { db } = deps;
  const rows = await versionsOf(db.kysely, p.agency, id);
  const first = rows.at(-1);
  if (!first) throw new NotFoundError(`rule ${id} not found`, undefined, "rule_not_found", { id });
  const report = fairnessReport(await hitCells(db.kysely, p.agency, id, first.created_at));
  const { alerts, outcomes } = await alertOutcomes(db.kysely, p.agency, id);
  const count = (outcome: string) => [...outcomes.values()].filter((o) => o === outcome).length;
  await db.kysely.transaction().execute((trx) =>
    appendAudit(trx, {
      actor: p,
      action: "rule.stats",
      objectType: "rule",
      objectId: id,
      ...(purpose ? { purpose } : {}),
      outcome: "success",
    }),
  );
  return {
    ruleId: id,
    version: Number(rows[0]!.version),
    since: first.created_at,
    alerts,
    confirmed: count("confirmed"),
    falsePositives: count("cleared_false_positive"),
    ...report,
  };
}
