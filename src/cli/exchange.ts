// `limes exchange`: the regional risk-analysis bundles (issue 16), as the officer whose token is in
// LIMES_TOKEN, through the same use cases as the API on LIMES_DB. `import` verifies the bundle's
// signature against this node's key or a key an agreement in force pins, and refuses anything else,
// storing nothing; `export` writes this node's signed bundle of a month (needs LIMES_NODE_ID and
// LIMES_NODE_KEY, as the server does).
import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { InvalidError } from "../shared/errors.js";
import { asOfficer } from "./services.js";

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new InvalidError(
      `${file}: not a JSON file (${(err as Error).message})`,
      undefined,
      "cli_not_json",
      {
        file,
        reason: (err as Error).message,
      },
    );
  }
}

export function registerExchangeCommands(program: Command): void {
  const exchange = program
    .command("exchange")
    .description("regional risk-analysis bundles, as the admin whose token is in LIMES_TOKEN");

  exchange
    .command("import <file>")
    .description("import a signed regional bundle; a tampered bundle or an unknown signer is refused")
    .addHelpText("after", "\nExamples:\n  LIMES_TOKEN=… limes exchange import RS-BORDER-2026-11.json")
    .action(async (file: string) => {
      const r = await asOfficer((p, s) => s.regional.importBundle(p, readJson(file)));
      process.stdout.write(`imported the bundle of ${r.origin} for ${r.month} (${r.id})\n`);
    });

  exchange
    .command("export")
    .description("write this node's signed bundle of one month (aggregates, cells under 10 withheld)")
    .requiredOption("--month <YYYY-MM>", "the month")
    .option("--out <file>", "where to write it (default: standard output)")
    .addHelpText(
      "after",
      "\nExamples:\n  LIMES_TOKEN=… limes exchange export --month 2026-11 --out MK-2026-11.json",
    )
    .action(async (opts: { month: string; out?: string }) => {
      const signed = await asOfficer((p, s) => s.regional.exportBundle(p, opts.month));
      const text = `${JSON.stringify(signed, null, 2)}\n`;
      if (opts.out) writeFileSync(opts.out, text);
      else process.stdout.write(text);
    });
}
