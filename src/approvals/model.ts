// The approval of a proposed action by a second person, as data and pure rules: who may decide it and
// when. Every action needing four eyes (a list activation past its safety limits, an alert's refusal or
// guarded clearance, a seizure, a cash retention, a partner agreement) is one kind of approval.
import { can, type Permission, type Principal } from "../access/index.js";
import { ConflictError, ForbiddenError } from "../shared/errors.js";

export type ApprovalStatus = "pending" | "approved" | "rejected" | "withdrawn" | "expired";

export interface Approval {
  id: string;
  /** What the action is, e.g. `watchlist.activate`; names the handler that carries it out. */
  kind: string;
  /** What it acts on, e.g. `un-sc@4`. */
  subject: string;
  /** Approvers must belong to this agency; null when the subject belongs to no agency (lists). */
  agency: string | null;
  /** What the handler needs to carry out the action. */
  payload: Record<string, unknown>;
  reason: string;
  legalBasis: string | null;
  requiredPermission: Permission;
  proposedBy: { userId: string; username: string };
  proposedAt: string;
  expiresAt: string;
  status: ApprovalStatus;
  decidedBy: { userId: string; username: string } | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

/**
 * The permissions an approval may require of its approver: the approvals routes admit exactly these, so
 * a role that could never decide anything is refused at the gate. A new kind adds its permission here.
 */
export const APPROVER_PERMISSIONS: readonly Permission[] = [
  "watchlists:manage",
  "alerts:review",
  "partners:manage",
];

/** How long a proposal waits for its second person by default. */
export const DEFAULT_APPROVAL_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Whether `p` may approve or reject `a` at `now`; throws the reason why not. */
export function checkDecider(a: Approval, p: Principal, now: Date): void {
  if (a.status !== "pending")
    throw new ConflictError(`approval ${a.id} is already ${a.status}`, undefined, "approval_not_pending", {
      id: a.id,
      status: a.status,
    });
  if (Date.parse(a.expiresAt) <= now.getTime())
    throw new ConflictError(
      `approval ${a.id} expired at ${a.expiresAt}; propose the action again`,
      undefined,
      "approval_expired",
      {
        id: a.id,
        expiresAt: a.expiresAt,
      },
    );
  if (a.proposedBy.userId === p.userId)
    throw new ForbiddenError(
      "the proposer of an action cannot approve or reject it: a second person must",
      undefined,
      "approver_is_proposer",
    );
  if (!can(p, a.requiredPermission))
    throw new ForbiddenError(
      `deciding this approval needs permission "${a.requiredPermission}"`,
      undefined,
      "approver_permission",
      {
        permission: a.requiredPermission,
      },
    );
  if (a.agency !== null && a.agency !== p.agency)
    throw new ForbiddenError("this approval belongs to another agency", undefined, "approval_other_agency");
}

/** Whether `p` is someone who could decide `a` now: the queue of approvals waiting for them. */
export function isDecidableBy(a: Approval, p: Principal, now: Date): boolean {
  try {
    checkDecider(a, p, now);
    return true;
  } catch {
    return false;
  }
}

/** A pending approval past its expiry is shown as expired; nothing writes that status. */
export function effectiveStatus(a: Approval, now: Date): ApprovalStatus {
  return a.status === "pending" && Date.parse(a.expiresAt) <= now.getTime() ? "expired" : a.status;
}
