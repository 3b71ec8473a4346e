// Alert review as use cases: the second line lists, reads and decides alerts; adverse actions wait for a
// second officer (four-eyes); refusal, return and removal wait for any open protection referral to close
// (non-refoulement). Every step is audited in the transaction that makes it.
import { randomUUID } from "node:crypto";
import { type Kysely, sql, type Transaction } from "kysely";
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import { type Database, type Db, keysetPage, type PageRequest } from "../db/index.js";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../shared/errors.js";
import type { Traveller } from "../travel/index.js";
import { type Entity, getEntities } from "../watchlists/index.js";
import { DEFAULT_LEGAL_BASES } from "./legal-bases.js";
import {
  type AdverseAction,
  type AlertStatus,
  canMove,
  checkDecision,
  type DecisionError,
  type Outcome,
} from "./lifecycle.js";
import type { AlertReasons } from "./open.js";
import type { Priority } from "./triage.js";

/** What the alert service needs to know from protection (src/protection): is an adverse action barred? */
export interface ProtectionCheck {
  status(
    agency: string,
    who: { identityKey: string; alertId?: string },
    executor?: Kysely<Database>,
  ): Promise<{ barred: boolean; openReferrals: number }>;
}

export const ADVERSE_ACTIONS: readonly AdverseAction[] = [
  "refusal_of_entry",
  "detention",
  "seizure",
  "return",
  "removal",
];

/** A clearance lasts a year unless the deployment says otherwise. */
export const DEFAULT_CLEARANCE_DAYS = 365;

export interface DecisionInput {
  outcome: Outcome;
  reason: string;
  legalBasis: string;
  adverseAction?: AdverseAction;
  /** For a false positive: record a clearance so this identity is not stopped again for the same entity. */
  clearance?: boolean;
  purpose: string;
}

export interface AlertFilter {
  status?: AlertStatus;
  /** Only the work still to do: open and in review. */
  open?: boolean;
  crossingPointId?: string;
  overdue?: boolean;
}

type AlertRow = Database["alerts"];
type DecisionRow = Database["alert_decisions"];

const OPEN_STATUSES: readonly AlertStatus[] = ["open", "in_review"];

/** Alerts per page of the queue: by default, and at most. */
export const ALERT_PAGE = { default: 50, max: 200 } as const;

function summary(row: AlertRow, now: Date) {
  const t = JSON.parse(row.traveller) as Traveller;
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
    traveller: {
      surname: t.surname,
      givenNames: t.givenNames,
      birthDate: t.birthDate ?? null,
      nationality: t.nationality ?? null,
    },
    summary: {
      matches: reasons.matches.filter((m) => m.decision === "refer").length,
      documentHits: reasons.documentHits.length,
      ruleHits: reasons.ruleHits.length,
      topScore: reasons.matches.reduce((s, m) => Math.max(s, m.score), 0),
    },
  };
}

function decisionView(d: DecisionRow) {
  return {
    id: d.id,
    status: d.status,
    outcome: d.outcome,
    adverseAction: d.adverse_action,
    reason: d.reason,
    legalBasis: d.legal_basis,
    by: d.by_username,
    at: d.at,
    approvedBy: d.approved_by_username,
    approvedAt: d.approved_at,
  };
}

