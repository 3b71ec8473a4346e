// 0019_regional (issue 16, the rest of the partner exchange). Crossing points get a border section (a
// border with a named neighbour, a sea area), set by an admin, for the regional risk-analysis bundles;
// the bundles imported from partners are kept as signed, with their origin; and follow-up decisions that
// could not be delivered to the asking node wait in an outbox until a retry gets them through.
import type { Kysely } from "kysely";
import type { Dialect } from "./schema.js";

export async function regional(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable("crossing_points").addColumn("border_section", "text").execute();
  await db.schema
    .createTable("regional_bundles")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("origin_node_id", "text", (c) => c.notNull())
    .addColumn("key_id", "text", (c) => c.notNull())
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("bundle", "text", (c) => c.notNull())
    .addColumn("signature", "text", (c) => c.notNull())
    .addColumn("imported_by", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addUniqueConstraint("regional_bundles_origin_month", ["origin_node_id", "month"])
    .execute();
  await db.schema
    .createTable("partner_outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("partner_node_id", "text", (c) => c.notNull())
    .addColumn("route", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("object_id", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("delivered_at", "text")
    .execute();
  await db.schema
    .createIndex("partner_outbox_due")
    .on("partner_outbox")
    .columns(["delivered_at", "next_attempt_at"])
    .execute();
}
