// Table types of migration 0012 (vehicles, firearms and cash at the post), kept apart from schema.ts.

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
}

export interface CashItemsTable {
  record_id: string;
  position: number;
  kind: string;
  currency: string;
  amount: number;
  eur_cents: number;
}

export interface ChecksAtPostTables {
  vehicle_checks: VehicleChecksTable;
  firearm_checks: FirearmChecksTable;
  cash_records: CashRecordsTable;
  cash_items: CashItemsTable;
}
