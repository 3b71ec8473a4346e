// `limes retention run [--dry-run]`: apply the retention policy (LIMES_RETENTION_*, see README) to the
// database named by LIMES_DB, as the server does on its schedule.
import type { Command } from "commander";
import { resolveAuditSigning } from "../audit/index.js";
import { readConfig } from "../config.js";
import { migrate } from "../db/index.js";
import { type RetentionReport, readRetentionPolicy, runRetention } from "../retention/index.js";
import { withDb } from "./db.js";

function format(r: RetentionReport): string {
  const s = r.screenings;
  const g = r.goods;
  const verb = r.dryRun ? "would depersonalise" : "depersonalised";
  return [
    `${r.dryRun ? "dry run: nothing changed" : "retention run"}`,
    `  screenings   ${verb} ${s.screenings} (crossings ${s.crossings}, manifests ${s.manifests}, alerts ${s.alerts}; clearances removed ${s.clearances}) in ${s.batches} batches; ${s.heldByPersonKey} more kept under an open referral found by name and birth date`,
    `  protection   ${verb} ${r.protection.records} records (bindings removed ${r.protection.bindings}) in ${r.protection.batches} batches`,
    `  goods        ${verb} ${g.vehicle_checks} vehicle, ${g.firearm_checks} firearm, ${g.cash_records} cash and ${g.craft_checks} craft checks (alerts ${g.alerts}) in ${g.batches} batches`,
    `  partners     ${r.dryRun ? "would remove" : "removed"} the data received in ${r.partners.followUps} follow-ups past their agreement's expiry`,
    `  audit        ${r.audit.pastRetention} entries past retention, ${r.audit.erased} payloads erased (the chains still verify)`,
    `  cutoffs      no hit before ${r.cutoffs.noHit}, alerts closed before ${r.cutoffs.alertClosed}, protection closed before ${r.cutoffs.protectionClosed}, audit before ${r.cutoffs.audit}`,
    "",
  ].join("\n");
}

export function registerRetentionCommands(program: Command): void {
  const retention = program.command("retention").description("how long personal data is kept");
  retention
    .command("run")
    .description("depersonalise what has expired, in batches, one audit entry per batch")
    .option("--dry-run", "count what would be depersonalised, change nothing")
    .option("--json", "print the report as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  limes retention run --dry-run\n  LIMES_RETENTION_NO_HIT_DAYS=7 limes retention run",
    )
    .action(async (opts: { dryRun?: boolean; json?: boolean }) => {
      const policy = readRetentionPolicy(process.env);
      const config = readConfig(process.env);
      // Erasing audit payloads writes a signed prune checkpoint: a real run needs the key, a dry run not.
      const signing = opts.dryRun
        ? undefined
        : resolveAuditSigning(config.db, config.audit ?? {}, (w) => process.stderr.write(`${w}\n`));
      const report = await withDb(async (db) => {
        await migrate(db);
        return runRetention(db, policy, {
          dryRun: opts.dryRun ?? false,
          actor: { username: "cli:retention" },
          ...(signing ? { signing } : {}),
        });
      });
      process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : format(report));
    });
}
