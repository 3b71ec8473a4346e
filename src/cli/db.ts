// `limes db migrate`: schema operations on the database named by LIMES_DB.
import type { Command } from "commander";
import { type Db, DEFAULT_DB, migrate, openDatabase } from "../db/index.js";

/** Runs `fn` on the database named by LIMES_DB and closes it, even when `fn` fails. */
export async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(process.env.LIMES_DB ?? DEFAULT_DB);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export function registerDbCommands(program: Command): void {
  const db = program.command("db").description(`database operations on LIMES_DB (default ${DEFAULT_DB})`);
  db.command("migrate")
    .description("apply pending schema migrations (also done at every server start)")
    .addHelpText(
      "after",
      "\nExamples:\n  limes db migrate\n  LIMES_DB=postgres://postgres@127.0.0.1:5432/limes limes db migrate",
    )
    .action(async () => {
      const { applied } = await withDb(migrate);
      process.stdout.write(applied.length ? `applied: ${applied.join(", ")}\n` : "schema is up to date\n");
    });
}
