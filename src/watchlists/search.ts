// A search of one list's entities by name, audited in its own transaction: the name searched for is
// often a traveller's.
import type { Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import type { Entity } from "./model.js";
import { searchEntities } from "./repository.js";

export async function searchList(
  db: Db,
  p: Principal,
  list: string,
  input: { q: string; limit?: number; purpose: string },
): Promise<Entity[]> {
  const entities = await searchEntities(db, list, input.q, input.limit ?? 50);
  await db.kysely.transaction().execute((trx) =>
    appendAudit(trx, {
      actor: p,
      action: "watchlist.search",
      objectType: "watchlist",
      objectId: list,
      purpose: input.purpose,
      outcome: "success",
      details: { q: input.q, results: entities.length },
    }),
  );
  return entities;
}
