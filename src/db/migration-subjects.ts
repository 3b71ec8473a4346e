// 0010_subjects (issue 17). Alerts are opened on what travels with people too: a vessel, an aircraft, a
// consignment, a vehicle, a firearm or cash. Every alert says what kind of subject it is about; the rows
// already on file are about persons.
import type { Kysely } from "kysely";

export async function subjects(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("alerts")
    .addColumn("subject_kind", "text", (c) => c.notNull().defaultTo("person"))
    .execute();
}
