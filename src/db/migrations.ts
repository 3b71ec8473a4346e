// Versioned migrations, one schema for SQLite and PostgreSQL. Append new migrations; never edit one
// that has shipped.
import { type Kysely, type Migration, type MigrationProvider, sql } from "kysely";
import { accountsMigration } from "./migration-accounts.js";
import { alertApprovals } from "./migration-alert-approvals.js";
import { auditSigning } from "./migration-audit.js";
import { cargo } from "./migration-cargo.js";
import { checksAtPost } from "./migration-checks-at-post.js";
import { goods } from "./migration-goods.js";
import { languages } from "./migration-languages.js";
import { listStaging } from "./migration-lists.js";
import { partitions } from "./migration-partitions.js";
import { partners } from "./migration-partners.js";
import { population } from "./migration-population.js";
import { regional } from "./migration-regional.js";
import { safeguards } from "./migration-safeguards.js";
import { subjects } from "./migration-subjects.js";
import { syncMigration } from "./migration-sync.js";
import { tripIndex } from "./migration-trip-index.js";
import type { Dialect } from "./schema.js";

type Builder = (db: Kysely<unknown>, dialect: Dialect) => Promise<void>;

const initial: Builder = async (db, dialect) => {
  const autoId = dialect === "postgres" ? "serial" : "integer";
  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("crossing_point_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("disabled_at", "text")
    .execute();
  await db.schema
    .createTable("user_roles")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("user_roles_pk", ["user_id", "role"])
    .execute();
  await db.schema
    .createTable("tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema
    .createTable("login_attempts")
    .addColumn("id", autoId, (c) =>
      dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn("username", "text", (c) => c.notNull())
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("success", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("login_attempts_user_at")
    .on("login_attempts")
    .columns(["username", "at"])
    .execute();
  await db.schema
    .createTable("crossing_points")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("watchlists")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("watchlist_versions")
    .addColumn("list_id", "text", (c) => c.notNull().references("watchlists.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("file", "text")
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addColumn("counts", "text", (c) => c.notNull())
    .addColumn("diff", "text")
    .addColumn("error", "text")
    .addPrimaryKeyConstraint("watchlist_versions_pk", ["list_id", "version"])
    .execute();
  await db.schema
    .createTable("watchlist_entities")
    .addColumn("list_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("source_ref", "text", (c) => c.notNull())
    .addColumn("schema", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("watchlist_entities_pk", ["list_id", "version", "entity_id"])
    .addForeignKeyConstraint(
      "watchlist_entities_version_fk",
      ["list_id", "version"],
      "watchlist_versions",
      ["list_id", "version"],
      (c) => c.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createTable("screening_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("crossing_point_id", "text")
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("input", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("screening_requests_agency")
    .on("screening_requests")
    .columns(["agency", "created_at"])
    .execute();
  await db.schema
    .createTable("screening_results")
    .addColumn("request_id", "text", (c) =>
      c.notNull().references("screening_requests.id").onDelete("cascade"),
    )
    .addColumn("person_index", "integer", (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("matches", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("screening_results_pk", ["request_id", "person_index"])
    .execute();
  await db.schema
    .createTable("alerts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("request_id", "text", (c) => c.notNull())
    .addColumn("person_index", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("priority", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("due_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", (c) => c.primaryKey())
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
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("audit_head")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("last_id", "integer", (c) => c.notNull())
    .addColumn("last_hash", "text", (c) => c.notNull())
    .execute();
  await sql`insert into audit_head (id, last_id, last_hash) values (1, 0, ${"0".repeat(64)})`.execute(db);
};

/** Traveller data: manifests (flights, voyages, buses) and single crossings, each tied to its screening. */
const travel: Builder = async (db) => {
  await db.schema
    .createTable("manifests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("screening_id", "text", (c) => c.notNull().references("screening_requests.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("carrier", "text")
    .addColumn("number", "text")
    .addColumn("list_type", "text", (c) => c.notNull())
    .addColumn("persons", "integer", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("crossings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("screening_id", "text", (c) => c.notNull().references("screening_requests.id"))
    .addColumn("crossing_point_id", "text")
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
};

/**
 * Review and safeguards: alerts with their decisions, the clearance (redress) list, protection records
 * with their referrals, versioned risk rules and their hits, and one row per screened traveller (the
 * population the rule fairness report and travel-pattern facts are computed over). The placeholder
 * `alerts` table of 0001 never held rows; it is replaced.
 */
const review: Builder = async (db) => {
  await db.schema.dropTable("alerts").execute();
  await db.schema
    .createTable("alerts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("priority", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("source_id", "text", (c) => c.notNull())
    .addColumn("screening_id", "text", (c) => c.notNull())
    .addColumn("person_index", "integer", (c) => c.notNull())
    .addColumn("crossing_point_id", "text")
    .addColumn("identity_key", "text", (c) => c.notNull())
    .addColumn("traveller", "text", (c) => c.notNull())
    .addColumn("reasons", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("due_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("alerts_agency_status").on("alerts").columns(["agency", "status"]).execute();
  await db.schema.createIndex("alerts_identity").on("alerts").column("identity_key").execute();
  await db.schema
    .createTable("alert_decisions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("alert_id", "text", (c) => c.notNull().references("alerts.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("adverse_action", "text")
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("legal_basis", "text", (c) => c.notNull())
    .addColumn("by_user_id", "text", (c) => c.notNull())
    .addColumn("by_username", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("approved_by_user_id", "text")
    .addColumn("approved_by_username", "text")
    .addColumn("approved_at", "text")
    .execute();
  await db.schema.createIndex("alert_decisions_alert").on("alert_decisions").column("alert_id").execute();
  await db.schema
    .createTable("clearances")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("identity_key", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("alert_id", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("clearances_identity")
    .on("clearances")
    .columns(["agency", "identity_key"])
    .execute();
  await db.schema
    .createTable("clearance_notes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("clearance_id", "text", (c) => c.notNull().references("clearances.id"))
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("source_id", "text", (c) => c.notNull())
    .addColumn("screening_id", "text", (c) => c.notNull())
    .addColumn("person_index", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("protection_records")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("identity_key", "text", (c) => c.notNull())
    .addColumn("person", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("alert_id", "text")
    .addColumn("crossing_id", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("protection_identity")
    .on("protection_records")
    .columns(["agency", "identity_key"])
    .execute();
  await db.schema
    .createTable("referrals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("record_id", "text", (c) => c.notNull().references("protection_records.id"))
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("identity_key", "text", (c) => c.notNull())
    .addColumn("service", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("due_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .addColumn("closed_by", "text")
    .addColumn("outcome", "text")
    .execute();
  await db.schema
    .createIndex("referrals_identity")
    .on("referrals")
    .columns(["agency", "identity_key"])
    .execute();
  await db.schema
    .createTable("rules")
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("justification", "text", (c) => c.notNull())
    .addColumn("evidence", "text", (c) => c.notNull())
    .addColumn("review_date", "text", (c) => c.notNull())
    .addColumn("priority", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("condition", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("rules_pk", ["id", "version"])
    .execute();
  await db.schema
    .createTable("rule_hits")
    .addColumn("rule_id", "text", (c) => c.notNull())
    .addColumn("rule_version", "integer", (c) => c.notNull())
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("screening_id", "text", (c) => c.notNull())
    .addColumn("person_index", "integer", (c) => c.notNull())
    .addColumn("alert_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("rule_hits_pk", ["rule_id", "screening_id", "person_index"])
    .execute();
  await db.schema
    .createTable("screened_travellers")
    .addColumn("screening_id", "text", (c) => c.notNull())
    .addColumn("person_index", "integer", (c) => c.notNull())
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("source_id", "text", (c) => c.notNull())
    .addColumn("identity_key", "text", (c) => c.notNull())
    .addColumn("nationality", "text")
    .addColumn("sex", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("screened_travellers_pk", ["screening_id", "person_index"])
    .execute();
  await db.schema
    .createIndex("screened_travellers_identity")
    .on("screened_travellers")
    .columns(["agency", "identity_key"])
    .execute();
};

const MIGRATIONS: Record<string, Builder> = {
  "0001_initial": initial,
  "0002_travel": travel,
  "0003_review": review,
  "0004_audit_signing": auditSigning,
  "0005_list_staging": listStaging,
  "0006_accounts": accountsMigration,
  "0008_population": population,
  "0009_safeguards": safeguards,
  "0010_subjects": subjects,
  "0011_cargo": cargo,
  "0012_checks_at_post": checksAtPost,
  "0013_partners": partners,
  "0014_sync": syncMigration,
  "0015_partitions": partitions,
  "0016_languages": languages,
  "0017_goods": goods,
  "0018_alert_approvals": alertApprovals,
  "0019_regional": regional,
  "0020_trip_index": tripIndex,
};

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return Object.fromEntries(
        Object.entries(MIGRATIONS).map(([name, up]) => [
          name,
          { up: (db: Kysely<unknown>) => up(db, dialect) },
        ]),
      );
    },
  };
}
