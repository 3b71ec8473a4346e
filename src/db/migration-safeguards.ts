// 0009_safeguards (issue 12, items 3, 4 and 6). Four-eyes on clearances: a decision row says whether it
// carries a clearance, so a clearance waiting for a second officer is recorded only on approval. The
// protection bar follows the person: every identity key, person key, alert and crossing a protection
// record is bound to, filled here for the records already on file. Retention: rows that have been
// depersonalised say when.
import type { Kysely } from "kysely";
import { personKey } from "../travel/identity.js";
import type { Traveller } from "../travel/model.js";
import type { Dialect } from "./schema.js";

type Binding = { record_id: string; agency: string; kind: string; value: string; created_at: string };

async function bindExistingRecords(db: Kysely<unknown>): Promise<void> {
  const q = db as unknown as Kysely<{
    protection_records: {
      id: string;
      agency: string;
      identity_key: string;
      person: string;
      alert_id: string | null;
      crossing_id: string | null;
      created_at: string;
    };
    protection_bindings: Binding;
  }>;
  const records = await q.selectFrom("protection_records").selectAll().execute();
  for (const r of records) {
    const person = personKey(JSON.parse(r.person) as Traveller);
    const bind = (kind: string, value: string | null | undefined): Binding[] =>
      value ? [{ record_id: r.id, agency: r.agency, kind, value, created_at: r.created_at }] : [];
    const rows = [
      ...bind("identity", r.identity_key),
      ...bind("person", person),
      ...bind("alert", r.alert_id),
      ...bind("crossing", r.crossing_id),
    ];
    await q.insertInto("protection_bindings").values(rows).execute();
  }
}

export async function safeguards(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable("alert_decisions")
    .addColumn("clearance", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("protection_bindings")
    .addColumn("record_id", "text", (c) => c.notNull().references("protection_records.id"))
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("protection_bindings_pk", ["record_id", "kind", "value"])
    .execute();
  await db.schema
    .createIndex("protection_bindings_value")
    .on("protection_bindings")
    .columns(["agency", "kind", "value"])
    .execute();
  await bindExistingRecords(db);
  for (const table of ["screening_requests", "crossings", "manifests", "alerts", "protection_records"]) {
    await db.schema.alterTable(table).addColumn("depersonalised_at", "text").execute();
  }
  // The retention job looks for old rows not yet depersonalised.
  await db.schema
    .createIndex("screening_requests_created")
    .on("screening_requests")
    .column("created_at")
    .execute();
  await db.schema.createIndex("crossings_screening").on("crossings").column("screening_id").execute();
  await db.schema.createIndex("manifests_screening").on("manifests").column("screening_id").execute();
  await db.schema.createIndex("alerts_screening").on("alerts").column("screening_id").execute();
}
