// Alert review as use cases: the second line lists, reads and decides alerts; adverse actions wait for a
// second officer (four-eyes); refusal, return and removal wait for any open protection referral to close
// (non-refoulement), and so does a clearance of a terrorism-listed or high-priority match. Every step is
// audited in the transaction that makes it. Deciding and approving are use cases of their own
// (decide.ts, approve.ts); the queries are in store.ts.
import { sql } from "kysely";
import { can, type Principal } from "../access/index.js";
import { type Db, keysetPage, type PageRequest } from "../db/index.js";
import { ConflictError, ForbiddenError, InvalidError } from "../shared/errors.js";
import type { Traveller } from "../travel/index.js";
import { type Entity, getEntities } from "../watchlists/index.js";
import { type ApprovalInput, approve } from "./approve.js";
import { type DecisionInput, decide } from "./decide.js";
import { ADVERSE_ACTION_KIND, decisionHandler, GUARDED_CLEARANCE_KIND } from "./decision-approval.js";
import { DEFAULT_LEGAL_BASES } from "./legal-bases.js";
import { type AdverseAction, type AlertStatus, canMove } from "./lifecycle.js";
import type { AlertReasons } from "./open.js";
import { decisionView, type ProtectionCheck, type ReviewDeps } from "./review.js";
import { type AlertRow, auditAlert, insertDecision, loadAlert, setStatus, startReview } from "./store.js";
import type { Priority } from "./triage.js";

export const ADVERSE_ACTIONS: readonly AdverseAction[] = [
  "refusal_of_entry",
  "detention",
  "seizure",
  "return",
  "removal",
];

/** A clearance lasts a year unless the deployment says otherwise. */
export const DEFAULT_CLEARANCE_DAYS = 365;

export interface AlertFilter {
  status?: AlertStatus;
  /** Only the work still to do: open and in review. */
  open?: boolean;
  crossingPointId?: string;
  overdue?: boolean;
}

const OPEN_STATUSES: readonly AlertStatus[] = ["open", "in_review"];

/** Alerts per page of the queue: by default, and at most. */
export const ALERT_PAGE = { default: 50, max: 200 } as const;

/** The queue's line for the subject: the traveller, or a goods subject under its declared label. */
function travellerLine(row: AlertRow) {
  if (row.subject_kind !== "person") {
    const { label } = JSON.parse(row.traveller) as { label: string };
    return { surname: label, givenNames: "", birthDate: null, nationality: null };
  }
  const t = JSON.parse(row.traveller) as Traveller;
  return {
    surname: t.surname,
    givenNames: t.givenNames,
    birthDate: t.birthDate ?? null,
    nationality: t.nationality ?? null,
  };
}

function summary(row: AlertRow, now: Date) {
  const reasons = JSON.parse(row.reasons) as AlertReasons;
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    priority: row.priority as Priority,
    source: row.source,
    crossingPointId: row.crossing_point_id,
    createdAt: row.created_at,
    dueAt: row.due_at,
    overdue: OPEN_STATUSES.includes(row.status) && row.due_at < now.toISOString(),
    subjectKind: row.subject_kind,
    traveller: travellerLine(row),
    summary: {
      subjectHits: reasons.subjectHits?.length ?? 0,
      matches: reasons.matches.filter((m) => m.decision === "refer").length,
      documentHits: reasons.documentHits.length,
      ruleHits: reasons.ruleHits.length,
      topScore: reasons.matches.reduce((s, m) => Math.max(s, m.score), 0),
    },
  };
}

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

    /**
     * The queue, a page at a time: open and in-review alerts first, by deadline (so overdue ones lead),
     * then the closed ones; `total` counts every alert the filter matches.
     */
    async list(p: Principal, filter: AlertFilter = {}, page: PageRequest = { limit: ALERT_PAGE.default }) {
      mustReview(p);
      let q = db.kysely.selectFrom("alerts").selectAll().where("agency", "=", p.agency);
      if (filter.status) q = q.where("status", "=", filter.status);
      if (filter.open) q = q.where("status", "in", [...OPEN_STATUSES]);
      if (filter.crossingPointId) q = q.where("crossing_point_id", "=", filter.crossingPointId);
      const at = now();
      if (filter.overdue) {
        q = q.where("status", "in", [...OPEN_STATUSES]).where("due_at", "<", at.toISOString());
      }
      const closed = sql<number>`case when status in (${sql.join([...OPEN_STATUSES])}) then 0 else 1 end`;
      const rows = await keysetPage(
        q,
        [{ expr: closed }, { expr: "due_at" }, { expr: "id" }],
        (r) => [OPEN_STATUSES.includes(r.status) ? 0 : 1, r.due_at, r.id],
        page,
      );
      return {
        alerts: rows.items.map((r) => summary(r, at)),
        total: rows.total,
        nextCursor: rows.nextCursor,
      };
    },

    /** The reviewer's view: traveller beside the listed entities, the reasons, clearances and decisions. */
    async get(p: Principal, id: string, purpose: string) {
      mustReview(p);
      const row = await loadAlert(db.kysely, p, id);
      const reasons = JSON.parse(row.reasons) as AlertReasons;
      const [decisions, clearances, protection, entities] = await Promise.all([
        db.kysely
          .selectFrom("alert_decisions")
          .selectAll()
          .where("alert_id", "=", id)
          .orderBy("at")
          .execute(),
        db.kysely
          .selectFrom("clearances")
          .selectAll()
          .where("agency", "=", p.agency)
          .where("identity_key", "=", row.identity_key)
          .orderBy("created_at", "desc")
          .execute(),
        opts.protection.status(p.agency, { identityKey: row.identity_key, alertId: id }),
        getEntities(
          db,
          reasons.matches.map((m) => m.entityId),
        ),
      ]);
      await db.kysely.transaction().execute((trx) => auditAlert(trx, p, "alert.read", id, purpose));
      const at = now().toISOString();
      return {
        ...summary(row, now()),
        traveller: JSON.parse(row.traveller) as Traveller,
        matches: reasons.matches,
        entities: Object.fromEntries(entities) as Record<string, Entity>,
        documentHits: reasons.documentHits,
        ruleHits: reasons.ruleHits,
        requestedActions: reasons.requestedActions,
        programmes: reasons.programmes,
        previouslyCleared: reasons.previouslyCleared,
        subjectHits: reasons.subjectHits ?? [],
        clearances: clearances.map((c) => ({
          id: c.id,
          entityId: c.entity_id,
          reason: c.reason,
          createdBy: c.created_by,
          createdAt: c.created_at,
          expiresAt: c.expires_at,
          expired: c.expires_at <= at,
        })),
        protection,
        decisions: decisions.map(decisionView),
        legalBases,
      };
    },

    async review(p: Principal, id: string, purpose: string) {
      mustReview(p);
      return db.kysely.transaction().execute(async (trx) => {
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
        await startReview(trx, p, row, purpose, now().toISOString());
        return { id, status: "in_review" as const };
      });
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

    async close(p: Principal, id: string, input: { reason: string; purpose: string }) {
      mustReview(p);
      return db.kysely.transaction().execute(async (trx) => {
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
              errors: [
                { code: "reason_required", message: "a reason of at least 20 characters is required" },
              ],
            },
            "reason_required",
            { min: 20 },
          );
        const at = now().toISOString();
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
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
