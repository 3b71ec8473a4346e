// 0008_population: the screened population keeps, depersonalised, every non-identifying fact the rule
// language reads, so the guard can run a rule's behavioural part over the agency's own recent travellers.
// Ages and document expiry are kept as bands only. All nullable: a fact the sources did not give stays null.
import type { Kysely } from "kysely";

const COLUMNS: [string, "text" | "integer"][] = [
  ["age_band", "text"],
  ["document_type", "text"],
  ["document_expiry_band", "integer"],
  ["route_origin", "text"],
  ["route_destination", "text"],
  ["route_transit", "text"],
  ["booking_hours", "integer"],
  ["booking_payment", "text"],
  ["booking_one_way", "integer"],
  ["trips_90d", "integer"],
  ["short_trips_90d", "integer"],
  ["co_travellers_watchlisted", "integer"],
];

export async function population(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite adds one column per ALTER TABLE.
  for (const [name, type] of COLUMNS)
    await db.schema.alterTable("screened_travellers").addColumn(name, type).execute();
  await db.schema
    .createIndex("screened_travellers_recent")
    .on("screened_travellers")
    .columns(["agency", "created_at"])
    .execute();
}
