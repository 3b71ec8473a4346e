// Public surface of approvals: the one four-eyes mechanism. A capability proposes an action inside its
// own transaction and registers a handler for its kind; a second person approves or rejects it.
export { type Decision, decideApproval } from "./decide.js";
export type { ApprovalHandler, ApprovalHandlers } from "./handlers.js";
export {
  APPROVER_PERMISSIONS,
  type Approval,
  type ApprovalStatus,
  checkDecider,
  DEFAULT_APPROVAL_TTL_MS,
  effectiveStatus,
  isDecidableBy,
} from "./model.js";
export { approvalFor, approvalsOf, pendingFor } from "./pending.js";
export { type Proposal, proposeApproval } from "./propose.js";
export { type ApprovalService, createApprovalService } from "./service.js";
export { withdrawApprovals } from "./withdraw.js";
