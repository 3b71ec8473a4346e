// List staging and the one approval mechanism: a list version can wait as `staged` with the approval that
// would make it live, and any action needing a second person's consent is an `approvals` row.
import type { Kysely } from "kysely";
import type { Dialect } from "./schema.js";

export async function listStaging(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("approvals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("agency", "text")
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("legal_basis", "text")
    .addColumn("required_permission", "text", (c) => c.notNull())
    .addColumn("proposed_by", "text", (c) => c.notNull())
    .addColumn("proposed_by_name", "text", (c) => c.notNull())
    .addColumn("proposed_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("decided_by", "text")
    .addColumn("decided_by_name", "text")
    .addColumn("decided_at", "text")
    .addColumn("decision_reason", "text")
    .execute();
  await db.schema.createIndex("approvals_status_kind").on("approvals").columns(["status", "kind"]).execute();
  await db.schema.createIndex("approvals_subject").on("approvals").columns(["kind", "subject"]).execute();
  // The live version this one was diffed against, and the feed's own date (UN dateGenerated), so that
  // activation can tell a stale approval and an upload can tell a feed going backwards.
  await db.schema.alterTable("watchlist_versions").addColumn("base_version", "integer").execute();
  await db.schema.alterTable("watchlist_versions").addColumn("source_date", "text").execute();
  await db.schema.alterTable("watchlist_versions").addColumn("checks", "text").execute();
}
