// Accounts (issue 13): one-time passwords that must be changed, a TOTP second factor, idle expiry of
// tokens (their last use), and what login throttling and the failed-login views read from
// login_attempts (the agency a failed username belongs to; lookups per source address and by age).
import type { Kysely } from "kysely";
import type { Dialect } from "./schema.js";

export async function accountsMigration(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  // SQLite adds one column per ALTER TABLE.
  const addUserColumn = (name: string, type: "text" | "integer", notNullDefault?: number) =>
    db.schema
      .alterTable("users")
      .addColumn(name, type, (c) =>
        notNullDefault === undefined ? c : c.notNull().defaultTo(notNullDefault),
      )
      .execute();
  await addUserColumn("must_change_password", "integer", 0);
  await addUserColumn("password_changed_at", "text");
  await addUserColumn("totp_secret", "text");
  await addUserColumn("totp_enabled_at", "text");
  await addUserColumn("totp_last_step", "integer");
  await db.schema.alterTable("tokens").addColumn("last_used_at", "text").execute();
  await db.schema.alterTable("login_attempts").addColumn("agency", "text").execute();
  await db.schema.createIndex("login_attempts_ip_at").on("login_attempts").columns(["ip", "at"]).execute();
  await db.schema.createIndex("login_attempts_at").on("login_attempts").column("at").execute();
  await db.schema.createIndex("tokens_user").on("tokens").column("user_id").execute();
}
