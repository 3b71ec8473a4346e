// The Kysely queries of approvals: plain reads and writes that take a transaction, with no rules in them.
import { type Kysely, sql, type Transaction } from "kysely";
import type { Permission } from "../access/index.js";
import type { Database } from "../db/index.js";
import type { Approval } from "./model.js";

type Q = Kysely<Database> | Transaction<Database>;
type Row = Database["approvals"];

function toApproval(r: Row): Approval {
  return {
    id: r.id,
    kind: r.kind,
    subject: r.subject,
    agency: r.agency,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    reason: r.reason,
    legalBasis: r.legal_basis,
    requiredPermission: r.required_permission as Permission,
    proposedBy: { userId: r.proposed_by, username: r.proposed_by_name },
    proposedAt: r.proposed_at,
    expiresAt: r.expires_at,
    status: r.status,
    decidedBy: r.decided_by ? { userId: r.decided_by, username: r.decided_by_name ?? "" } : null,
    decidedAt: r.decided_at,
    decisionReason: r.decision_reason,
  };
}

export async function insertApproval(q: Q, a: Approval): Promise<void> {
  await q
    .insertInto("approvals")
    .values({
      id: a.id,
      kind: a.kind,
      subject: a.subject,
      agency: a.agency,
      payload: JSON.stringify(a.payload),
      reason: a.reason,
      legal_basis: a.legalBasis,
      required_permission: a.requiredPermission,
      proposed_by: a.proposedBy.userId,
      proposed_by_name: a.proposedBy.username,
      proposed_at: a.proposedAt,
      expires_at: a.expiresAt,
      status: "pending",
      decided_by: null,
      decided_by_name: null,
      decided_at: null,
      decision_reason: null,
    })
    .execute();
}

export async function getApproval(q: Q, id: string): Promise<Approval | undefined> {
  const r = await q.selectFrom("approvals").selectAll().where("id", "=", id).executeTakeFirst();
  return r ? toApproval(r) : undefined;
}

/** Approvals by kind and status (and subject prefix), oldest first. */
export async function findApprovals(
  q: Q,
  filter: { kind?: string; status?: Row["status"]; subjectPrefix?: string },
): Promise<Approval[]> {
  let s = q.selectFrom("approvals").selectAll();
  if (filter.kind) s = s.where("kind", "=", filter.kind);
  if (filter.status) s = s.where("status", "=", filter.status);
  if (filter.subjectPrefix) {
    const pattern = `${filter.subjectPrefix.replace(/[\\%_]/g, "\\$&")}%`;
    s = s.where(sql<boolean>`subject like ${pattern} escape '\\'`);
  }
  return (await s.orderBy("proposed_at").orderBy("id").limit(500).execute()).map(toApproval);
}

/**
 * Moves a pending approval to its decision. Returns false when it was no longer pending: a second
 * decider racing the first loses here, whatever either of them read before.
 */
export async function settleApproval(
  q: Q,
  id: string,
  decision: {
    status: "approved" | "rejected" | "withdrawn";
    by?: { userId: string; username: string };
    at: string;
    reason: string;
  },
): Promise<boolean> {
  const r = await q
    .updateTable("approvals")
    .set({
      status: decision.status,
      decided_by: decision.by?.userId ?? null,
      decided_by_name: decision.by?.username ?? null,
      decided_at: decision.at,
      decision_reason: decision.reason,
    })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
