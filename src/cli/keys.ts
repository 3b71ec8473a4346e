// `limes keys generate`: Ed25519 key pairs, one per purpose, written as PEM files.
import type { Command } from "commander";
import { generateKeyFiles, KEY_PURPOSES, type KeyPurpose } from "../audit/index.js";
import { optionError } from "./options.js";

export function registerKeyCommands(program: Command): void {
  const keys = program.command("keys").description("signing keys, one pair per purpose");
  keys
    .command("generate")
    .description(
      "write a new Ed25519 pair: <out>/limes-<purpose>.key (private, mode 0600) and <out>/limes-<purpose>.pub; never overwrites",
    )
    .requiredOption("--purpose <purpose>", `what the key signs: ${KEY_PURPOSES.join(", ")}`)
    .requiredOption(
      "--out <dir>",
      "folder for the two files, created if missing; keep it away from the database",
    )
    .addHelpText(
      "after",
      "\nPurposes: audit signs audit checkpoints (set LIMES_AUDIT_KEY to the .key file); node will sign\npartner exchanges. Separate keys, so that losing one does not compromise the other.\n\nExample:\n  limes keys generate --purpose audit --out /etc/limes/keys",
    )
    .action((opts: { purpose: string; out: string }) => {
      if (!(KEY_PURPOSES as readonly string[]).includes(opts.purpose))
        throw optionError("--purpose", `one of ${KEY_PURPOSES.join(", ")}`, opts.purpose);
      const key = generateKeyFiles(opts.out, opts.purpose as KeyPurpose);
      process.stdout.write(
        `private key: ${key.privateKeyFile} (mode 0600)\npublic key:  ${key.publicKeyFile}\nkey id:      ${key.keyId}\n`,
      );
    });
}
