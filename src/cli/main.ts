// The `limes` command line. Each command group lives in its own file and registers itself on the program.
import { realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { ImportError, LimesError } from "../shared/errors.js";
import { messageOf } from "../shared/messages.js";
import type { ImportIssue } from "../watchlists/index.js";
import { registerAlertCommands } from "./alert.js";
import { registerApprovalCommands } from "./approval.js";
import { registerAuditCommands } from "./audit.js";
import { registerDbCommands } from "./db.js";
import { registerExchangeCommands } from "./exchange.js";
import { registerKeyCommands } from "./keys.js";
import { registerManifestCommands } from "./manifest.js";
import { registerRetentionCommands } from "./retention.js";
import { registerScreenCommand } from "./screen.js";
import { registerUserCommands } from "./user.js";
import { registerWatchlistCommands } from "./watchlist.js";

/** Issues listed under a rejected import; the rest are summed up. */
const SHOWN_ISSUES = 20;

export function buildProgram(): Command {
  const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };
  const program = new Command("limes")
    .description("Limes border screening: watchlists, screening and case management")
    .version(version)
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      `
Set LIMES_DEBUG=1 to see stack traces on errors.

Examples:
  limes watchlist import un-xml data/samples/un-sc-consolidated.xml
  limes watchlist inspect data/samples/ofac-sdn/sdn.csv --format ofac-csv
  limes screen -w un-xml:data/samples/un-sc-consolidated.xml -i travellers.csv`,
    );
  registerWatchlistCommands(program);
  registerScreenCommand(program);
  registerManifestCommands(program);
  registerDbCommands(program);
  registerAuditCommands(program);
  registerAlertCommands(program);
  registerApprovalCommands(program);
  registerUserCommands(program);
  registerRetentionCommands(program);
  registerKeyCommands(program);
  registerExchangeCommands(program);
  return program;
}

/**
 * One clear line for the user; the stack only on request, since most errors are about their input. A domain
 * error is worded from its code and params by the catalogue, as a client of the API would word it.
 */
export function formatError(err: unknown, debug = false): string {
  if (debug && err instanceof Error && err.stack) return `${err.stack}\n`;
  const message =
    err instanceof LimesError
      ? messageOf({ code: err.code ?? "", params: err.params, message: err.message })
      : err instanceof Error
        ? err.message
        : String(err);
  let out = `limes: ${message}\n`;
  if (err instanceof ImportError && Array.isArray(err.details)) {
    const issues = (err.details as ImportIssue[]).filter((i) => i.severity === "error");
    // The message already names the first bad record; a list only helps when there are more.
    if (issues.length < 2) return out;
    for (const i of issues.slice(0, SHOWN_ISSUES)) out += `  ${i.location}: ${i.reason}\n`;
    if (issues.length > SHOWN_ISSUES) out += `  ... and ${issues.length - SHOWN_ISSUES} more\n`;
  }
  return out;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    process.stderr.write(formatError(err, process.env.LIMES_DEBUG === "1"));
    process.exitCode = 1;
  }
}

function runDirectly(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(resolve(script)) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (runDirectly()) {
  // `limes screen ... | head` closes the pipe early; that is the reader's choice, not an error.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
  await main();
}
