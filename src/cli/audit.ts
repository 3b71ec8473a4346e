// `limes audit verify`: re-checks the hash chain of the audit log on the database named by LIMES_DB.
import type { Command } from "commander";
import { verifyAuditChain } from "../audit/index.js";
import { withDb } from "./db.js";

export function registerAuditCommands(program: Command): void {
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
