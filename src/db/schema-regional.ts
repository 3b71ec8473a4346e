// Table types of migration 0019 (regional bundles, the partner outbox), kept apart from schema.ts.

/** A regional risk-analysis bundle imported from a node (possibly this one), kept exactly as signed. */
export interface RegionalBundlesTable {
  id: string;
  origin_node_id: string;
  key_id: string;
  /** YYYY-MM. */
  month: string;
  /** The signed bundle's JSON, byte for byte as verified. */
  bundle: string;
  signature: string;
  imported_by: string;
  imported_at: string;
}

/** A signed message to a partner node that waits for delivery (follow-up decisions today). */
export interface PartnerOutboxTable {
  id: string;
  partner_node_id: string;
  /** The partner API route, e.g. `/follow-up-answers`. */
  route: string;
  /** JSON body, sent signed afresh at each attempt (new timestamp and nonce). */
  payload: string;
  /** What the message is about, e.g. the follow-up id: its audit entries name it. */
  object_id: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface RegionalTables {
  regional_bundles: RegionalBundlesTable;
  partner_outbox: PartnerOutboxTable;
}
