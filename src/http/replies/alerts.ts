// Reply schemas of the second line: an alert in the queue and in full, decisions, and protection records
// and referrals. The web client's types are generated from these (web/src/lib/api-schema.ts).
import { Type } from "@sinclair/typebox";
import { ADVERSE_ACTIONS, ALERT_STATUSES, OUTCOMES, SUBJECT_KINDS } from "../../alerts/index.js";
import { PROTECTION_KINDS } from "../../protection/index.js";
import { oneOf } from "../schemas.js";
import { component } from "./component.js";
import {
  DocumentHit,
  Entity,
  Match,
  nullable,
  PreviouslyCleared,
  Priority,
  RuleHitRef,
} from "./screening.js";

const text = Type.Optional(Type.String());

export const AlertStatus = component("AlertStatus", oneOf(ALERT_STATUSES));
/** Actions that wait for a second officer's approval (four-eyes). */
export const AdverseAction = component("AdverseAction", oneOf(ADVERSE_ACTIONS));
export const Outcome = component("Outcome", oneOf(OUTCOMES));
export const ProtectionKind = component("ProtectionKind", oneOf(PROTECTION_KINDS));
/** What an alert is about: a person, or something that travels with people (issue 17). */
export const SubjectKind = component("SubjectKind", oneOf(SUBJECT_KINDS));

/** A goods subject as declared (a vessel, a consignment, a firearm, …): its label and its own fields. */
const SubjectDescription = Type.Object({ label: Type.String() }, { additionalProperties: true });

/** One reason to look at a goods subject, with the declared value beside the listed one. */
const SubjectHit = component(
  "SubjectHit",
  Type.Object({
    kind: Type.String(),
    priority: Type.String(),
    list: text,
    entityId: text,
    score: Type.Optional(Type.Number()),
    requestedAction: Type.String(),
    evidence: Type.Record(Type.String(), Type.Unknown()),
  }),
);

/** A partner node's hit on the traveller's document: what the partner answered, nothing more. */
const PartnerHit = component(
  "PartnerHit",
  Type.Object({
    requestId: Type.String(),
    partnerNodeId: Type.String(),
    purpose: Type.String(),
    kind: Type.String(),
    reference: Type.String(),
    contact: nullable(Type.String()),
    at: Type.String(),
  }),
);

const travellerFields = {
  surname: Type.String(),
  gender: Type.Optional(oneOf(["male", "female", "other"])),
  birthDate: text,
  nationality: text,
  placeOfBirth: text,
  residence: text,
  embarkation: text,
  disembarkation: text,
  rank: text,
  references: Type.Optional(Type.Array(Type.Object({ qualifier: Type.String(), value: Type.String() }))),
};
const TravelDocument = Type.Object({ type: text, number: Type.String(), issuingCountry: text, expiry: text });
const TravellerRole = oneOf(["passenger", "crew", "transit"]);

/** A traveller as the data source gave them. */
export const Traveller = component(
  "Traveller",
  Type.Object({
    ...travellerFields,
    givenNames: Type.String(),
    role: TravellerRole,
    documents: Type.Array(TravelDocument),
  }),
);

/** Whom a protection record is about: as the officer recorded them, which may be a name alone. */
const ProtectionPerson = component(
  "ProtectionPerson",
  Type.Object({
    ...travellerFields,
    givenNames: text,
    role: Type.Optional(TravellerRole),
    documents: Type.Optional(Type.Array(TravelDocument)),
  }),
);

const summaryFields = {
  id: Type.String(),
  reference: Type.String(),
  status: AlertStatus,
  priority: Priority,
  source: Type.String(),
  crossingPointId: nullable(Type.String()),
  createdAt: Type.String(),
  dueAt: Type.String(),
  overdue: Type.Boolean(),
  subjectKind: SubjectKind,
  summary: Type.Object({
    subjectHits: Type.Integer(),
    matches: Type.Integer(),
    documentHits: Type.Integer(),
    ruleHits: Type.Integer(),
    topScore: Type.Number(),
  }),
};

