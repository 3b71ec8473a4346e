// 0014_sync: the bookkeeping of remote posts (issue 18). Empty and unused on a single node.
//   sync_state     small named cursors: a post's last published audit id, the centre's decision cursor
//   sync_inbox     one row per message the centre ingested (its Nats-Msg-Id): the centre's own
//                  idempotence, which holds beyond JetStream's duplicate window
//   sync_origins   which post an ingested crossing or alert came from, so decisions flow back to it
//   sync_audit     the posts' audit entries, unchanged (their hashes and links), with their origin:
//                  each post's chain is verifiable at the centre as it is at the post
//   sync_list_versions  at a post: the centre's list versions received, with their checksum and when
//                  the post last confirmed with the centre that each was still the active one
import type { Kysely } from "kysely";

export async function syncMigration(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("sync_state")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("sync_inbox")
    .addColumn("msg_id", "text", (c) => c.primaryKey())
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("ingested_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("sync_origins")
    .addColumn("object_type", "text", (c) => c.notNull())
    .addColumn("object_id", "text", (c) => c.notNull())
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("ingested_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("sync_origins_pk", ["object_type", "object_id"])
    .execute();
  await db.schema
    .createTable("sync_audit")
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("id", "integer", (c) => c.notNull())
    .addColumn("chain", "integer", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("ts", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "text")
    .addColumn("actor_username", "text")
    .addColumn("actor_roles", "text")
    .addColumn("actor_agency", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("object_type", "text", (c) => c.notNull())
    .addColumn("object_id", "text")
    .addColumn("purpose", "text")
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("details", "text")
    .addColumn("salt", "text")
    .addColumn("payload_digest", "text", (c) => c.notNull())
    .addColumn("erased_at", "text")
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("sync_audit_pk", ["origin", "chain", "seq"])
    .execute();
  await db.schema
    .createTable("sync_list_versions")
    .addColumn("list_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("activated_at", "text", (c) => c.notNull())
    .addColumn("confirmed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("sync_list_versions_pk", ["list_id", "version"])
    .execute();
}
