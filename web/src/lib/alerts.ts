// The alert API's shapes, as the second line reads them (src/http/routes/alerts.ts).
import type { BirthDate, FeatureContribution, TokenAlignment } from "./explain";

export type Priority = "standard" | "high" | "immediate";

export const ALERT_STATUSES = [
  "open",
  "in_review",
  "cleared_false_positive",
  "confirmed",
  "referred_to_protection",
  "escalated",
  "closed",
] as const;

export interface AlertSummary {
  id: string;
  reference: string;
  status: string;
  priority: Priority;
  source: string;
  crossingPointId: string | null;
  createdAt: string;
  dueAt: string;
  overdue: boolean;
  traveller: { surname: string; givenNames: string; birthDate: string | null; nationality: string | null };
  summary: { matches: number; documentHits: number; ruleHits: number; topScore: number };
}

export interface Match {
  entityId: string;
  sourceRef: string;
  list: string;
  name: string;
  score: number;
  decision: "refer" | "clear";
  explanation: {
    queryName: string;
    matchedName: string;
    matchedNameKind: string;
    nameScore: number;
    alignment: TokenAlignment[];
    unmatchedQuery: string[];
    unmatchedCandidate: string[];
    features: FeatureContribution[];
  };
}

export interface Entity {
  id: string;
  list: string;
  sourceRef: string;
  name: string;
  aliases: { name: string; quality: string }[];
  birthDates: BirthDate[];
  placesOfBirth: string[];
  nationalities: string[];
  nationalitiesText?: string[];
  gender?: string;
  documents: { type: string; number: string; country?: string; countryText?: string }[];
  programmes: string[];
  listedOn?: string;
  remarks?: string;
}

export interface DecisionView {
  id: string;
  status: "recorded" | "pending_approval" | "withdrawn";
  outcome: string;
  adverseAction: string | null;
  /** The decision records a clearance; a guarded one only once a second officer approves it. */
  clearance?: boolean;
  reason: string;
  legalBasis: string;
  by: string;
  at: string;
  approvedBy: string | null;
  approvedAt: string | null;
}

export interface AlertDetailView extends Omit<AlertSummary, "traveller"> {
  traveller: {
    surname: string;
    givenNames: string;
    birthDate?: string;
    nationality?: string;
    gender?: string;
    placeOfBirth?: string;
    documents: { number: string; type?: string; issuingCountry?: string; expiry?: string }[];
  };
  matches: Match[];
  entities: Record<string, Entity>;
  documentHits: { number: string; issuingCountry: string; status: string; action: string }[];
  ruleHits: { ruleId: string; version: number; name: string; priority: Priority }[];
  requestedActions: string[];
  programmes?: string[];
  previouslyCleared: {
    clearanceId: string;
    entityId: string;
    list: string;
    clearedAt: string;
    expiresAt: string;
  }[];
  clearances: {
    id: string;
    entityId: string;
    reason: string;
    createdBy: string;
    createdAt: string;
    expiresAt: string;
    expired?: boolean;
  }[];
  protection: { barred: boolean; openReferrals: number };
  decisions: DecisionView[];
  legalBases: string[];
}

export const OUTCOMES = [
  "cleared_false_positive",
  "confirmed",
  "referred_to_protection",
  "escalated",
] as const;
export const ADVERSE_ACTIONS = ["refusal_of_entry", "detention", "seizure", "return", "removal"] as const;
/** Barred while a protection need is open (non-refoulement); mirrors src/alerts/lifecycle.ts. */
export const BARRED_BY_PROTECTION: readonly string[] = ["refusal_of_entry", "return", "removal"];
export const PROTECTION_KINDS = [
  "asylum_request",
  "unaccompanied_child",
  "separated_child",
  "trafficking_victim",
  "medical_need",
  "other",
] as const;

export const isDecided = (status: string) => status !== "open" && status !== "in_review";
