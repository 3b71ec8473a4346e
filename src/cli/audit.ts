// `limes audit verify`: re-checks the hash chains of the audit log on the database named by LIMES_DB and,
// given the public key and the external checkpoint file, checks them against the signed checkpoints.
import type { Command } from "commander";
import { loadPublicKey, verifyAuditChain } from "../audit/index.js";
import { withDb } from "./db.js";

export function registerAuditCommands(program: Command): void {
  const audit = program.command("audit").description("the tamper-evident audit log");
  audit
    .command("verify")
    .description(
      "re-check every hash chain, and against the signed checkpoints when given the key and file; prints one sentence, exits 1 and names the first entry that fails if the log was edited, deleted, reordered, truncated or wiped",
    )
    .option("--public-key <pem>", "the audit public key (limes-audit.pub, or the private key file)")
    .option("--checkpoints <file>", "the external JSON-lines checkpoint file (LIMES_AUDIT_CHECKPOINTS)")
    .addHelpText(
      "after",
      "\nWithout --public-key only the hash links are checked: a rewrite with recomputed hashes, a truncation\nor a wipe then goes unnoticed.\n\nExample:\n  LIMES_DB=sqlite:./data/limes.db limes audit verify --public-key data/limes-audit.pub --checkpoints data/audit-checkpoints.jsonl",
    )
    .action(async (opts: { publicKey?: string; checkpoints?: string }) => {
      const signed = opts.publicKey
        ? {
            publicKey: loadPublicKey(opts.publicKey),
            ...(opts.checkpoints ? { checkpointFile: opts.checkpoints } : {}),
          }
        : {};
      const r = await withDb((db) => verifyAuditChain(db, signed));
      process.stdout.write(`${r.verdict}\n`);
      if (!r.ok) process.exitCode = 1;
    });
}
