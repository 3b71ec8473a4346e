// Plain queries on firearm checks.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/index.js";
import type { FirearmChecksTable } from "../db/schema-checks-at-post.js";

export async function insertFirearmCheck(trx: Transaction<Database>, row: FirearmChecksTable): Promise<void> {
  await trx.insertInto("firearm_checks").values(row).execute();
}

export async function findFirearmCheck(
  db: Kysely<Database>,
  agency: string,
  id: string,
): Promise<FirearmChecksTable | undefined> {
  return db
    .selectFrom("firearm_checks")
    .selectAll()
    .where("agency", "=", agency)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Moves the check from one status to the next; false when it was not in `from` (someone else moved it). */
export async function moveFirearmStatus(
  trx: Transaction<Database>,
  id: string,
  from: FirearmChecksTable["status"],
  to: FirearmChecksTable["status"],
): Promise<boolean> {
  const r = await trx
    .updateTable("firearm_checks")
    .set({ status: to })
    .where("id", "=", id)
    .where("status", "=", from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
