// Plain queries of the screenings capability: requests and their per-person results. No rules here.
import { type Insertable, sql, type Transaction } from "kysely";
import { type Database, type Db, keysetPage, type PageRequest } from "../db/index.js";

/** One page of an agency's screenings, newest first, with their person and refer counts. */
export function screeningsPage(
  db: Db,
  agency: string,
  filter: { userId?: string; crossingPointId?: string },
  page: PageRequest,
) {
  const count = (decision?: "refer") =>
    sql<string | number>`(select count(*) from screening_results s where s.request_id = r.id${
      decision ? sql` and s.decision = ${decision}` : sql``
    })`;
  let q = db.kysely
    .selectFrom("screening_requests as r")
    .select(["r.id", "r.created_at", "r.crossing_point_id", "r.user_id"])
    .select([count().as("persons"), count("refer").as("refers")])
    .where("r.agency", "=", agency);
  if (filter.userId !== undefined) q = q.where("r.user_id", "=", filter.userId);
  if (filter.crossingPointId) q = q.where("r.crossing_point_id", "=", filter.crossingPointId);
  return keysetPage(
    q,
    [
      { expr: "r.created_at", desc: true },
      { expr: "r.id", desc: true },
    ],
    (r) => [r.created_at, r.id],
    page,
  );
}

export const screeningOf = (db: Db, agency: string, id: string) =>
  db.kysely
    .selectFrom("screening_requests")
    .selectAll()
    .where("id", "=", id)
    .where("agency", "=", agency)
    .executeTakeFirst();

export const resultsOf = (db: Db, requestId: string) =>
  db.kysely
    .selectFrom("screening_results")
    .selectAll()
    .where("request_id", "=", requestId)
    .orderBy("person_index")
    .execute();

/** A request and its results, in the caller's transaction. */
export async function insertScreening(
  trx: Transaction<Database>,
  request: Insertable<Database["screening_requests"]>,
  results: Insertable<Database["screening_results"]>[],
): Promise<void> {
  await trx.insertInto("screening_requests").values(request).execute();
  // In chunks: a ship's manifest would pass SQLite's limit of bound parameters in one statement.
  for (let start = 0; start < results.length; start += 200)
    await trx
      .insertInto("screening_results")
      .values(results.slice(start, start + 200))
      .execute();
}
