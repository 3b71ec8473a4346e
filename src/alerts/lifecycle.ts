// The alert lifecycle as a pure state machine, and the rules every decision must satisfy: a human, a
// reason, a legal basis, a second officer for adverse actions (four-eyes), and no refusal or return while
// a protection need is open (non-refoulement). Nothing here is automated: it only refuses what is unlawful.

export const ALERT_STATUSES = [
  "open",
  "in_review",
  "cleared_false_positive",
  "confirmed",
  "referred_to_protection",
  "escalated",
  "closed",
] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export type Outcome = "cleared_false_positive" | "confirmed" | "referred_to_protection" | "escalated";

/** Border actions that harm the traveller: they need a second officer, and are barred by protection needs. */
export type AdverseAction = "refusal_of_entry" | "detention" | "seizure" | "return" | "removal";

const TRANSITIONS: Record<AlertStatus, readonly AlertStatus[]> = {
  open: ["in_review"],
  in_review: ["cleared_false_positive", "confirmed", "referred_to_protection", "escalated"],
  cleared_false_positive: ["closed"],
  confirmed: ["closed"],
  referred_to_protection: ["closed"],
  escalated: ["closed"],
  closed: [],
};

export const OUTCOMES: readonly Outcome[] = [
  "cleared_false_positive",
  "confirmed",
  "referred_to_protection",
  "escalated",
];

export function canMove(from: AlertStatus, to: AlertStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export interface Decision {
  by: string;
  at: string;
  outcome: Outcome;
  reason: string;
  legalBasis: string;
  adverseAction?: AdverseAction;
  /** A clearance of a terrorism-listed or high-priority match (clearance.ts): four-eyes, like an adverse action. */
  guardedClearance?: boolean;
  /** The second officer who approved an adverse action or a guarded clearance. */
  approvedBy?: string;
}

export interface ProtectionState {
  /** An asylum request was expressed (intent is enough) or a protection referral is open. */
  open: boolean;
}

export type DecisionError =
  | { code: "illegal_transition"; message: string }
  | { code: "reason_required"; message: string }
  | { code: "unknown_legal_basis"; message: string }
  | { code: "second_officer_required"; message: string }
  | { code: "same_officer"; message: string }
  | { code: "protection_bar"; message: string };

/** Refusing entry, returning or removing someone with an open protection need is barred (non-refoulement). */
const BARRED_BY_PROTECTION: readonly AdverseAction[] = ["refusal_of_entry", "return", "removal"];

/** The errors that stop this decision from being recorded; empty when it may be recorded. */
export function checkDecision(
  status: AlertStatus,
  d: Decision,
  ctx: { legalBases: readonly string[]; protection: ProtectionState },
): DecisionError[] {
  const errors: DecisionError[] = [];
  if (!canMove(status, d.outcome)) {
    errors.push({
      code: "illegal_transition",
      message: `an alert that is ${status} cannot become ${d.outcome}`,
    });
  }
  if (d.reason.trim().length < 20)
    errors.push({ code: "reason_required", message: "a reason of at least 20 characters is required" });
  if (!ctx.legalBases.includes(d.legalBasis)) {
    errors.push({
      code: "unknown_legal_basis",
      message: `legal basis "${d.legalBasis}" is not in the configured list`,
    });
  }
  if (d.adverseAction || d.guardedClearance) {
    const what = d.adverseAction ? d.adverseAction.replaceAll("_", " ") : "this clearance";
    if (!d.approvedBy) {
      errors.push({ code: "second_officer_required", message: `${what} needs a second officer's approval` });
    } else if (d.approvedBy === d.by) {
      errors.push({ code: "same_officer", message: "the approving officer must be a different person" });
    }
  }
  if (d.adverseAction) {
    if (ctx.protection.open && BARRED_BY_PROTECTION.includes(d.adverseAction)) {
      errors.push({
        code: "protection_bar",
        message: `${d.adverseAction.replaceAll("_", " ")} is barred while an asylum request or protection referral is open (non-refoulement)`,
      });
    }
  }
  return errors;
}
