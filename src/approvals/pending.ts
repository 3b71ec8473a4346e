// Reading approvals: the queue waiting for one person, and approvals of one kind for a capability's view.
import type { Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import { NotFoundError } from "../shared/errors.js";
import { type Approval, effectiveStatus, isDecidableBy } from "./model.js";
import { findApprovals, getApproval } from "./store.js";

/** Pending approvals that `p` may decide now: not their own, not expired, their permission and agency. */
export async function pendingFor(db: Db, p: Principal, now: Date = new Date()): Promise<Approval[]> {
  const pending = await findApprovals(db.kysely, { status: "pending" });
  return pending.filter((a) => isDecidableBy(a, p, now));
}

/** Approvals of one kind about subjects starting with `subjectPrefix`, with expiry applied to their status. */
export async function approvalsOf(
  db: Db,
  kind: string,
  subjectPrefix: string,
  now: Date = new Date(),
): Promise<Approval[]> {
  const rows = await findApprovals(db.kysely, { kind, subjectPrefix });
  return rows.map((a) => ({ ...a, status: effectiveStatus(a, now) }));
}

/** One approval, for its proposer or anyone who could decide it. */
export async function approvalFor(
  db: Db,
  p: Principal,
  id: string,
  now: Date = new Date(),
): Promise<Approval> {
  const a = await getApproval(db.kysely, id);
  if (!a || (a.proposedBy.userId !== p.userId && !isDecidableBy({ ...a, status: "pending" }, p, now)))
    throw new NotFoundError(`approval ${id} not found`, undefined, "approval_not_found", { id });
  return { ...a, status: effectiveStatus(a, now) };
}
