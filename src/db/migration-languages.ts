// 0016_languages (issue 19). The officer's language, chosen at sign-in and remembered per user (null: the
// browser's choice). API keys of analysts' tools (yente clients, OpenRefine): a key names its client and
// states once, at creation, why its queries process personal data, since those tools send no purpose; a
// key with a client reaches only the matching and reconciliation API.
import type { Kysely } from "kysely";

export async function languages(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite adds one column per ALTER TABLE.
  await db.schema.alterTable("users").addColumn("locale", "text").execute();
  await db.schema.alterTable("tokens").addColumn("client", "text").execute();
  await db.schema.alterTable("tokens").addColumn("purpose", "text").execute();
}
