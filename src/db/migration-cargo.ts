// 0011_cargo (issue 17). A screened cargo manifest and its consignments. The consignment rows carry their
// parties (names of companies and sometimes of persons), so they are personal data for retention and are
// read only through audited use cases.
import type { Kysely } from "kysely";

export async function cargo(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("cargo_manifests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("crossing_point_id", "text")
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("reference", "text")
    .addColumn("vessel", "text")
    .addColumn("consignments", "integer", (c) => c.notNull())
    .addColumn("referred", "integer", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("cargo_manifests_agency_at")
    .on("cargo_manifests")
    .columns(["agency", "created_at"])
    .execute();
  await db.schema
    .createTable("cargo_consignments")
    .addColumn("manifest_id", "text", (c) => c.notNull().references("cargo_manifests.id").onDelete("cascade"))
    .addColumn("idx", "integer", (c) => c.notNull())
    .addColumn("reference", "text", (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("flags", "text", (c) => c.notNull())
    .addColumn("alert_id", "text")
    .addColumn("data", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("cargo_consignments_pk", ["manifest_id", "idx"])
    .execute();
}
