// Public surface of alerts: opening them, the lifecycle and decision rules, and the review use cases.

export type { ApprovalInput } from "./approve.js";
export { clearanceNeedsSecondOfficer } from "./clearance.js";
export type { DecisionInput } from "./decide.js";
export { ADVERSE_ACTION_KIND, GUARDED_CLEARANCE_KIND } from "./decision-approval.js";
export { DEFAULT_LEGAL_BASES } from "./legal-bases.js";
export {
  type AdverseAction,
  ALERT_STATUSES,
  type AlertStatus,
  canMove,
  checkDecision,
  type Decision,
  type DecisionError,
  OUTCOMES,
  type Outcome,
  type ProtectionState,
} from "./lifecycle.js";
export {
  type AlertReasons,
  type OpenContext,
  openAlerts,
  type PartnerHit,
  type PersonDisposition,
  type PersonScreened,
  type PreviouslyCleared,
  type RuleHitRef,
  type SubjectHit,
} from "./open.js";
export {
  openSubjectAlert,
  SUBJECT_KINDS,
  type SubjectContext,
  type SubjectScreened,
} from "./open-subject.js";
export { type HitCrossing, recordPartnerHit } from "./partner-hit.js";
export type { ProtectionCheck } from "./review.js";
export {
  ADVERSE_ACTIONS,
  ALERT_PAGE,
  type AlertFilter,
  type AlertService,
  createAlertService,
  DEFAULT_CLEARANCE_DAYS,
} from "./service.js";
export {
  DEFAULT_DEADLINES,
  isTerrorismProgramme,
  type Priority,
  priorityOf,
  requestedActions,
} from "./triage.js";
