// `limes db migrate` and `limes audit verify`: operations on the database named by LIMES_DB.
import type { Command } from "commander";
import { verifyAuditChain } from "../audit/index.js";
import { type Db, DEFAULT_DB, migrate, openDatabase } from "../db/index.js";

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
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

  const audit = program.command("audit").description("the tamper-evident audit log");
  audit
    .command("verify")
    .description(
      "re-check the whole hash chain; exits 1 and names the first broken link if any entry was edited, deleted or reordered",
    )
    .addHelpText("after", "\nExample:\n  LIMES_DB=sqlite:./data/limes.db limes audit verify")
    .action(async () => {
      const r = await withDb(verifyAuditChain);
      if (r.ok) {
        process.stdout.write(`audit chain intact: ${r.checked} entries verified\n`);
        return;
      }
      process.stdout.write(
        `audit chain BROKEN at entry ${r.firstBroken!.id}: ${r.firstBroken!.reason} (${r.checked} entries read)\n`,
      );
      process.exitCode = 1;
    });
}
