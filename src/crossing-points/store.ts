// Plain queries on crossing points.
import type { Kysely } from "kysely";
import type { Database } from "../db/index.js";

/** The crossing point of this agency with this id or code, or undefined. */
export async function findAgencyCrossingPoint(
  db: Kysely<Database>,
  agency: string,
  idOrCode: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom("crossing_points")
    .select("id")
    .where("agency", "=", agency)
    .where((eb) => eb.or([eb("id", "=", idOrCode), eb("code", "=", idOrCode)]))
    .executeTakeFirst();
}
