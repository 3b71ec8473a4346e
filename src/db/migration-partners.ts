// 0013_partners (issue 16). Partner exchange between Limes nodes: which lists may answer a partner
// (`watchlists.sharing`), the agreements (versioned, approved by a second admin), the nonces seen
// (replay protection that holds across processes), the hit/no-hit queries sent and answered, and the
// follow-ups with the data received (kept with its origin, agreement and expiry); and the hand-over of an
// alert to another agency of the same deployment.
import type { Kysely } from "kysely";
import type { Dialect } from "./schema.js";

export async function partners(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable("watchlists")
    .addColumn("sharing", "text", (c) => c.notNull().defaultTo("national-only"))
    .execute();
  await db.schema
    .createTable("partner_agreements")
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("partner_node_id", "text", (c) => c.notNull())
    .addColumn("partner_key", "text", (c) => c.notNull())
    .addColumn("partner_key_id", "text", (c) => c.notNull())
    .addColumn("partner_url", "text", (c) => c.notNull())
    .addColumn("valid_from", "text", (c) => c.notNull())
    .addColumn("valid_to", "text", (c) => c.notNull())
    .addColumn("terms", "text", (c) => c.notNull())
    .addColumn("approval_id", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("partner_agreements_pk", ["id", "version"])
    .execute();
  await db.schema
    .createIndex("partner_agreements_key")
    .on("partner_agreements")
    .columns(["partner_key_id", "status"])
    .execute();
  await db.schema
    .createTable("partner_nonces")
    .addColumn("key_id", "text", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("seen_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("partner_nonces_pk", ["key_id", "nonce"])
    .execute();
  await db.schema.createIndex("partner_nonces_seen").on("partner_nonces").column("seen_at").execute();
  await db.schema
    .createTable("partner_queries")
    .addColumn("request_id", "text", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("agreement_id", "text", (c) => c.notNull())
    .addColumn("agreement_version", "integer", (c) => c.notNull())
    .addColumn("partner_node_id", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("answer", "text", (c) => c.notNull())
    .addColumn("reference", "text", (c) => c.notNull())
    .addColumn("contact", "text")
    .addColumn("entity_ids", "text")
    .addColumn("agency", "text")
    .addColumn("alert_id", "text")
    .addColumn("user_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("partner_queries_pk", ["request_id", "direction"])
    .execute();
  await db.schema.createIndex("partner_queries_alert").on("partner_queries").column("alert_id").execute();
  await db.schema
    .createTable("partner_follow_ups")
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("query_request_id", "text", (c) => c.notNull())
    .addColumn("agreement_id", "text", (c) => c.notNull())
    .addColumn("partner_node_id", "text", (c) => c.notNull())
    .addColumn("reference", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("legal_basis", "text", (c) => c.notNull())
    .addColumn("categories", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("agency", "text")
    .addColumn("requested_by", "text")
    .addColumn("decided_by", "text")
    .addColumn("decision_reason", "text")
    .addColumn("returned_categories", "text")
    .addColumn("data", "text")
    .addColumn("expires_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .addPrimaryKeyConstraint("partner_follow_ups_pk", ["id", "direction"])
    .execute();
  await db.schema
    .createIndex("partner_follow_ups_status")
    .on("partner_follow_ups")
    .columns(["direction", "status"])
    .execute();
  await db.schema
    .createTable("alert_hand_overs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("alert_id", "text", (c) => c.notNull())
    .addColumn("from_agency", "text", (c) => c.notNull())
    .addColumn("to_agency", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("alert_hand_overs_to")
    .on("alert_hand_overs")
    .columns(["to_agency", "created_at"])
    .execute();
}
