// Table types of migrations 0012 (vehicles, firearms and cash at the post) and 0017 (their uploaded lists,
// retention marks), kept apart from schema.ts.

export interface VehicleChecksTable {
  id: string;
  agency: string;
  user_id: string;
  crossing_point_id: string | null;
  plate_country: string | null;
  plate_number: string | null;
  vin: string | null;
  decision: "refer" | "clear";
  alert_id: string | null;
  /** JSON: the vehicle as declared, its VIN check, hits, and the occupants' crossing ids and decisions. */
  data: string;
  created_at: string;
  /** Set by the retention job (src/retention) when the row lost its personal data (0017). */
  depersonalised_at?: string | null;
}

export interface FirearmChecksTable {
  id: string;
  agency: string;
  user_id: string;
  crossing_point_id: string | null;
  serial: string;
  make: string | null;
  /** `seizure_proposed` while a seizure waits for its second person; `seized` once approved. */
  status: "checked" | "seizure_proposed" | "seized";
  decision: "refer" | "clear";
  alert_id: string | null;
  /** JSON: the firearm as declared, its marking details (for tracing) and hits. */
  data: string;
  created_at: string;
  /** Set by the retention job (src/retention) when the row lost its personal data (0017). */
  depersonalised_at?: string | null;
}

export interface CashRecordsTable {
  id: string;
  agency: string;
  user_id: string;
  crossing_point_id: string | null;
  /** A declaration by the carrier, or a detection by a control. */
  kind: "declaration" | "detection";
  direction: "entry" | "exit";
  finding: "undeclared" | "incomplete" | "below_threshold" | "as_declared" | null;
  declaration_id: string | null;
  total_eur_cents: number;
  status: "recorded" | "retention_proposed" | "retained";
  alert_id: string | null;
  /** JSON: carrier, owner, origin, intended use, priced items, threshold. */
  data: string;
  created_at: string;
  /** Set by the retention job (src/retention) when the row lost its personal data (0017). */
  depersonalised_at?: string | null;
}

export interface CashItemsTable {
  record_id: string;
  position: number;
  kind: string;
  currency: string;
  amount: number;
  eur_cents: number;
}

/** An uploaded list of the checks at the post, as uploaded (0017); the latest per kind is live. */
export interface GoodsListsTable {
  kind: "stolen_vehicles" | "firearms";
  csv: string;
  records: number;
  uploaded_by: string;
  uploaded_at: string;
}

/** An aircraft check, or a ship's FAL Form 1 with its vessel screened (0017). */
export interface CraftChecksTable {
  id: string;
  agency: string;
  user_id: string;
  crossing_point_id: string | null;
  kind: "aircraft" | "fal1";
  reference: string;
  decision: "refer" | "clear";
  alert_id: string | null;
  /** JSON: the craft as declared (for FAL 1, the whole declaration) and the hits. */
  data: string;
  created_at: string;
  depersonalised_at?: string | null;
}

export interface ChecksAtPostTables {
  goods_lists: GoodsListsTable;
  craft_checks: CraftChecksTable;
  vehicle_checks: VehicleChecksTable;
  firearm_checks: FirearmChecksTable;
  cash_records: CashRecordsTable;
  cash_items: CashItemsTable;
}
