// 0017_goods (issue 17, the backend's remaining gaps). The stolen-vehicle and firearms lists as a
// watchlist manager uploaded them, one row per list, so that an upload outlives a restart; and the
// retention job's mark on goods checks (vehicle, firearm, cash), as on screenings and alerts.
import type { Kysely } from "kysely";

export async function goods(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("goods_lists")
    .addColumn("kind", "text", (c) => c.primaryKey())
    .addColumn("csv", "text", (c) => c.notNull())
    .addColumn("records", "integer", (c) => c.notNull())
    .addColumn("uploaded_by", "text", (c) => c.notNull())
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .execute();
  // One column per statement: SQLite adds one column per ALTER TABLE.
  for (const table of ["vehicle_checks", "firearm_checks", "cash_records"]) {
    await db.schema.alterTable(table).addColumn("depersonalised_at", "text").execute();
  }
}
