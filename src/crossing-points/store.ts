// Plain queries on crossing points. No rules here.
import type { Insertable, Kysely, Transaction } from "kysely";
import type { Database } from "../db/index.js";

type Q = Kysely<Database> | Transaction<Database>;

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

export const crossingPointsOf = (db: Kysely<Database>, agency: string) =>
  db.selectFrom("crossing_points").selectAll().where("agency", "=", agency).orderBy("code").execute();

export const crossingPointByCode = (db: Kysely<Database>, code: string) =>
  db.selectFrom("crossing_points").select("id").where("code", "=", code).executeTakeFirst();

export const insertCrossingPoint = (q: Q, row: Insertable<Database["crossing_points"]>) =>
  q.insertInto("crossing_points").values(row).execute();

export const agencyBorderSection = (q: Q, agency: string, id: string) =>
  q
    .selectFrom("crossing_points")
    .select(["id", "border_section"])
    .where("id", "=", id)
    .where("agency", "=", agency)
    .executeTakeFirst();

export const setBorderSectionOf = (q: Q, id: string, section: string | null) =>
  q.updateTable("crossing_points").set({ border_section: section }).where("id", "=", id).execute();
