// Plain queries on vehicle checks.
import type { Transaction } from "kysely";
import type { Database } from "../db/index.js";
import type { VehicleChecksTable } from "../db/schema-checks-at-post.js";

export async function insertVehicleCheck(trx: Transaction<Database>, row: VehicleChecksTable): Promise<void> {
  await trx.insertInto("vehicle_checks").values(row).execute();
}
