// `limes approval`: the approvals waiting for the officer whose token is in LIMES_TOKEN, and their
// decision with a reason, through the same use cases as the API on LIMES_DB. A list version approved
// here is live on the database; a server already running indexes it at its next start.
import type { Command } from "commander";
import type { Approval } from "../approvals/index.js";
import { asOfficer } from "./services.js";

const line = (a: Approval) =>
  `${a.id}  ${a.kind}  ${a.subject}  by ${a.proposedBy.username}  until ${a.expiresAt}\n    ${a.reason}\n`;

export function registerApprovalCommands(program: Command): void {
  const approval = program
    .command("approval")
    .description("four-eyes approvals, as the officer whose token is in LIMES_TOKEN");

  approval
    .command("list")
    .description("pending approvals you may decide (not your own)")
    .option("--json", "print JSON")
    .addHelpText("after", "\nExamples:\n  LIMES_TOKEN=… limes approval list")
    .action(async (opts: { json?: boolean }) => {
      const pending = await asOfficer((p, s) => s.approvals.pendingFor(p));
      if (opts.json) process.stdout.write(`${JSON.stringify(pending, null, 2)}\n`);
      else process.stdout.write(pending.length ? pending.map(line).join("") : "no approvals wait for you\n");
    });

  for (const decision of ["approve", "reject"] as const) {
    approval
      .command(`${decision} <id>`)
      .description(`${decision} a pending action; approving carries it out`)
      .requiredOption("--reason <text>", "why (written to the audit log)")
      .addHelpText(
        "after",
        `\nExamples:\n  LIMES_TOKEN=… limes approval ${decision} 3f2c… --reason "Delisting confirmed by the UN notice"`,
      )
      .action(async (id: string, opts: { reason: string }) => {
        const a = await asOfficer((p, s) => s.approvals.decide(p, id, { decision, reason: opts.reason }));
        process.stdout.write(`${a.kind} ${a.subject}: ${a.status}\n`);
      });
  }
}
