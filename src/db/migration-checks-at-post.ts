// 0012_checks_at_post (issue 17, items 3–5). What the land post checks beside the person: the vehicle
// (linked to its occupants' crossings), a firearm with its marking details, and cash declarations and
// detections with their sums by currency, for statistics by crossing point and currency.
import type { Kysely } from "kysely";

export async function checksAtPost(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("vehicle_checks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("crossing_point_id", "text")
    .addColumn("plate_country", "text")
    .addColumn("plate_number", "text")
    .addColumn("vin", "text")
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("alert_id", "text")
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("firearm_checks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("crossing_point_id", "text")
    .addColumn("serial", "text", (c) => c.notNull())
    .addColumn("make", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("alert_id", "text")
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("cash_records")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("crossing_point_id", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("finding", "text")
    .addColumn("declaration_id", "text")
    .addColumn("total_eur_cents", "bigint", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("alert_id", "text")
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("cash_items")
    .addColumn("record_id", "text", (c) => c.notNull().references("cash_records.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("amount", "double precision", (c) => c.notNull())
    .addColumn("eur_cents", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("cash_items_pk", ["record_id", "position"])
    .execute();
  await db.schema
    .createIndex("cash_records_agency_at")
    .on("cash_records")
    .columns(["agency", "created_at"])
    .execute();
}
