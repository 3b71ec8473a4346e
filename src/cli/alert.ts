// `limes alert`: the second line's review from a terminal, on the database named by LIMES_DB. The CLI
// acts as the officer whose token is in LIMES_TOKEN (a session or API token), through the same services
// as the API, so four-eyes and the non-refoulement bar hold here too.
import type { Command } from "commander";
import { ADVERSE_ACTIONS, type AdverseAction, ALERT_PAGE, OUTCOMES, type Outcome } from "../alerts/index.js";
import { InvalidError } from "../shared/errors.js";
import { optionError } from "./options.js";
import { asOfficer } from "./services.js";

function print(json: boolean, value: unknown, text: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : text());
}

function oneOf<T extends string>(values: readonly T[], name: string) {
  return (v: string): T => {
    if (!(values as readonly string[]).includes(v)) throw optionError(name, `one of ${values.join(", ")}`, v);
    return v as T;
  };
}

function listCommand(alert: Command): void {
  alert
    .command("list")
    .description("the alert queue: overdue first, then by deadline")
    .option("--status <status>", "only alerts in this status")
    .option("--overdue", "only overdue alerts")
    .option("--limit <n>", `alerts per page, at most ${ALERT_PAGE.max}`, String(ALERT_PAGE.default))
    .option("--cursor <cursor>", "the next page, as the previous one named it")
    .option("--json", "print JSON: { alerts, total, nextCursor }")
    .addHelpText("after", "\nExamples:\n  LIMES_TOKEN=… limes alert list --overdue")
    .action(
      async (opts: {
        status?: string;
        overdue?: boolean;
        limit: string;
        cursor?: string;
        json?: boolean;
      }) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > ALERT_PAGE.max)
          throw new InvalidError(
            `--limit: a whole number from 1 to ${ALERT_PAGE.max}`,
            undefined,
            "cli_option_range",
            {
              option: "--limit",
              min: 1,
              max: ALERT_PAGE.max,
            },
          );
        const page = await asOfficer((p, s) =>
          s.alerts.list(
            p,
            {
              ...(opts.status ? { status: opts.status as never } : {}),
              ...(opts.overdue ? { overdue: true } : {}),
            },
            { limit, ...(opts.cursor ? { cursor: opts.cursor } : {}) },
          ),
        );
        const { alerts, total, nextCursor } = page;
        print(!!opts.json, page, () =>
          alerts.length === 0
            ? "no alerts\n"
            : `${alerts
                .map(
                  (a) =>
                    `${a.id}  ${a.reference}  ${a.priority.padEnd(9)} ${a.status.padEnd(12)} due ${a.dueAt}${a.overdue ? "  OVERDUE" : ""}\n`,
                )
                .join(
                  "",
                )}${alerts.length} of ${total}${nextCursor ? `; next page: --cursor ${nextCursor}` : ""}\n`,
        );
      },
    );
}

function showCommand(alert: Command): void {
  alert
    .command("show <id>")
    .description("one alert with its reasons (audited)")
    .requiredOption("--purpose <text>", "why you read this personal data (written to the audit log)")
    .action(async (id: string, opts: { purpose: string }) => {
      const a = await asOfficer((p, s) => s.alerts.get(p, id, opts.purpose));
      print(true, a, () => "");
    });
}

function decideCommand(alert: Command): void {
  alert
    .command("decide <id>")
    .description("record a decision; an adverse action waits for a second officer's approval")
    .requiredOption("--outcome <outcome>", `one of ${OUTCOMES.join(", ")}`, oneOf(OUTCOMES, "--outcome"))
    .requiredOption("--reason <text>", "why, in at least 20 characters")
    .requiredOption("--legal-basis <text>", "one of the configured legal bases (limes alert legal-bases)")
    .option(
      "--action <action>",
      `adverse action with a confirmed match: ${ADVERSE_ACTIONS.join(", ")}`,
      oneOf(ADVERSE_ACTIONS, "--action"),
    )
    .option("--clearance", "with a false positive: do not stop this identity again for the same entity")
    .requiredOption("--purpose <text>", "why you process this personal data")
    .addHelpText(
      "after",
      '\nExamples:\n  limes alert decide 3f2c… --outcome confirmed --action refusal_of_entry \\\n    --reason "Identity confirmed at interview against the listing" \\\n    --legal-basis "Schengen Borders Code Art. 14: refusal of entry with a substantiated decision" --purpose review',
    )
    .action(
      async (
        id: string,
        opts: {
          outcome: Outcome;
          reason: string;
          legalBasis: string;
          action?: AdverseAction;
          clearance?: boolean;
          purpose: string;
        },
      ) => {
        const r = await asOfficer((p, s) =>
          s.alerts.decide(p, id, {
            outcome: opts.outcome,
            reason: opts.reason,
            legalBasis: opts.legalBasis,
            purpose: opts.purpose,
            ...(opts.action ? { adverseAction: opts.action } : {}),
            ...(opts.clearance ? { clearance: true } : {}),
          }),
        );
        process.stdout.write(
          r.message
            ? `decision ${r.decision.id} waits for approval: ${r.message}\n`
            : `decision ${r.decision.id} recorded: alert is ${r.status}\n`,
        );
      },
    );
}

function approveCommand(alert: Command): void {
  alert
    .command("approve <id> <decisionId>")
    .description("approve another officer's adverse action or guarded clearance (four-eyes)")
    .requiredOption("--purpose <text>", "why you process this personal data")
    .option("--reason <text>", "your own reason, kept in the audit log beside the proposer's")
    .action(async (id: string, decisionId: string, opts: { purpose: string; reason?: string }) => {
      const input = { purpose: opts.purpose, ...(opts.reason ? { reason: opts.reason } : {}) };
      const r = await asOfficer((p, s) => s.alerts.approve(p, id, decisionId, input));
      process.stdout.write(`decision ${r.decision.id} approved: alert is ${r.status}\n`);
    });
}

function legalBasesCommand(alert: Command): void {
  alert
    .command("legal-bases")
    .description("the legal bases a decision may cite")
    .action(async () => {
      const bases = await asOfficer(async (_p, s) => s.alerts.legalBases);
      process.stdout.write(bases.map((b) => `${b}\n`).join(""));
    });
}

export function registerAlertCommands(program: Command): void {
  const alert = program
    .command("alert")
    .description("review alerts as the officer whose token is in LIMES_TOKEN");

  listCommand(alert);
  showCommand(alert);
  decideCommand(alert);
  approveCommand(alert);
  legalBasesCommand(alert);
}
