// The alert queue: open and in-review alerts first by deadline, then the closed ones, a page at a time,
// each as the queue's summary line.
import type { Principal } from "../access/index.js";
import type { PageRequest } from "../db/index.js";
import type { Traveller } from "../travel/index.js";
import type { AlertStatus } from "./lifecycle.js";
import type { AlertReasons } from "./open.js";
import type { ReviewDeps } from "./review.js";
import { type AlertRow, OPEN_STATUSES, queuePage } from "./store.js";
import type { Priority } from "./triage.js";

export interface AlertFilter {
  status?: AlertStatus;
  /** Only the work still to do: open and in review. */
  open?: boolean;
  crossingPointId?: string;
  overdue?: boolean;
}

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

export function summary(row: AlertRow, now: Date) {
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

/**
 * The queue, a page at a time: open and in-review alerts first, by deadline (so overdue ones lead),
 * then the closed ones; `total` counts every alert the filter matches.
 */
export async function listAlerts(
  deps: ReviewDeps,
  p: Principal,
  filter: AlertFilter = {},
  page: PageRequest = { limit: ALERT_PAGE.default },
) {
  const at = deps.now();
  const { overdue, ...rest } = filter;
  const rows = await queuePage(
    deps.db.kysely,
    p.agency,
    { ...rest, ...(overdue ? { overdueAt: at.toISOString() } : {}) },
    page,
  );
  return {
    alerts: rows.items.map((r) => summary(r, at)),
    total: rows.total,
    nextCursor: rows.nextCursor,
  };
}
