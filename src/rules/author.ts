// Authoring rules: the guard's verdict for immediate feedback, a new rule, and an edit, which is always the
// next version. A refused rule is audited as denied; a saved one with its audit entry in one transaction.
import { randomUUID } from "node:crypto";
import type { Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import { isUniqueViolation } from "../db/index.js";
import { ConflictError, InvalidError, NotFoundError } from "../shared/errors.js";
import { need, type RuleDeps, type RuleInput, toRule } from "./common.js";
import type { GuardResult } from "./guard.js";
import { guardVerdict } from "./guarded.js";
import type { Rule } from "./model.js";
import { insertRule, type RuleRow, versionsOf } from "./store.js";

/** The guard's verdict without saving: for the author's immediate feedback. */
export async function checkDraft(deps: RuleDeps, p: Principal, input: RuleInput): Promise<GuardResult> {
  need(p, "rules:author");
  const verdict = await guardVerdict(deps, p.agency, input);
  // Too deep or too large to judge is a malformed request, not a verdict.
  if (verdict.tooComplex)
    throw new InvalidError(
      `rule rejected: ${verdict.reasons.at(-1)}`,
      { reasons: verdict.reasons },
      "rule_rejected",
      {
        reason: verdict.reasons.at(-1) ?? "",
      },
    );
  return verdict;
}

interface Saving {
  id: string;
  version: number;
  action: "rule.create" | "rule.update";
  purpose: string | undefined;
}

/** A refused rule is on the record too: oversight can see what was attempted. */
async function refuseRule(
  deps: RuleDeps,
  p: Principal,
  s: Saving,
  input: RuleInput,
  reasons: string[],
): Promise<never> {
  await deps.db.kysely.transaction().execute((trx) =>
    appendAudit(trx, {
      actor: p,
      action: "rule.rejected",
      objectType: "rule",
      objectId: s.id,
      ...(s.purpose ? { purpose: s.purpose } : {}),
      outcome: "denied",
      details: { name: input.name, reasons },
    }),
  );
  throw new InvalidError(`rule rejected: ${reasons[0]}`, { reasons }, "rule_rejected", {
    reason: reasons[0] ?? "",
  });
}

function rowOf(deps: RuleDeps, p: Principal, s: Saving, input: RuleInput): RuleRow {
  return {
    id: s.id,
    version: s.version,
    agency: p.agency,
    name: input.name,
    owner: input.owner,
    justification: input.justification,
    evidence: input.evidence,
    review_date: input.reviewDate,
    priority: input.priority,
    action: input.action,
    condition: JSON.stringify(input.condition),
    created_by: p.username,
    created_at: deps.now().toISOString(),
  };
}

async function save(deps: RuleDeps, p: Principal, s: Saving, input: RuleInput): Promise<Rule> {
  const verdict = await guardVerdict(deps, p.agency, input);
  if (!verdict.ok) return refuseRule(deps, p, s, input, verdict.reasons);
  const row = rowOf(deps, p, s, input);
  try {
    await deps.db.kysely.transaction().execute(async (trx) => {
      await insertRule(trx, row);
      await appendAudit(trx, {
        actor: p,
        action: s.action,
        objectType: "rule",
        objectId: s.id,
        ...(s.purpose ? { purpose: s.purpose } : {}),
        outcome: "success",
        details: { version: s.version, name: input.name },
      });
    });
  } catch (err) {
    // Two authors editing at once both claim the next version: the second must reread, not overwrite.
    if (isUniqueViolation(err))
      throw new ConflictError(
        `rule ${s.id} version ${s.version} was saved meanwhile`,
        undefined,
        "rule_saved_meanwhile",
        { id: s.id, version: s.version },
      );
    throw err;
  }
  return toRule(row);
}

export async function createRule(deps: RuleDeps, p: Principal, input: RuleInput, purpose?: string) {
  need(p, "rules:author");
  return save(deps, p, { id: randomUUID(), version: 1, action: "rule.create", purpose }, input);
}

/** An edit never overwrites: it is the next version, and the old one stays for the record. */
export async function updateRule(
  deps: RuleDeps,
  p: Principal,
  id: string,
  input: RuleInput,
  purpose?: string,
) {
  need(p, "rules:author");
  const [current] = await versionsOf(deps.db.kysely, p.agency, id);
  if (!current) throw new NotFoundError(`rule ${id} not found`, undefined, "rule_not_found", { id });
  return save(deps, p, { id, version: Number(current.version) + 1, action: "rule.update", purpose }, input);
}
