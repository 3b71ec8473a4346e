// Public surface of alerts: the lifecycle and the decision rules (four-eyes, reason, legal basis, protection bar).
export {
  type AdverseAction,
  type AlertStatus,
  canMove,
  checkDecision,
  type Decision,
  type DecisionError,
  OUTCOMES,
  type Outcome,
  type ProtectionState,
} from "./lifecycle.js";
