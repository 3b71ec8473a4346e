// Plain queries on the uploaded lists of the checks at the post.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/index.js";
import type { GoodsListsTable } from "../db/schema-checks-at-post.js";

/** One row per kind: the new upload takes the place of the old one. */
export async function saveGoodsList(trx: Transaction<Database>, row: GoodsListsTable): Promise<void> {
  await trx.deleteFrom("goods_lists").where("kind", "=", row.kind).execute();
  await trx.insertInto("goods_lists").values(row).execute();
}

export async function findGoodsList(
  db: Kysely<Database>,
  kind: GoodsListsTable["kind"],
): Promise<GoodsListsTable | undefined> {
  return db.selectFrom("goods_lists").selectAll().where("kind", "=", kind).executeTakeFirst();
}