/** Domain refusals: those that a second attempt by someone else could fix are conflicts, the rest invalid. */
function refuse(errors: DecisionError[]): never {
  const details = { errors };
  const conflict = errors.find((e) => e.code === "protection_bar" || e.code === "same_officer");
  if (conflict) throw new ConflictError(conflict.message, details);
  throw new InvalidError(errors.map((e) => e.message).join("; "), details);
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

  function mustReview(p: Principal): void {
    if (!can(p, "alerts:review")) throw new ForbiddenError("this role cannot review alerts");
  }

  async function load(trx: Transaction<Database> | Db["kysely"], p: Principal, id: string) {
    const row = await trx
      .selectFrom("alerts")
      .selectAll()
      .where("id", "=", id)
      .where("agency", "=", p.agency)
      .executeTakeFirst();
    if (!row) throw new NotFoundError(`alert ${id} not found`);
    return row;
  }

  async function setStatus(trx: Transaction<Database>, id: string, status: AlertStatus, at: string) {
    await trx.updateTable("alerts").set({ status, updated_at: at }).where("id", "=", id).execute();
  }

  /** An alert still open is taken into review by the first officer who acts on it. */
  async function startReview(trx: Transaction<Database>, p: Principal, row: AlertRow, purpose: string) {
    if (row.status !== "open") return row.status;
    const at = now().toISOString();
    await setStatus(trx, row.id, "in_review", at);
    await appendAudit(trx, {
      actor: p,
      action: "alert.review",
      objectType: "alert",
      objectId: row.id,
      purpose,
      outcome: "success",
    });
    return "in_review" as const;
  }

  async function audit(
    trx: Transaction<Database>,
    p: Principal,
    action: string,
    id: string,
    purpose: string,
    details?: Record<string, unknown>,
  ) {
    await appendAudit(trx, {
      actor: p,
      action,
      objectType: "alert",
      objectId: id,
      purpose,
      outcome: "success",
      ...(details ? { details } : {}),
    });
  }

  return {
    legalBases,

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
      const row = await load(db.kysely, p, id);
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
      await db.kysely.transaction().execute((trx) => audit(trx, p, "alert.read", id, purpose));
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
        const row = await load(trx, p, id);
        if (row.status !== "open") throw new ConflictError(`alert ${row.reference} is already ${row.status}`);
        await startReview(trx, p, row, purpose);
        return { id, status: "in_review" as const };
      });
    },

    /**
     * Records a decision. An adverse action is only proposed: it waits for a second officer (202), and a
     * refusal, return or removal is refused outright while a protection referral is open.
     */
    async decide(p: Principal, id: string, input: DecisionInput) {
      mustReview(p);
      if (input.adverseAction && input.outcome !== "confirmed")
        throw new InvalidError("an adverse action is recorded only with a confirmed match");
      if (input.clearance && input.outcome !== "cleared_false_positive")
        throw new InvalidError("a clearance is recorded only with a false positive");
      let denied: DecisionError[] = [];
      const result = await db.kysely.transaction().execute(async (trx) => {
        const row = await load(trx, p, id);
        const protection = await opts.protection.status(
          p.agency,
          {
            identityKey: row.identity_key,
            alertId: id,
          },
          trx,
        );
        const at = now().toISOString();
        const decision = {
          by: p.userId,
          at,
          outcome: input.outcome,
          reason: input.reason,
          legalBasis: input.legalBasis,
          ...(input.adverseAction ? { adverseAction: input.adverseAction } : {}),
        };
        const status = row.status === "open" ? "in_review" : row.status;
        // The missing approval is what the two-step flow supplies; every other error stops here.
        const errors = checkDecision(status, decision, {
          legalBases,
          protection: { open: protection.barred },
        }).filter((e) => e.code !== "second_officer_required");
        if (errors.length > 0) {
          if (errors.some((e) => e.code === "protection_bar")) {
            await appendAudit(trx, {
              actor: p,
              action: "alert.decision",
              objectType: "alert",
              objectId: id,
              purpose: input.purpose,
              outcome: "denied",
              details: {
                outcome: input.outcome,
                adverseAction: input.adverseAction,
                bar: "non-refoulement",
              },
            });
            // The denial is kept even though the decision is not: refused once this commits.
            denied = errors;
            return undefined;
          }
          refuse(errors);
        }
        await startReview(trx, p, row, input.purpose);
        // A new decision replaces a proposal still waiting for approval.
        await trx
          .updateTable("alert_decisions")
          .set({ status: "withdrawn" })
          .where("alert_id", "=", id)
          .where("status", "=", "pending_approval")
          .execute();
        const pending = input.adverseAction !== undefined;
        const decisionId = await insertDecision(trx, p, id, at, {
          status: pending ? "pending_approval" : "recorded",
          outcome: input.outcome,
          adverse_action: input.adverseAction ?? null,
          reason: input.reason,
          legal_basis: input.legalBasis,
        });
        if (!pending) await setStatus(trx, id, input.outcome, at);
        let clearanceIds: string[] = [];
        if (input.clearance) clearanceIds = await recordClearances(trx, p, row, input.reason, at);
        await audit(trx, p, pending ? "alert.decision.proposed" : "alert.decision", id, input.purpose, {
          decisionId,
          outcome: input.outcome,
          ...(input.adverseAction ? { adverseAction: input.adverseAction } : {}),
          ...(clearanceIds.length ? { clearances: clearanceIds } : {}),
        });
        const saved = await trx
          .selectFrom("alert_decisions")
          .selectAll()
          .where("id", "=", decisionId)
          .executeTakeFirstOrThrow();
        return {
          status: pending ? ("in_review" as const) : input.outcome,
          decision: decisionView(saved),
          clearances: clearanceIds,
          ...(pending
            ? {
                message: `${input.adverseAction!.replaceAll("_", " ")} needs a second officer's approval before it takes effect`,
              }
            : {}),
        };
      });
      if (!result) refuse(denied);
      return result;
    },

    /** The second officer approves a proposed adverse action; it then takes effect. */
    async approve(p: Principal, id: string, decisionId: string, purpose: string) {
      mustReview(p);
      let denied: DecisionError[] = [];
      const result = await db.kysely.transaction().execute(async (trx) => {
        const row = await load(trx, p, id);
        const d = await trx
          .selectFrom("alert_decisions")
          .selectAll()
          .where("id", "=", decisionId)
          .where("alert_id", "=", id)
          .executeTakeFirst();
        if (!d) throw new NotFoundError(`decision ${decisionId} not found on alert ${row.reference}`);
        if (d.status !== "pending_approval")
          throw new ConflictError(`decision ${decisionId} is ${d.status}, not waiting for approval`);
        const protection = await opts.protection.status(
          p.agency,
          {
            identityKey: row.identity_key,
            alertId: id,
          },
          trx,
        );
        const errors = checkDecision(
          row.status,
          {
            by: d.by_user_id,
            at: d.at,
            outcome: d.outcome as Outcome,
            reason: d.reason,
            legalBasis: d.legal_basis,
            adverseAction: d.adverse_action as AdverseAction,
            approvedBy: p.userId,
          },
          { legalBases, protection: { open: protection.barred } },
        );
        if (errors.some((e) => e.code === "protection_bar")) {
          await appendAudit(trx, {
            actor: p,
            action: "alert.decision.approve",
            objectType: "alert",
            objectId: id,
            purpose,
            outcome: "denied",
            details: { decisionId, bar: "non-refoulement" },
          });
          denied = errors;
          return undefined;
        }
        if (errors.length > 0) refuse(errors);
        const at = now().toISOString();
        await trx
          .updateTable("alert_decisions")
          .set({
            status: "recorded",
            approved_by_user_id: p.userId,
            approved_by_username: p.username,
            approved_at: at,
          })
          .where("id", "=", decisionId)
          .execute();
        await setStatus(trx, id, d.outcome as AlertStatus, at);
        await audit(trx, p, "alert.decision.approve", id, purpose, {
          decisionId,
          adverseAction: d.adverse_action,
        });
        const saved = await trx
          .selectFrom("alert_decisions")
          .selectAll()
          .where("id", "=", decisionId)
          .executeTakeFirstOrThrow();
        return { status: d.outcome as AlertStatus, decision: decisionView(saved) };
      });
      if (!result) refuse(denied);
      return result;
    },

    async close(p: Principal, id: string, input: { reason: string; purpose: string }) {
      mustReview(p);
      return db.kysely.transaction().execute(async (trx) => {
        const row = await load(trx, p, id);
        if (!canMove(row.status, "closed"))
          throw new ConflictError(`an alert that is ${row.status} cannot be closed: decide it first`);
        if (input.reason.trim().length < 20)
          throw new InvalidError("a reason of at least 20 characters is required", {
            errors: [{ code: "reason_required", message: "a reason of at least 20 characters is required" }],
          });
        const at = now().toISOString();
        const decisionId = await insertDecision(trx, p, id, at, {
          status: "recorded",
          outcome: "closed",
          adverse_action: null,
          reason: input.reason,
          legal_basis: "",
        });
        await setStatus(trx, id, "closed", at);
        await audit(trx, p, "alert.close", id, input.purpose, { decisionId });
        return { id, status: "closed" as const };
      });
    },
  };

  /** A decision row by `p`; approval fields are filled in by `approve`. */
  async function insertDecision(
    trx: Transaction<Database>,
    p: Principal,
    alertId: string,
    at: string,
    d: Pick<DecisionRow, "status" | "outcome" | "adverse_action" | "reason" | "legal_basis">,
  ): Promise<string> {
    const id = randomUUID();
    await trx
      .insertInto("alert_decisions")
      .values({
        ...d,
        id,
        alert_id: alertId,
        reason: d.reason.trim(),
        by_user_id: p.userId,
        by_username: p.username,
        at,
        approved_by_user_id: null,
        approved_by_username: null,
        approved_at: null,
      })
      .execute();
    return id;
  }

  /** One clearance per listed entity the alert matched at refer level, for this exact identity. */
  async function recordClearances(
    trx: Transaction<Database>,
    p: Principal,
    row: AlertRow,
    reason: string,
    at: string,
  ): Promise<string[]> {
    const reasons = JSON.parse(row.reasons) as AlertReasons;
    const entityIds = [
      ...new Set(reasons.matches.filter((m) => m.decision === "refer").map((m) => m.entityId)),
    ];
    if (entityIds.length === 0) throw new InvalidError("this alert has no watchlist match to clear");
    const expires = new Date(Date.parse(at) + clearanceDays * 86_400_000).toISOString();
    const ids: string[] = [];
    for (const entityId of entityIds) {
      const id = randomUUID();
      ids.push(id);
      await trx
        .insertInto("clearances")
        .values({
          id,
          agency: p.agency,
          identity_key: row.identity_key,
          entity_id: entityId,
          alert_id: row.id,
          reason: reason.trim(),
          created_by: p.username,
          created_at: at,
          expires_at: expires,
        })
        .execute();
    }
    return ids;
  }
}

export type AlertService = ReturnType<typeof createAlertService>;
