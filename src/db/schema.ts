// Table types for Kysely. Timestamps are ISO-8601 text and JSON columns are text, so that one set of
// migrations and queries works on SQLite and PostgreSQL alike.
import type { Generated } from "kysely";

export interface UsersTable {
  id: string;
  username: string;
  password_hash: string;
  agency: string;
  crossing_point_id: string | null;
  created_at: string;
  disabled_at: string | null;
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
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
  success: number;
}

export interface CrossingPointsTable {
  id: string;
  code: string;
  name: string;
  kind: "land" | "air" | "sea";
  country: string;
  agency: string;
  created_at: string;
}

export interface WatchlistsTable {
  id: string;
  name: string;
  format: string;
  created_at: string;
}

export interface WatchlistVersionsTable {
  list_id: string;
  version: number;
  status: "importing" | "ready" | "failed";
  file: string | null;
  imported_at: string;
  counts: string;
  diff: string | null;
  error: string | null;
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
}

export interface ScreeningResultsTable {
  request_id: string;
  person_index: number;
  decision: "refer" | "clear";
  matches: string;
}

export interface AlertsTable {
  id: string;
  agency: string;
  request_id: string;
  person_index: number;
  status: string;
  priority: string;
  created_at: string;
  due_at: string;
}

export interface AuditLogTable {
  id: number;
  ts: string;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_roles: string | null;
  actor_agency: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  purpose: string | null;
  outcome: "success" | "denied" | "error";
  details: string | null;
  prev_hash: string;
  hash: string;
}

/** One row that holds the chain head, locked while an audit entry is appended (serialises writers). */
export interface AuditHeadTable {
  id: number;
  last_id: number;
  last_hash: string;
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
}

export interface Database {
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
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
