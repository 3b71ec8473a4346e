// Alert review as use cases: the second line lists, reads and decides alerts; adverse actions wait for a
// second officer (four-eyes); refusal, return and removal wait for any open protection referral to close
// (non-refoulement), and so does a clearance of a terrorism-listed or high-priority match. Every step is
// audited in the transaction that makes it. Deciding and approving are use cases of their own
// (queue.ts, detail.ts, review-status.ts, decide.ts, approve.ts); the queries are in store.ts.
import { can, type Principal } from "../access/index.js";
import type { Db, PageRequest } from "../db/index.js";
import { ForbiddenError } from "../shared/errors.js";
import { type ApprovalInput, approve } from "./approve.js";
import { type DecisionInput, decide } from "./decide.js";
import { ADVERSE_ACTION_KIND, decisionHandler, GUARDED_CLEARANCE_KIND } from "./decision-approval.js";
import { alertDetail } from "./detail.js";
import { DEFAULT_LEGAL_BASES } from "./legal-bases.js";
import type { AdverseAction } from "./lifecycle.js";
import { ALERT_PAGE, type AlertFilter, listAlerts } from "./queue.js";
import type { ProtectionCheck, ReviewDeps } from "./review.js";
import { closeAlert, takeIntoReview } from "./review-status.js";

export const ADVERSE_ACTIONS: readonly AdverseAction[] = [
  "refusal_of_entry",
  "detention",
  "seizure",
  "return",
  "removal",
];

/** A clearance lasts a year unless the deployment says otherwise. */
export const DEFAULT_CLEARANCE_DAYS = 365;

export { ALERT_PAGE, type AlertFilter } from "./queue.js";

export function createAlertService(
  db: Db,
  opts: {
    protection: ProtectionCheck;
    now?: () => Date;
    legalBases?: readonly string[];
    clearanceDays?: number;
  },
) {
  const now = opts.now ?? (() => new Date());
  const legalBases = opts.legalBases ?? DEFAULT_LEGAL_BASES;
  const clearanceDays = opts.clearanceDays ?? DEFAULT_CLEARANCE_DAYS;
  const deps: ReviewDeps = { db, protection: opts.protection, now, legalBases, clearanceDays };

  function mustReview(p: Principal): void {
    if (!can(p, "alerts:review"))
      throw new ForbiddenError("this role cannot review alerts", undefined, "permission_denied", {
        permission: "alerts:review",
      });
  }

  // Both kinds of alert approval carry the decision out the same way (decision-approval.ts).
  const handler = decisionHandler(deps);
  return {
    legalBases,
    /** Registered with the approvals at composition: decided from the approvals queue, too. */
    approvalHandlers: { [ADVERSE_ACTION_KIND]: handler, [GUARDED_CLEARANCE_KIND]: handler },

    /** See queue.ts: open and in-review alerts first, by deadline, then the closed ones. */
    list(p: Principal, filter: AlertFilter = {}, page: PageRequest = { limit: ALERT_PAGE.default }) {
      mustReview(p);
      return listAlerts(deps, p, filter, page);
    },

    /** See detail.ts: the reviewer's view, audited. */
    get(p: Principal, id: string, purpose: string) {
      mustReview(p);
      return alertDetail(deps, p, id, purpose);
    },

    review(p: Principal, id: string, purpose: string) {
      mustReview(p);
      return takeIntoReview(deps, p, id, purpose);
    },

    /** See decide.ts: adverse actions and guarded clearances wait for a second officer. */
    decide(p: Principal, id: string, input: DecisionInput) {
      mustReview(p);
      return decide(deps, p, id, input);
    },

    /** See approve.ts: the second officer approves; the action or clearance then takes effect. */
    approve(p: Principal, id: string, decisionId: string, input: ApprovalInput) {
      mustReview(p);
      return approve(deps, p, id, decisionId, input);
    },

    close(p: Principal, id: string, input: { reason: string; purpose: string }) {
      mustReview(p);
      return closeAlert(deps, p, id, input);
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
