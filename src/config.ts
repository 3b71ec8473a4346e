// Server configuration, from environment variables with safe defaults, read and validated once at start.
//
//   LIMES_DB    sqlite:<path> (embedded, the default: sqlite:./data/limes.db) or postgres://…
//   PORT        TCP port, default 8080
//   HOST        address to listen on, default 127.0.0.1 (this machine only); 0.0.0.0 to serve the network,
//               behind a TLS-terminating proxy
//   LOG_LEVEL   pino level: fatal, error, warn, info (default), debug, trace or silent
//   LIMES_SLTD  CSV of stolen and lost travel documents; the demo's small fictional list when unset
//   LIMES_DEMO_USERS  1 to create one demo officer per role on an empty database (with the demo admin);
//               the default on the embedded SQLite database, which is the demo, and off on PostgreSQL
//   LIMES_AUDIT_KEY  Ed25519 private key (PEM) that signs audit checkpoints (`limes keys generate`);
//               required on PostgreSQL, generated beside the embedded database when unset
//   LIMES_AUDIT_CHECKPOINTS  the external append-only JSON-lines file of signed checkpoints
//   LIMES_AUDIT_CHECKPOINT_ENTRIES / LIMES_AUDIT_CHECKPOINT_SECONDS  a checkpoint every N appends
//               (default 100) or T seconds (default 10), whichever comes first
import { DEFAULT_DB, parseDbUrl } from "./db/index.js";
import { InvalidError } from "./shared/errors.js";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  db: string;
  port: number;
  host: string;
  logLevel: LogLevel;
  sltdFile?: string;
  /** Demo officers besides the demo admin on an empty database. */
  demoUsers?: boolean;
  /** Audit signing: key file, checkpoint file and how often a checkpoint is signed. */
  audit?: AuditConfig;
}

export interface AuditConfig {
  keyFile?: string;
  checkpointFile?: string;
  checkpointEntries?: number;
  checkpointSeconds?: number;
}

function readAuditConfig(value: (name: string) => string | undefined, problems: string[]): AuditConfig {
  const audit: AuditConfig = {};
  const keyFile = value("LIMES_AUDIT_KEY");
  if (keyFile) audit.keyFile = keyFile;
  const checkpointFile = value("LIMES_AUDIT_CHECKPOINTS");
  if (checkpointFile) audit.checkpointFile = checkpointFile;
  for (const [name, field] of [
    ["LIMES_AUDIT_CHECKPOINT_ENTRIES", "checkpointEntries"],
    ["LIMES_AUDIT_CHECKPOINT_SECONDS", "checkpointSeconds"],
  ] as const) {
    const text = value(name);
    if (text === undefined) continue;
    if (/^[1-9][0-9]{0,5}$/.test(text)) audit[field] = Number(text);
    else problems.push(`${name} must be a whole number from 1 to 999999, not "${text}"`);
  }
  return audit;
}

/** Every problem at once, so a deployment is fixed in one go. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  const value = (name: string) => env[name]?.trim() || undefined;

  const db = value("LIMES_DB") ?? DEFAULT_DB;
  try {
    parseDbUrl(db);
  } catch (err) {
    problems.push((err as Error).message);
  }

  const portText = value("PORT") ?? "8080";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) problems.push(`PORT must be a port number, not "${portText}"`);

  const host = value("HOST") ?? "127.0.0.1";

  const level = value("LOG_LEVEL") ?? "info";
  const logLevel = LOG_LEVELS.find((l) => l === level);
  if (!logLevel) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, not "${level}"`);

  const demo = value("LIMES_DEMO_USERS");
  if (demo !== undefined && demo !== "0" && demo !== "1")
    problems.push(`LIMES_DEMO_USERS must be 0 or 1, not "${demo}"`);

  const audit = readAuditConfig(value, problems);

  if (problems.length > 0 || !logLevel) throw new InvalidError(problems.join("; "), { problems });
  const config: Config = {
    db,
    port,
    host,
    logLevel,
    demoUsers: demo === undefined ? db.startsWith("sqlite:") : demo === "1",
  };
  if (Object.keys(audit).length > 0) config.audit = audit;
  const sltdFile = value("LIMES_SLTD");
  if (sltdFile) config.sltdFile = sltdFile;
  return config;
}
