// Reading follow-ups: the partner requests queue on the answering node, and the follow-ups of one check
// (with the data received, until it expires) on the asking node.
import { can, type Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import { ForbiddenError, NotFoundError } from "../shared/errors.js";
import { type FollowUpRow, followUps, getQuery } from "./store.js";

export interface FollowUpView {
  id: string;
  partnerNodeId: string;
  queryRequestId: string;
  reason: string;
  legalBasis: string;
  categories: string[];
  status: string;
  decidedBy: string | null;
  decisionReason: string | null;
  returnedCategories: string[];
  /** Asking side: the records received, until `expiresAt`. */
  data: unknown[] | null;
  expiresAt: string | null;
  createdAt: string;
}

const view = (r: FollowUpRow): FollowUpView => ({
  id: r.id,
  partnerNodeId: r.partner_node_id,
  queryRequestId: r.query_request_id,
  reason: r.reason,
  legalBasis: r.legal_basis,
  categories: JSON.parse(r.categories) as string[],
  status: r.status,
  decidedBy: r.decided_by,
  decisionReason: r.decision_reason,
  returnedCategories: r.returned_categories ? (JSON.parse(r.returned_categories) as string[]) : [],
  data: r.data ? (JSON.parse(r.data) as unknown[]) : null,
  expiresAt: r.expires_at,
  createdAt: r.created_at,
});

/** The partner requests queue: follow-ups partners sent here, pending first. */
export async function partnerRequests(db: Db, p: Principal, status?: string): Promise<FollowUpView[]> {
  if (!can(p, "partners:respond")) throw new ForbiddenError("this role cannot see partner requests");
  return (await followUps(db.kysely, "received", status ? { status } : {})).map(view);
}

export async function followUpsOfCheck(db: Db, p: Principal, checkId: string): Promise<FollowUpView[]> {
  if (!can(p, "partners:query")) throw new ForbiddenError("this role cannot see follow-ups");
  const check = await getQuery(db.kysely, checkId, "sent");
  if (!check || check.agency !== p.agency) throw new NotFoundError(`partner check ${checkId} not found`);
  return (await followUps(db.kysely, "sent", { queryRequestId: checkId })).map(view);
}