/** One row of the queue; a goods subject's label stands as `traveller.surname`. */
export const AlertSummary = component(
  "AlertSummary",
  Type.Object({
    ...summaryFields,
    traveller: Type.Object({
      surname: Type.String(),
      givenNames: Type.String(),
      birthDate: nullable(Type.String()),
      nationality: nullable(Type.String()),
    }),
  }),
);

export const DecisionView = component(
  "DecisionView",
  Type.Object({
    id: Type.String(),
    status: oneOf(["recorded", "pending_approval", "withdrawn", "rejected"], {
      description: "`withdrawn`: replaced by a new decision; `rejected`: turned down by the second officer",
    }),
    outcome: Type.String(),
    adverseAction: nullable(AdverseAction),
    clearance: Type.Boolean({
      description: "the decision records a clearance (a guarded one only once approved)",
    }),
    reason: Type.String(),
    legalBasis: Type.String(),
    by: Type.String(),
    at: Type.String(),
    approvedBy: nullable(Type.String()),
    approvedAt: nullable(Type.String()),
  }),
);

export const DecisionReply = component(
  "DecisionReply",
  Type.Object({
    status: Type.String(),
    decision: DecisionView,
    clearances: Type.Array(Type.String()),
    message: text,
  }),
);

export const ProtectionStatus = component(
  "ProtectionStatus",
  Type.Object({
    barred: Type.Boolean(),
    openReferrals: Type.Integer(),
    asylumRequested: Type.Boolean(),
    barredActions: Type.Array(AdverseAction, {
      description: "the adverse actions an open protection referral bars (non-refoulement)",
    }),
  }),
);

/** The reviewer's view: the traveller beside the listed entities, the reasons, clearances and decisions. */
export const AlertDetail = component(
  "AlertDetail",
  Type.Object({
    ...summaryFields,
    traveller: Type.Union([Traveller, SubjectDescription]),
    matches: Type.Array(Match),
    entities: Type.Record(Type.String(), Entity),
    documentHits: Type.Array(DocumentHit),
    ruleHits: Type.Array(RuleHitRef),
    requestedActions: Type.Array(Type.String()),
    programmes: Type.Array(Type.String()),
    previouslyCleared: Type.Array(PreviouslyCleared),
    subjectHits: Type.Array(SubjectHit),
    partnerHits: Type.Array(PartnerHit),
    clearances: Type.Array(
      Type.Object({
        id: Type.String(),
        entityId: Type.String(),
        reason: Type.String(),
        createdBy: Type.String(),
        createdAt: Type.String(),
        expiresAt: Type.String(),
        expired: Type.Boolean(),
      }),
    ),
    protection: ProtectionStatus,
    decisions: Type.Array(DecisionView),
    legalBases: Type.Array(Type.String()),
  }),
);

export const AlertStatusReply = Type.Object({ id: Type.String(), status: AlertStatus });

export const LegalBases = Type.Object({ legalBases: Type.Array(Type.String()) });

export const ReferralView = component(
  "ReferralView",
  Type.Object({
    id: Type.String(),
    recordId: Type.String(),
    service: Type.String(),
    status: oneOf(["open", "closed"]),
    createdAt: Type.String(),
    dueAt: Type.String(),
    overdue: Type.Boolean(),
    closedAt: nullable(Type.String()),
    closedBy: nullable(Type.String()),
    outcome: nullable(Type.String()),
  }),
);

export const RecordView = component(
  "RecordView",
  Type.Object({
    id: Type.String(),
    kind: ProtectionKind,
    note: nullable(Type.String()),
    person: ProtectionPerson,
    alertId: nullable(Type.String()),
    crossingId: nullable(Type.String()),
    createdBy: Type.String(),
    createdAt: Type.String(),
  }),
);

export const RecordsReply = Type.Object({
  records: Type.Array(RecordView),
  referrals: Type.Array(ReferralView),
});
export const ReferralsReply = Type.Object({ referrals: Type.Array(ReferralView) });
export const RecordReply = Type.Object({ record: RecordView, referrals: Type.Array(ReferralView) });
