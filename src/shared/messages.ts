// The English message catalogue: every error code the server can emit, worded from the error's params.
// Clients (the CLI, the web UI) show these instead of the server's message, so that a translation is a
// second catalogue and needs no server change. `ErrorCode` is derived from it: an error cannot be thrown
// with a code that has no entry here (src/shared/messages.test.ts also checks the codes written in src/).

export type ErrorParams = Record<string, string | number | boolean>;

/** `message` is the server's own text: the general codes, whose cause is free text, fall back to it. */
type Entry = (p: ErrorParams, message: string) => string;

const asIs: Entry = (_p, message) => message;
const list = (v: unknown) => String(v ?? "");

export const MESSAGES = {
  // General codes, one per error class (src/http/errors.ts); their message says the particular cause.
  bad_request: (p, m) => (p.field ? `${p.field}: ${list(p.reason)}` : m),
  invalid: asIs,
  forbidden: (p, m) => (p.permissions ? `permission ${p.permissions} required` : m),
  not_found: (p, m) => (p.method ? `no route ${p.method} ${list(p.url)}` : m),
  conflict: asIs,
  internal: () => "internal error",
  payload_too_large: asIs,
  unsupported_media_type: asIs,
  // The HTTP edge.
  unauthenticated: asIs,
  too_many_attempts: (p) => `too many attempts; try again in ${list(p.retryAfterSeconds)} s`,
  permission_denied: (p) => `this role lacks the permission "${list(p.permission)}"`,
  password_change_required: () => "change the one-time password first (POST /api/v1/auth/password)",
  second_factor_required: () => "enrol a second factor first (POST /api/v1/auth/totp)",
  client_key_scope: () => "this API key reaches only the matching and reconciliation API",
  web_not_built: () => "the web UI is not built: run `npm run build:web`",
  page_limit: (p) => `limit: at most ${list(p.max)} per page`,
  bad_cursor: () => "cursor: not a cursor of this list (start again without one)",
  purpose_required: (p) => `purpose: required to record ${list(p.action)}`,
  // Not found, by what was looked for.
  alert_not_found: (p) => `alert ${list(p.id)} not found`,
  approval_not_found: (p) => `approval ${list(p.id)} not found`,
  crossing_not_found: (p) => `crossing ${list(p.id)} not found`,
  decision_not_found: (p) => `decision ${list(p.id)} not found on alert ${list(p.alert)}`,
  manifest_not_found: (p) => `manifest ${list(p.id)} not found`,
  protection_record_not_found: (p) => `protection record ${list(p.id)} not found`,
  referral_not_found: (p) => `referral ${list(p.id)} not found`,
  rule_not_found: (p) => `rule ${list(p.id)} not found`,
  screening_not_found: (p) => `screening ${list(p.id)} not found`,
  user_not_found: (p) => `no user ${list(p.id)}`,
  watchlist_not_found: (p) => `watchlist ${list(p.id)} not found`,
  // Crossings, screenings, manifests.
  unknown_crossing_point: (p) =>
    `crossingPointId: no crossing point "${list(p.crossingPointId)}" in your agency`,
  crossing_point_not_allowed: (p) =>
    `crossingPointId: you are posted at crossing point ${list(p.postedAt)} and may record only there`,
  crossing_point_exists: (p) => `crossing point ${list(p.code)} already exists`,
  unknown_country: (p) => `${list(p.field)}: unknown country "${list(p.value)}"`,
  batch_size: (p) => `between 1 and ${list(p.max)} persons per request`,
  person_nameless: (p) => `person ${list(p.person)} has no name`,
  mrz_check_failed: (p) => `MRZ check digits failed: ${list(p.checks)}`,
  crossing_input_required: () => "give either mrz or entry",
  manifest_empty: () => "the manifest lists no persons",
  // Alerts and approvals.
  alert_not_open: (p) => `alert ${list(p.alert)} is already ${list(p.status)}`,
  alert_not_closable: (p) => `an alert that is ${list(p.status)} cannot be closed: decide it first`,
  reason_required: (p) => `a reason of at least ${list(p.min)} characters is required`,
  adverse_needs_confirmed: () => "an adverse action is recorded only with a confirmed match",
  clearance_needs_false_positive: () => "a clearance is recorded only with a false positive",
  nothing_to_clear: () => "this alert has no watchlist match to clear",
  decision_not_pending: (p) => `decision ${list(p.id)} is ${list(p.status)}, not waiting for approval`,
  decision_refused: asIs,
  protection_bar: asIs,
  same_officer: () => "the approving officer must be a different person",
  approval_reason_required: () => "reason: a decision needs a reason",
  proposal_reason_required: () => "reason: a proposal needs a reason",
  approval_kind_unknown: (p) => `no handler for approvals of kind ${list(p.kind)}`,
  approval_decided_meanwhile: (p) => `approval ${list(p.id)} was decided by someone else meanwhile`,
  approval_not_pending: (p) => `approval ${list(p.id)} is already ${list(p.status)}`,
  approval_expired: (p) => `approval ${list(p.id)} expired at ${list(p.expiresAt)}; propose the action again`,
  approver_is_proposer: () => "the proposer of an action cannot approve or reject it: a second person must",
  approver_permission: (p) => `deciding this approval needs permission "${list(p.permission)}"`,
  approval_other_agency: () => "this approval belongs to another agency",
  // Watchlists.
  watchlist_import_running: (p) => `an import of ${list(p.list)} is running`,
  watchlist_version_raced: (p) =>
    `another import saved version ${list(p.version)} of ${list(p.list)} meanwhile; import again`,
  watchlist_needs_approval: (p) =>
    `this version of ${list(p.list)} breaks its safety limits (${list(p.breaches)}) and needs a second watchlist manager's approval: import it as a manager to stage it`,
  watchlist_base_moved: (p) =>
    `version ${list(p.live)} of ${list(p.list)} went live after this one was staged against ${list(p.base)}; upload again`,
  watchlist_not_staged: (p) => `version ${list(p.version)} of ${list(p.list)} is no longer staged`,
  duplicate_entity: (p) => `entity id ${list(p.id)} occurs twice in this version of ${list(p.list)}`,
  zip_too_large: (p) => `the zip unpacks to more than ${list(p.limit)} bytes`,
  zip_unreadable: asIs,
  // Reading a list file (ImportError): the whole file is refused, nothing is imported.
  list_malformed: (p) => `${list(p.location)}: ${list(p.reason)}`,
  list_bad_records: (p) =>
    `${list(p.file)}: ${list(p.errors)} bad record(s), first at ${list(p.location)}: ${list(p.reason)}`,
  ofac_sdn_missing: (p) => `OFAC SDN file not found: ${list(p.path)}`,
  ofac_import_failed: (p) =>
    `OFAC CSV import failed with ${list(p.errors)} error(s); first at ${list(p.location)}: ${list(p.reason)}`,
  csv_unknown_columns: (p) =>
    `${list(p.file)}:1: unknown column(s) ${list(p.columns)}; allowed: ${list(p.allowed)}`,
  csv_duplicate_column: (p) => `${list(p.file)}:1: column "${list(p.column)}" appears twice`,
  csv_no_id_column: (p) => `${list(p.file)}:1: the header has no "id" column`,
  csv_no_header: (p) => `${list(p.file)}: no header row`,
  un_list_empty: (p) => `${list(p.file)}: empty file, no <CONSOLIDATED_LIST>`,
  un_list_no_records: (p) =>
    `${list(p.file)}: <CONSOLIDATED_LIST> holds no <INDIVIDUAL> or <ENTITY> record and is not explicitly empty (empty <INDIVIDUALS/> and <ENTITIES/>)`,
  ftm_no_targets: (p) =>
    `${list(p.file)}: no screening target (Person, Organization, Vessel, Airplane…) among ${list(p.lines)} lines, and not an empty file`,
  ofac_files_missing: asIs,
  // Reading a traveller document or file (src/travel): the MRZ, a PAXLST interchange, a FAL form or a
  // record CSV is refused as a whole.
  mrz_not_text: () => "MRZ must be text",
  mrz_empty: () => "MRZ is empty",
  mrz_line_count: (p) => `MRZ must have 2 or 3 lines, found ${list(p.lines)}`,
  mrz_line_length: (p) =>
    `MRZ line ${list(p.line)} has ${list(p.length)} characters; expected ${list(p.expected)}`,
  mrz_document_code: (p) =>
    `MRZ document code "${list(p.code)}" does not fit a ${list(p.size)} MRZ: expected ${list(p.expected)}`,
  mrz_character: (p) =>
    `MRZ line ${list(p.line)} column ${list(p.column)}: character "${list(p.character)}" is not allowed (A-Z, 0-9 and < only)`,
  mrz_unreadable: (p) => `MRZ not readable: ${list(p.reason)}`,
  mrz_layout: (p) => `MRZ reads as the ${list(p.format)} layout, not ICAO ${list(p.td)}; not supported`,
  edifact_segment: (p) =>
    `segment ${list(p.segment)} (line ${list(p.line)}${p.tag ? `, ${list(p.tag)}` : ""}): ${list(p.reason)}`,
  edifact_una: (p) => `segment 1 (UNA): ${list(p.reason)}`,
  edifact_syntax: (p) =>
    `UNB: syntax identifier "${list(p.syntax)}" is not supported (supported: ${list(p.supported)})`,
  edifact_bad_byte: (p) =>
    `segment ${list(p.segment)}, byte offset ${list(p.offset)}: byte 0x${list(p.byte)} is not valid in ${list(p.syntax)}`,
  paxlst_several_messages: (p) =>
    `the interchange holds ${list(p.count)} PAXLST messages; send one message (one manifest) at a time`,
  paxlst_no_message: () => "the interchange holds no PAXLST message",
  manifest_format: () =>
    "manifest file is neither PAXLST (EDIFACT) nor a FAL Form 5/6 CSV (rank_or_rating or transit column)",
  manifest_not_unicode: (p) =>
    `line ${list(p.line)}, byte offset ${list(p.offset)}: byte 0x${list(p.byte)} is not valid UTF-8`,
  csv_unreadable: (p) => `${list(p.what)}: not readable as CSV: ${list(p.reason)}`,
  csv_empty: (p) => `${list(p.what)}: the file is empty`,
  csv_missing_columns: (p) => `${list(p.what)}: missing column(s) ${list(p.columns)}`,
  csv_invalid_rows: (p) =>
    `${list(p.what)}: ${list(p.rows)} invalid row(s), line(s) ${list(p.lines)}: ${list(p.reasons)}`,
  csv_no_records: (p) => `${list(p.what)}: no records`,
  fal_header: (p) => `${list(p.what)}: header: ${list(p.problems)}`,
  manual_not_object: () => "manual entry must be an object",
  manual_invalid: (p) => `manual entry: ${list(p.problems)}`,
  // A vehicle check's occupant whose entry is refused: which one, and the entry's own refusal.
  occupant_invalid: (p) => `occupants[${list(p.occupant)}]: ${list(p.reason)}`,
  one_file_expected: (p) => `a ${list(p.format)} list is one file; this upload has ${list(p.count)}`,
  // Command-line refusals (src/cli): an option's value, and a file of persons to screen.
  cli_option: (p) => `${list(p.option)} must be ${list(p.expected)}, not "${list(p.value)}"`,
  cli_option_range: (p) => `${list(p.option)}: a whole number from ${list(p.min)} to ${list(p.max)}`,
  cli_unknown_roles: (p) => `unknown role(s) ${list(p.roles)}; roles: ${list(p.known)}`,
  cli_not_json: (p) => `${list(p.file)}: not a JSON file (${list(p.reason)})`,
  person_no_name: () => "no name: full_name or first_name/last_name is required",
  person_gender: (p) => `unknown gender "${list(p.gender)}" (male, female, other)`,
  person_birth_date: (p) => `date_of_birth "${list(p.value)}" is not YYYY, YYYY-MM or YYYY-MM-DD`,
  person_schema: (p) => `unknown schema "${list(p.schema)}"`,
  persons_json: (p) => `${list(p.path)}:${list(p.line)}: invalid JSON (${list(p.reason)})`,
  persons_not_object: (p) => `${list(p.path)}:${list(p.line)}: expected a JSON object`,
  persons_fields: (p) => `${list(p.path)}:${list(p.line)}: unknown field(s) ${list(p.fields)}`,
  persons_file_type: (p) => `${list(p.path)}: input must be .csv or .jsonl`,
  persons_columns: (p) =>
    `${list(p.path)}: unknown column(s) ${list(p.columns)}; expected ${list(p.expected)}`,
  persons_unreadable: (p) => `${list(p.path)}: ${list(p.reason)}`,
  persons_row: (p) => `${list(p.path)}:${list(p.line)}: ${list(p.reason)}`,
  // Rules and protection.
  rule_rejected: (p) => `rule rejected: ${list(p.reason)}`,
  rule_saved_meanwhile: (p) => `rule ${list(p.id)} version ${list(p.version)} was saved meanwhile`,
  protection_source: () => "give exactly one of alertId, crossingId or person",
  protection_kinds_required: () => "name at least one protection need",
  referral_outcome_required: () => "say how the referral ended, in at least 10 characters",
  referral_closed: (p) => `referral ${list(p.id)} was closed on ${list(p.closedAt)}`,
  // Accounts.
  user_exists: (p) => `user "${list(p.username)}" already exists`,
  second_factor_enrolled: () => "a second factor is already enrolled",
  no_enrolment_pending: () => "no enrolment waits to be confirmed",
  totp_code_wrong: () => "code: not the current code of the authenticator",
  wrong_credentials: () => "wrong username or password",
  wrong_second_factor: () => "wrong code from the authenticator",
  password_policy: asIs,
  days_range: (p) => `days: between ${list(p.min)} and ${list(p.max)}`,
  // The partner exchange (issue 16): refusals of a signed request, and of the agreement behind it.
  no_node: () => "this node has no node identity (LIMES_NODE_ID, LIMES_NODE_KEY, LIMES_NODE_URL)",
  agreement_inactive: asIs,
  agreement_expired: asIs,
  agreement_not_yet_valid: asIs,
  purpose_not_allowed: asIs,
  kind_not_allowed: asIs,
  signature_missing: asIs,
  signature_malformed: asIs,
  digest_mismatch: asIs,
  stale_timestamp: asIs,
  unknown_key: asIs,
  bad_signature: asIs,
  replay: asIs,
  rate_limited: asIs,
  already_answered: asIs,
  duplicate_request: asIs,
  no_such_hit: asIs,
  no_such_request: asIs,
  query_incomplete: asIs,
  partner_protocol: asIs,
  partner_unreachable: asIs,
  partner_refused: (p, m) => (p.partnerCode ? `the partner refused: ${list(p.partnerCode)}` : m),
  // The regional exchange (issue 16, item 6).
  bundle_malformed: asIs,
  bundle_signature: () => "the bundle's signature does not hold: it was changed after signing",
  bundle_unknown_signer: (p) =>
    `no agreement in force pins the key ${p.keyId ?? "?"} for ${p.nodeId ?? "the bundle's node"}`,
  bundle_small_cells: (p) => `the bundle shows cells under ${p.minCell ?? 10}: it is refused`,
  bundle_exists: (p) =>
    `a bundle of ${p.nodeId ?? "this node"} for ${p.month ?? "this month"} was imported before`,
  bundle_not_sender: (p) =>
    `${p.partnerNodeId ?? "a partner"} may send its own bundles only, not one of ${p.nodeId ?? "another node"}`,
} satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof MESSAGES;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(MESSAGES, code);
}

/** The catalogue's wording of an error; the server's message for a code this catalogue does not know. */
export function messageOf(error: { code: string; params?: ErrorParams; message: string }): string {
  return isErrorCode(error.code) ? MESSAGES[error.code](error.params ?? {}, error.message) : error.message;
}
