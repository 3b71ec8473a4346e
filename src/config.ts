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
//   LIMES_YENTE_GET_SEARCH  1 to offer yente's GET /api/yente/search/{dataset}?q=, which puts a name in
//               the URL (off by default; the same search by POST is always there)
//   LIMES_RETENTION_*  the retention policy and how often the server applies it (src/retention/policy.ts)
//   LIMES_TRUST_PROXY  which proxy in front gives the client address (X-Forwarded-For): unset or false
//               (none: the default), true (any), a hop count, or addresses/CIDRs separated by commas
//   LIMES_REDIS_URL  redis://… for rate-limit counters shared by several processes (in-process if unset)
//   LIMES_LOGIN_RATE_LIMIT  login requests per client address and minute (default 30)
//   LIMES_SESSION_TTL_MINUTES / LIMES_SESSION_IDLE_MINUTES  session lifetime (480) and idle expiry (30)
//   LIMES_PRINCIPAL_CACHE_SECONDS  how long a token's principal is cached per process, 0 to 30 (default
//               10); revocations evict at once here and, through NATS, in the other centre processes
//   LIMES_GROUP_COMMIT_BATCH  most crossings or screenings written in one shared transaction, 1 to 64
//               (default 32; 1 writes each in its own transaction; src/db/group-commit.ts)
//   LIMES_TOTP_ROLES  roles that must sign in with a TOTP code, separated by commas (default none)
//   LIMES_LIST_MAX_REMOVED_PCT  a list version removing this percentage of the live version's entities
//               or more waits for a second watchlist manager's approval; default 5
//   LIMES_AUDIT_KEY  Ed25519 private key (PEM) that signs audit checkpoints (`limes keys generate`);
//               required on PostgreSQL, generated beside the embedded database when unset
//   LIMES_AUDIT_CHECKPOINTS  the external append-only JSON-lines file of signed checkpoints
//   LIMES_AUDIT_CHECKPOINT_ENTRIES / LIMES_AUDIT_CHECKPOINT_SECONDS  a checkpoint every N appends
//               (default 100) or T seconds (default 10), whichever comes first
//   LIMES_NODE_ID / LIMES_NODE_KEY / LIMES_NODE_URL  this deployment as a partner node (issue 16): its id
//               (e.g. MK-BORDER), its Ed25519 node key file (`limes keys generate --purpose node`) and the
//               base URL partners reach it at; all three or none (then the node neither asks nor answers)
//   LIMES_PARTNER_CLOCK_SECONDS  how far a partner request's signature time may be off (default 300)
//   LIMES_PARTNER_RETRY_SECONDS  first delay before an undelivered follow-up decision is sent again
//               (default 5; doubling to at most 15 minutes until the partner takes it)
//   LIMES_ROLE, LIMES_NATS_URL, LIMES_POST_ID, LIMES_SYNC_*, LIMES_LIST_WARN_HOURS  remote posts and a
//               centre on NATS JetStream: src/sync/config.ts
import { isRole, type Role } from "./access/index.js";
import { DEFAULT_DB, parseDbUrl } from "./db/index.js";
import { type RetentionPolicy, readRetentionPolicy } from "./retention/index.js";
import { InvalidError } from "./shared/errors.js";
import { readSyncConfig, type SyncConfig } from "./sync/config.js";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  db: string;
  port: number;
  host: string;
  logLevel: LogLevel;
  sltdFile?: string;
  /** Files of the checks at the post (LIMES_STOLEN_VEHICLES, LIMES_FIREARMS, LIMES_CASH_RATES) and the cash threshold. */
  atPost?: { stolenVehicles?: string; firearms?: string; cashRates?: string; cashThresholdEur?: number };
  /** Demo officers besides the demo admin on an empty database. */
  demoUsers?: boolean;
  /** yente's search by GET, with the name in the URL (LIMES_YENTE_GET_SEARCH=1). */
  yenteGetSearch?: boolean;
  /** How long personal data is kept, and how often the server applies it; no schedule when absent. */
  retention?: RetentionPolicy;
  trustProxy?: boolean | number | string[];
  redisUrl?: string;
  loginPerMinute?: number;
  sessionTtlMinutes?: number;
  sessionIdleMinutes?: number;
  /** Most writes in one group-commit transaction (the dialect's default when unset). */
  groupCommitBatch?: number;
  /** Seconds a token's principal is cached (0: off; the server's default is 10). */
  principalCacheSeconds?: number;
  totpRoles?: Role[];
  /** Removal share (percent) from which a list version waits for approval. */
  listMaxRemovedPct?: number;
  /** Audit signing: key file, checkpoint file and how often a checkpoint is signed. */
  audit?: AuditConfig;
  /** This deployment as a partner node. */
  node?: { nodeId: string; keyFile: string; url: string };
  partnerClockSeconds?: number;
  /** First delay before an undelivered follow-up decision is sent again (doubling, at most 15 min). */
  partnerRetrySeconds?: number;
  /** Role (centre or post) and NATS JetStream; without a NATS URL the process syncs with nothing. */
  sync?: SyncConfig;
}

