// Taking an open alert into review, and closing a decided one, each audited in its transaction.
import type { Principal } from "../access/index.js";
import { ConflictError, InvalidError } from "../shared/errors.js";
import { canMove } from "./lifecycle.js";
import { type ReviewDeps, startReview } from "./review.js";
import { auditAlert, insertDecision, loadAlert, setStatus } from "./store.js";

export async function takeIntoReview(deps: ReviewDeps, p: Principal, id: string, purpose: string) {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const row = await loadAlert(trx, p, id);
    if (row.status !== "open")
      throw new ConflictError(
        `alert ${row.reference} is already ${row.status}`,
        undefined,
        "alert_not_open",
        {
          alert: row.reference,
          status: row.status,
        },
      );
    await startReview(trx, p, row, purpose, deps.now().toISOString());
    return { id, status: "in_review" as const };
  });
}

export async function closeAlert(
  deps: ReviewDeps,
  p: Principal,
  id: string,
  input: { reason: string; purpose: string },
) {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const row = await loadAlert(trx, p, id);
    if (!canMove(row.status, "closed"))
      throw new ConflictError(
        `an alert that is ${row.status} cannot be closed: decide it first`,
        undefined,
        "alert_not_closable",
        { status: row.status },
      );
    if (input.reason.trim().length < 20)
      throw new InvalidError(
        "a reason of at least 20 characters is required",
        {
          errors: [{ code: "reason_required", message: "a reason of at least 20 characters is required" }],
        },
        "reason_required",
        { min: 20 },
      );
    const at = deps.now().toISOString();
    const decisionId = await insertDecision(trx, p, id, at, {
      status: "recorded",
      outcome: "closed",
      adverse_action: null,
      reason: input.reason,
      legal_basis: "",
    });
    await setStatus(trx, id, "closed", at);
    await auditAlert(trx, p, "alert.close", id, input.purpose, { decisionId });
    return { id, status: "closed" as const };
  });
}
