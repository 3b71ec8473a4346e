// Plain queries on crossings and manifests.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/index.js";

export async function insertCrossing(trx: Transaction<Database>, row: Database["crossings"]) {
  await trx.insertInto("crossings").values(row).execute();
}

export async function insertManifest(trx: Transaction<Database>, row: Database["manifests"]) {
  await trx.insertInto("manifests").values(row).execute();
}

/** Agency scoping is in the query: another agency's manifest does not exist for this caller. */
export function findManifest(db: Kysely<Database>, agency: string, id: string) {
  return db
    .selectFrom("manifests")
    .selectAll()
    .where("id", "=", id)
    .where("agency", "=", agency)
    .executeTakeFirst();
}
