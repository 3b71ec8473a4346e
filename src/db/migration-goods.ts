// 0017_goods (issue 17, the backend's remaining gaps). The stolen-vehicle and firearms lists as a
// watchlist manager uploaded them, one row per list, so that an upload outlives a restart; aircraft
// checks and ships' FAL Form 1 declarations with their screening; and the retention job's mark on goods
// checks (vehicle, firearm, cash, craft), as on screenings and alerts.
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
  await db.schema
    .createTable("craft_checks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("crossing_point_id", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("reference", "text", (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("alert_id", "text")
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("depersonalised_at", "text")
    .execute();
  await db.schema
    .createIndex("craft_checks_agency_at")
    .on("craft_checks")
    .columns(["agency", "created_at"])
    .execute();
  // One column per statement: SQLite adds one column per ALTER TABLE.
  for (const table of ["vehicle_checks", "firearm_checks", "cash_records"]) {
    await db.schema.alterTable(table).addColumn("depersonalised_at", "text").execute();
  }
}
