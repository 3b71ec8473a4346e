// Plain queries on cargo manifests and their consignments.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/index.js";

/** Rows per insert: well under SQLite's bound-parameter limit with seven columns. */
const BATCH = 500;

export async function insertCargoManifest(trx: Transaction<Database>, row: Database["cargo_manifests"]) {
  await trx.insertInto("cargo_manifests").values(row).execute();
}

export async function insertConsignments(trx: Transaction<Database>, rows: Database["cargo_consignments"][]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await trx
      .insertInto("cargo_consignments")
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}

/** Agency scoping is in the query: another agency's manifest does not exist for this caller. */
export function findCargoManifest(db: Kysely<Database>, agency: string, id: string) {
  return db
    .selectFrom("cargo_manifests")
    .selectAll()
    .where("id", "=", id)
    .where("agency", "=", agency)
    .executeTakeFirst();
}

export function consignmentsOf(db: Kysely<Database>, manifestId: string) {
  return db
    .selectFrom("cargo_consignments")
    .selectAll()
    .where("manifest_id", "=", manifestId)
    .orderBy("idx")
    .execute();
}

export async function insertCraftCheck(trx: Transaction<Database>, row: Database["craft_checks"]) {
  await trx.insertInto("craft_checks").values(row).execute();
}
