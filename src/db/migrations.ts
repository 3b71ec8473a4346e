// Versioned migrations, one schema for SQLite and PostgreSQL. Append new migrations; never edit one
// that has shipped.
import { type Kysely, type Migration, type MigrationProvider, sql } from "kysely";
import type { Dialect } from "./connect.js";

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

const MIGRATIONS: Record<string, Builder> = {
  "0001_initial": initial,
  "0002_travel": travel,
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
