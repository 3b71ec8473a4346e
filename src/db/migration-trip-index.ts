// 0020_trip_index (issue 18, item 6). Every crossing counts the traveller's trips of the last 90 days
// (src/rules/store.ts, tripCounts): one identity's screenings since a date. Without statistics SQLite
// planned it on (agency, created_at) and read every screening of the agency in those 90 days, per
// crossing, so a crossing got slower with each one recorded (2.3 ms at 3,500 rows, 0.005 ms with this
// index). (agency, identity_key, created_at) answers it from the index alone on both dialects; it also
// serves every lookup by (agency, identity_key), so it replaces that index instead of adding a third.
import type { Kysely } from "kysely";
import type { Dialect } from "./schema.js";

export async function tripIndex(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  // On PostgreSQL the table is partitioned (0015): both statements reach every month's partition.
  await db.schema
    .createIndex("screened_travellers_identity_since")
    .on("screened_travellers")
    .columns(["agency", "identity_key", "created_at"])
    .execute();
  await db.schema.dropIndex("screened_travellers_identity").execute();
}
