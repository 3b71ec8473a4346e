// Where a server finds its audit signing key and checkpoint file. The embedded demo makes itself a key
// on first start; PostgreSQL (production) refuses to start without one, since a key generated beside the
// database would sit where the attacker the signatures guard against already is.
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseDbUrl } from "../db/index.js";
import { InvalidError } from "../shared/errors.js";
import type { AuditSigning } from "./checkpointer.js";
import { generateKeyFiles, keyFiles, loadPrivateKey } from "./keys.js";

export interface AuditSettings {
  /** LIMES_AUDIT_KEY: the Ed25519 private key (PEM) that signs checkpoints. */
  keyFile?: string;
  /** LIMES_AUDIT_CHECKPOINTS: the external JSON-lines file. */
  checkpointFile?: string;
}

/** The folder of an embedded database file (./data for one in memory): where the demo keeps its key. */
function demoFolder(dbUrl: string): string {
  const { target } = parseDbUrl(dbUrl);
  return target === ":memory:" ? resolve("data") : dirname(resolve(target));
}

export function resolveAuditSigning(
  dbUrl: string,
  settings: AuditSettings,
  warn: (message: string) => void,
): AuditSigning {
  const { dialect } = parseDbUrl(dbUrl);
  let keyFile = settings.keyFile;
  if (!keyFile) {
    if (dialect === "postgres")
      throw new InvalidError(
        "LIMES_AUDIT_KEY is not set: on PostgreSQL the audit signing key is required. Create one with `limes keys generate --purpose audit --out <dir>` on a path the database cannot reach, and set LIMES_AUDIT_KEY to its .key file",
      );
    const dir = demoFolder(dbUrl);
    keyFile = keyFiles(dir, "audit").privateKeyFile;
    if (!existsSync(keyFile)) {
      generateKeyFiles(dir, "audit");
      warn(
        `no LIMES_AUDIT_KEY: generated a demo audit signing key at ${keyFile} (mode 0600). Keep it away from the database in production`,
      );
    }
  }
  const checkpointFile =
    settings.checkpointFile ??
    (dialect === "sqlite"
      ? join(demoFolder(dbUrl), "audit-checkpoints.jsonl")
      : resolve("data/audit-checkpoints.jsonl"));
  // The checkpointer appends to it from the first checkpoint on: its folder must exist by then.
  mkdirSync(dirname(resolve(checkpointFile)), { recursive: true });
  return { privateKey: loadPrivateKey(keyFile), checkpointFile };
}
