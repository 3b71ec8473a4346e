// Table types for Kysely. Timestamps are ISO-8601 text and JSON columns are text, so that one set of
// migrations and queries works on SQLite and PostgreSQL alike.
import type { ColumnType, Generated } from "kysely";
import type { ChecksAtPostTables } from "./schema-checks-at-post.js";
import type { RegionalTables } from "./schema-regional.js";

/** The two databases Limes runs on; migrations and a few queries differ by it. */
export type Dialect = "sqlite" | "postgres";

export interface UsersTable {
  id: string;
  username: string;
  password_hash: string;
  agency: string;
  crossing_point_id: string | null;
  created_at: string;
  disabled_at: string | null;
  /** 1 while the password is a one-time one: the session may only change it. */
  must_change_password: Generated<number>;
  password_changed_at: string | null;
  /** Base32 TOTP secret; enrolled but unconfirmed while totp_enabled_at is null. */
  totp_secret: string | null;
  totp_enabled_at: string | null;
  /** The last TOTP time step accepted, so that a code is accepted once. */
  totp_last_step: number | null;
  /** The UI language the officer chose at sign-in (a locale tag such as `ar` or `sr-Cyrl`); null: not chosen. */
  locale: string | null;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface TokensTable {
  id: string;
  user_id: string;
  /** SHA-256 of the token: the token itself is never stored. */
  token_hash: string;
  kind: "session" | "api";
  name: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  /** Coarse (at most once a minute): what idle expiry reads. */
  last_used_at: string | null;
  /** Set on an API key of an analysts' tool (a yente client, OpenRefine): it reaches only that API. */
  client: string | null;
  /** Why the client's queries process personal data, stated when the key was made; audited with each. */
  purpose: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
  success: number;
  /** The agency of the user the username names, when it names one: whose auditors see the failure. */
  agency: string | null;
}

export interface CrossingPointsTable {
  id: string;
  code: string;
  name: string;
  kind: "land" | "air" | "sea";
  country: string;
  agency: string;
  created_at: string;
  /** The border section the point belongs to, for the regional bundles (migration 0019). */
  border_section?: string | null;
}

export interface WatchlistsTable {
  id: string;
  name: string;
  format: string;
  created_at: string;
  /** `national-only` (the default) or `partners`: whether the list may answer a partner node. */
  sharing: Generated<"national-only" | "partners">;
}

export interface WatchlistVersionsTable {
  list_id: string;
  version: number;
  /** `staged`: waits for an approval; `superseded`/`rejected`: a staged version that never went live. */
  status: "importing" | "ready" | "failed" | "staged" | "superseded" | "rejected";
  file: string | null;
  imported_at: string;
  counts: string;
  diff: string | null;
  error: string | null;
  base_version: number | null;
  source_date: string | null;
  /** JSON: the safety limits this version broke, empty when it went live at once. */
  checks: string | null;
}

export interface ApprovalsTable {
  id: string;
  kind: string;
  subject: string;
  agency: string | null;
  payload: string;
  reason: string;
  legal_basis: string | null;
  required_permission: string;
  proposed_by: string;
  proposed_by_name: string;
  proposed_at: string;
  expires_at: string;
  status: "pending" | "approved" | "rejected" | "withdrawn";
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_reason: string | null;
}

export interface WatchlistEntitiesTable {
  list_id: string;
  version: number;
  entity_id: string;
  source_ref: string;
  schema: string;
  name: string;
  data: string;
}

export interface ScreeningRequestsTable {
  id: string;
  agency: string;
  user_id: string;
  crossing_point_id: string | null;
  purpose: string;
  created_at: string;
  input: string;
  /** Set by the retention job (src/retention) when the row lost its personal data. */
  depersonalised_at?: string | null;
}

export interface ScreeningResultsTable {
  request_id: string;
  person_index: number;
  decision: "refer" | "clear";
  matches: string;
  /** Its screening's time: the month partition it lives in (migration 0015). */
  created_at: string;
}

/** Where an alert was opened: a crossing or a passenger manifest (persons), or a goods check. */
export type AlertSource =
  | "crossing"
  | "manifest"
  | "cargo"
  | "vessel"
  | "aircraft"
  | "vehicle"
  | "firearm"
  | "cash";
export type SubjectKind = "person" | "vessel" | "aircraft" | "consignment" | "vehicle" | "firearm" | "cash";

export interface AlertsTable {
  id: string;
  agency: string;
  /** Shown to the booth instead of any list detail, e.g. `A-7F3K9Q2M`. */
  reference: string;
  /** See ALERT_STATUSES in src/alerts/lifecycle.ts. */
  status:
    | "open"
    | "in_review"
    | "cleared_false_positive"
    | "confirmed"
    | "referred_to_protection"
    | "escalated"
    | "closed";
  priority: "standard" | "high" | "immediate";
  source: AlertSource;
  source_id: string;
  screening_id: string;
  /** The person's place in the screening, or the subject's place in its manifest or check. */
  person_index: number;
  crossing_point_id: string | null;
  identity_key: string;
  /** What the alert is about: a person, or something that travels with people (issue 17). */
  subject_kind: ColumnType<SubjectKind, SubjectKind | undefined, SubjectKind>;
  /** JSON: the traveller as read from the document or manifest, or the subject as declared. */
  traveller: string;
  /** JSON: matches with explanations, document hits, rule hits, requested actions, earlier clearances. */
  reasons: string;
  created_at: string;
  due_at: string;
  updated_at: string;
  /** Set by the retention job (src/retention) when the row lost its personal data. */
  depersonalised_at?: string | null;
}

export interface AlertDecisionsTable {
  id: string;
  alert_id: string;
  /**
   * `pending_approval` until a second officer approves an adverse action (four-eyes); `withdrawn` when a
   * new decision replaced the proposal, `rejected` when the second officer turned it down.
   */
  status: "recorded" | "pending_approval" | "withdrawn" | "rejected";
  outcome: "cleared_false_positive" | "confirmed" | "referred_to_protection" | "escalated" | "closed";
  adverse_action: string | null;
  reason: string;
  legal_basis: string;
  by_user_id: string;
  by_username: string;
  at: string;
  approved_by_user_id: string | null;
  approved_by_username: string | null;
  approved_at: string | null;
  /** 1 when the decision records a clearance: one that waits for approval is recorded on approval. */
  clearance: Generated<number>;
}

export interface ClearancesTable {
  id: string;
  agency: string;
  identity_key: string;
  entity_id: string;
  alert_id: string;
  reason: string;
  created_by: string;
  created_at: string;
  expires_at: string;
}

export interface ClearanceNotesTable {
  id: string;
  clearance_id: string;
  agency: string;
  source: "crossing" | "manifest";
  source_id: string;
  screening_id: string;
  person_index: number;
  created_at: string;
}

export interface ProtectionRecordsTable {
  id: string;
  agency: string;
  identity_key: string;
  /** JSON: who the record is about (name, birth date, nationality, document) as the officer saw them. */
  person: string;
  kind: string;
  note: string | null;
  alert_id: string | null;
  crossing_id: string | null;
  created_by: string;
  created_at: string;
  /** Set by the retention job (src/retention) when the row lost its personal data. */
  depersonalised_at?: string | null;
}

export interface ReferralsTable {
  id: string;
  record_id: string;
  agency: string;
  identity_key: string;
  service: string;
  status: "open" | "closed";
  created_at: string;
  due_at: string;
  closed_at: string | null;
  closed_by: string | null;
  outcome: string | null;
}

/**
 * What a protection record is bound to, so that the bar follows the person: `identity` (document, name
 * and birth date), `person` (name and full birth date, whatever document), `alert` and `crossing` ids.
 */
export interface ProtectionBindingsTable {
  record_id: string;
  agency: string;
  kind: "identity" | "person" | "alert" | "crossing";
  value: string;
  created_at: string;
}

export interface RulesTable {
  id: string;
  version: number;
  agency: string;
  name: string;
  owner: string;
  justification: string;
  evidence: string;
  review_date: string;
  priority: "standard" | "high" | "immediate";
  action: "refer" | "note";
  /** JSON: the rule's condition tree. */
  condition: string;
  created_by: string;
  created_at: string;
}

export interface RuleHitsTable {
  rule_id: string;
  rule_version: number;
  agency: string;
  screening_id: string;
  person_index: number;
  alert_id: string | null;
  created_at: string;
}

/** One row per traveller screened at a crossing or on a manifest: the population rule statistics use. */
export interface ScreenedTravellersTable {
  screening_id: string;
  person_index: number;
  agency: string;
  source: "crossing" | "manifest";
  source_id: string;
  identity_key: string;
  nationality: string | null;
  sex: string | null;
  created_at: string;
}

/** Depersonalised facts of a screened traveller (migration 0008_population); null when not given. */
export interface ScreenedTravellerFacts {
  age_band: string | null;
  document_type: string | null;
  document_expiry_band: number | null;
  route_origin: string | null;
  route_destination: string | null;
  /** Transit places, space-separated. */
  route_transit: string | null;
  booking_hours: number | null;
  booking_payment: string | null;
  /** 1 for a one-way booking, 0 for a return. */
  booking_one_way: number | null;
  trips_90d: number | null;
  short_trips_90d: number | null;
  co_travellers_watchlisted: number | null;
}

export interface AuditLogTable {
  id: number;
  /** The hash chain the entry is on (0004_audit_signing), and its position there. */
  chain: number;
  seq: number;
  ts: string;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_roles: string | null;
  actor_agency: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  /** Personal payload: not chained itself, only through `payload_digest`; null once erased. */
  purpose: string | null;
  outcome: "success" | "denied" | "error";
  details: string | null;
  /** Random per-entry salt of the payload digest, erased with the payload. */
  salt: string | null;
  payload_digest: string;
  erased_at: string | null;
  prev_hash: string;
  hash: string;
}

/** One row per hash chain: its head. An appender locks one chain row, not a single global row. */
export interface AuditChainsTable {
  id: number;
  last_seq: number;
  last_hash: string;
}

/** Signed checkpoints of every chain head; the external JSON-lines file holds the same records. */
export interface AuditCheckpointsTable {
  seq: number;
  ts: string;
  kind: string;
  /** Canonical JSON of the signed body. */
  body: string;
  key_id: string;
  signature: string;
}

export interface ManifestsTable {
  id: string;
  agency: string;
  user_id: string;
  screening_id: string;
  kind: string;
  carrier: string | null;
  number: string | null;
  list_type: string;
  persons: number;
  data: string;
  created_at: string;
  /** Set by the retention job (src/retention) when the row lost its personal data. */
  depersonalised_at?: string | null;
}

export interface CrossingsTable {
  id: string;
  agency: string;
  user_id: string;
  screening_id: string;
  crossing_point_id: string | null;
  direction: "entry" | "exit";
  decision: "refer" | "clear";
  data: string;
  created_at: string;
  /** Set by the retention job (src/retention) when the row lost its personal data. */
  depersonalised_at?: string | null;
}

/** A screened cargo manifest (issue 17). */
export interface CargoManifestsTable {
  id: string;
  agency: string;
  user_id: string;
  crossing_point_id: string | null;
  format: string;
  reference: string | null;
  /** The vessel as declared, JSON. */
  vessel: string | null;
  consignments: number;
  referred: number;
  /** The vessel's screening and the manifest's warnings, JSON. */
  data: string;
  created_at: string;
}

export interface CargoConsignmentsTable {
  manifest_id: string;
  idx: number;
  reference: string;
  decision: "refer" | "clear";
  /** The goods rules that fired, JSON array of ids. */
  flags: string;
  alert_id: string | null;
  /** Parties, containers, goods, facts and hits, JSON. */
  data: string;
}

/** Issue 18 (0014_sync): the bookkeeping of remote posts; see src/db/migration-sync.ts. */
export interface SyncStateTable {
  key: string;
  value: string;
}

export interface SyncInboxTable {
  msg_id: string;
  origin: string;
  ingested_at: string;
}

export interface SyncOriginsTable {
  object_type: string;
  object_id: string;
  origin: string;
  ingested_at: string;
}

/** A post's audit entry as the post stored it, with the post it came from. */
export type SyncAuditTable = AuditLogTable & { origin: string };

export interface SyncListVersionsTable {
  list_id: string;
  version: number;
  sha256: string;
  activated_at: string;
  confirmed_at: string;
}

export interface Database extends ChecksAtPostTables, RegionalTables {
  cargo_manifests: CargoManifestsTable;
  cargo_consignments: CargoConsignmentsTable;
  manifests: ManifestsTable;
  crossings: CrossingsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  tokens: TokensTable;
  login_attempts: LoginAttemptsTable;
  crossing_points: CrossingPointsTable;
  watchlists: WatchlistsTable;
  watchlist_versions: WatchlistVersionsTable;
  watchlist_entities: WatchlistEntitiesTable;
  screening_requests: ScreeningRequestsTable;
  screening_results: ScreeningResultsTable;
  alerts: AlertsTable;
  alert_decisions: AlertDecisionsTable;
  clearances: ClearancesTable;
  clearance_notes: ClearanceNotesTable;
  protection_records: ProtectionRecordsTable;
  referrals: ReferralsTable;
  protection_bindings: ProtectionBindingsTable;
  rules: RulesTable;
  rule_hits: RuleHitsTable;
  screened_travellers: ScreenedTravellersTable & {
    [K in keyof ScreenedTravellerFacts]: ColumnType<
      ScreenedTravellerFacts[K],
      ScreenedTravellerFacts[K] | undefined
    >;
  };
  audit_log: AuditLogTable;
  approvals: ApprovalsTable;
  audit_chains: AuditChainsTable;
  audit_checkpoints: AuditCheckpointsTable;
  partner_agreements: PartnerAgreementsTable;
  partner_nonces: PartnerNoncesTable;
  partner_queries: PartnerQueriesTable;
  partner_follow_ups: PartnerFollowUpsTable;
  alert_hand_overs: AlertHandOversTable;
  sync_state: SyncStateTable;
  sync_inbox: SyncInboxTable;
  sync_origins: SyncOriginsTable;
  sync_audit: SyncAuditTable;
  sync_list_versions: SyncListVersionsTable;
}

/** One version of an agreement with a partner node; `terms` is the JSON of purposes, kinds, lists… */
export interface PartnerAgreementsTable {
  id: string;
  version: number;
  status: "pending" | "active" | "suspended" | "superseded" | "rejected";
  partner_node_id: string;
  /** The partner's Ed25519 public key (SPKI PEM), pinned. */
  partner_key: string;
  partner_key_id: string;
  partner_url: string;
  valid_from: string;
  valid_to: string;
  terms: string;
  approval_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface PartnerNoncesTable {
  key_id: string;
  nonce: string;
  seen_at: string;
}

/** A hit/no-hit query: `sent` by this node (for an alert) or `received` from a partner. */
export interface PartnerQueriesTable {
  request_id: string;
  direction: "sent" | "received";
  agreement_id: string;
  agreement_version: number;
  partner_node_id: string;
  purpose: string;
  kind: string;
  answer: "hit" | "no_hit";
  reference: string;
  contact: string | null;
  /** Received side only: the matched entities, never sent; what a follow-up may draw on. */
  entity_ids: string | null;
  agency: string | null;
  alert_id: string | null;
  user_id: string | null;
  created_at: string;
}

export interface PartnerFollowUpsTable {
  id: string;
  direction: "sent" | "received";
  query_request_id: string;
  agreement_id: string;
  partner_node_id: string;
  reference: string;
  reason: string;
  legal_basis: string;
  categories: string;
  status: "pending" | "approved" | "refused" | "expired";
  agency: string | null;
  requested_by: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  returned_categories: string | null;
  /** Sent side: the data received, JSON, until `expires_at` (the retention job removes it). */
  data: string | null;
  expires_at: string | null;
  created_at: string;
  decided_at: string | null;
}

/** An alert shared with another agency of this deployment; `snapshot` is what that agency sees (JSON). */
export interface AlertHandOversTable {
  id: string;
  alert_id: string;
  from_agency: string;
  to_agency: string;
  mode: "read" | "action";
  reason: string;
  snapshot: string;
  created_by: string;
  created_at: string;
}