function readNodeConfig(value: (name: string) => string | undefined, problems: string[]): Partial<Config> {
  const out: Partial<Config> = {};
  const [nodeId, keyFile, url] = ["LIMES_NODE_ID", "LIMES_NODE_KEY", "LIMES_NODE_URL"].map(value);
  if (nodeId && keyFile && url) out.node = { nodeId, keyFile, url };
  else if (nodeId || keyFile || url)
    problems.push("LIMES_NODE_ID, LIMES_NODE_KEY and LIMES_NODE_URL go together");
  const clock = value("LIMES_PARTNER_CLOCK_SECONDS");
  if (clock !== undefined) {
    if (/^[1-9][0-9]{0,4}$/.test(clock)) out.partnerClockSeconds = Number(clock);
    else problems.push(`LIMES_PARTNER_CLOCK_SECONDS must be a whole number of seconds, not "${clock}"`);
  }
  const retry = value("LIMES_PARTNER_RETRY_SECONDS");
  if (retry !== undefined) {
    if (/^[1-9][0-9]{0,3}$/.test(retry)) out.partnerRetrySeconds = Number(retry);
    else problems.push(`LIMES_PARTNER_RETRY_SECONDS must be a whole number of seconds, not "${retry}"`);
  }
  return out;
}

/** The account and throttling settings, each problem named for the whole list. */
function readAccessConfig(value: (name: string) => string | undefined, problems: string[]): Partial<Config> {
  const out: Partial<Config> = {};
  const count = (name: string, max: number) => {
    const text = value(name);
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < 1 || n > max)
      problems.push(`${name} must be a whole number from 1 to ${max}`);
    return n;
  };
  const proxy = value("LIMES_TRUST_PROXY");
  if (proxy === "true") out.trustProxy = true;
  else if (proxy && /^\d+$/.test(proxy)) out.trustProxy = Number(proxy);
  else if (proxy && proxy !== "false")
    out.trustProxy = proxy
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const redis = value("LIMES_REDIS_URL");
  if (redis && !/^rediss?:\/\//.test(redis)) problems.push(`LIMES_REDIS_URL must be redis://… or rediss://…`);
  else if (redis) out.redisUrl = redis;
  const login = count("LIMES_LOGIN_RATE_LIMIT", 100_000);
  if (login) out.loginPerMinute = login;
  const ttl = count("LIMES_SESSION_TTL_MINUTES", 60 * 24 * 31);
  if (ttl) out.sessionTtlMinutes = ttl;
  const idle = count("LIMES_SESSION_IDLE_MINUTES", 60 * 24 * 31);
  if (idle) out.sessionIdleMinutes = idle;
  const batch = count("LIMES_GROUP_COMMIT_BATCH", 64);
  if (batch) out.groupCommitBatch = batch;
  const cache = value("LIMES_PRINCIPAL_CACHE_SECONDS");
  if (cache !== undefined && !/^([0-9]|[12][0-9]|30)$/.test(cache))
    problems.push("LIMES_PRINCIPAL_CACHE_SECONDS must be a whole number from 0 to 30");
  else if (cache !== undefined) out.principalCacheSeconds = Number(cache);
  const roles =
    value("LIMES_TOTP_ROLES")
      ?.split(",")
      .map((r) => r.trim())
      .filter(Boolean) ?? [];
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length) problems.push(`LIMES_TOTP_ROLES: unknown role(s) ${unknown.join(", ")}`);
  else if (roles.length) out.totpRoles = roles.filter(isRole);
  return out;
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

  const getSearch = value("LIMES_YENTE_GET_SEARCH");
  if (getSearch !== undefined && getSearch !== "0" && getSearch !== "1")
    problems.push(`LIMES_YENTE_GET_SEARCH must be 0 or 1, not "${getSearch}"`);

  let retention: RetentionPolicy | undefined;
  try {
    retention = readRetentionPolicy(env);
  } catch (err) {
    problems.push((err as Error).message);
  }
  const access = readAccessConfig(value, problems);
  const pctText = value("LIMES_LIST_MAX_REMOVED_PCT");
  const pct = Number(pctText);
  if (pctText !== undefined && (!/^\d+(\.\d+)?$/.test(pctText) || pct > 100))
    problems.push(`LIMES_LIST_MAX_REMOVED_PCT must be a percentage from 0 to 100, not "${pctText}"`);
  const audit = readAuditConfig(value, problems);
  const node = readNodeConfig(value, problems);
  const sync = readSyncConfig(value, problems);

  if (problems.length > 0 || !logLevel) throw new InvalidError(problems.join("; "), { problems });
  const config: Config = {
    db,
    port,
    host,
    logLevel,
    demoUsers: demo === undefined ? db.startsWith("sqlite:") : demo === "1",
    ...(retention ? { retention } : {}),
    ...(getSearch === "1" ? { yenteGetSearch: true } : {}),
    ...access,
    ...node,
  };
  if (Object.keys(audit).length > 0) config.audit = audit;
  if (sync.natsUrl || sync.role !== "centre") config.sync = sync;
  const sltdFile = value("LIMES_SLTD");
  if (sltdFile) config.sltdFile = sltdFile;
  const atPost = readAtPost(value);
  if (Object.keys(atPost).length > 0) config.atPost = atPost;
  if (pctText !== undefined) config.listMaxRemovedPct = pct;
  return config;
}

function readAtPost(value: (name: string) => string | undefined): NonNullable<Config["atPost"]> {
  const atPost: NonNullable<Config["atPost"]> = {};
  const vehicles = value("LIMES_STOLEN_VEHICLES");
  const firearms = value("LIMES_FIREARMS");
  const rates = value("LIMES_CASH_RATES");
  const threshold = value("LIMES_CASH_THRESHOLD_EUR");
  if (vehicles) atPost.stolenVehicles = vehicles;
  if (firearms) atPost.firearms = firearms;
  if (rates) atPost.cashRates = rates;
  if (threshold !== undefined) {
    if (!/^[1-9][0-9]{0,8}$/.test(threshold))
      throw new InvalidError(`LIMES_CASH_THRESHOLD_EUR must be a whole number of euros, got "${threshold}"`);
    atPost.cashThresholdEur = Number(threshold);
  }
  return atPost;
}
