// The retention policy: how long each kind of record keeps personal data, read from the environment with
// defaults a deployment must check against its national law (README, "Retention"). Pure: no I/O.
//
//   LIMES_RETENTION_NO_HIT_DAYS           crossings, manifests and screenings with no hit (default 30)
//   LIMES_RETENTION_ALERT_YEARS           alerts, and what they came from, after closing (default 5)
//   LIMES_RETENTION_PROTECTION_YEARS      protection records after their last referral closed (default 10)
//   LIMES_RETENTION_AUDIT_YEARS           audit entries; must outlast everything above (default 11)
//   LIMES_RETENTION_BATCH                 rows per batch, each batch one transaction (default 500)
//   LIMES_RETENTION_INTERVAL_MINUTES      how often the server runs it; 0 = never (default 1440)
import { InvalidError } from "../shared/errors.js";

export interface RetentionPolicy {
  noHitDays: number;
  alertYears: number;
  protectionYears: number;
  auditYears: number;
  batchSize: number;
  intervalMinutes: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  noHitDays: 30,
  alertYears: 5,
  protectionYears: 10,
  auditYears: 11,
  batchSize: 500,
  intervalMinutes: 1440,
};

const VARIABLES: Record<keyof RetentionPolicy, string> = {
  noHitDays: "LIMES_RETENTION_NO_HIT_DAYS",
  alertYears: "LIMES_RETENTION_ALERT_YEARS",
  protectionYears: "LIMES_RETENTION_PROTECTION_YEARS",
  auditYears: "LIMES_RETENTION_AUDIT_YEARS",
  batchSize: "LIMES_RETENTION_BATCH",
  intervalMinutes: "LIMES_RETENTION_INTERVAL_MINUTES",
};

/** Every problem at once. The audit log must outlast what it refers to, or it could not prove anything. */
export function readRetentionPolicy(env: Record<string, string | undefined>): RetentionPolicy {
  const problems: string[] = [];
  const policy = { ...DEFAULT_RETENTION };
  for (const [key, name] of Object.entries(VARIABLES) as [keyof RetentionPolicy, string][]) {
    const text = env[name]?.trim();
    if (!text) continue;
    const n = Number(text);
    const min = key === "intervalMinutes" ? 0 : 1;
    if (!/^\d+$/.test(text) || n < min)
      problems.push(`${name} must be a whole number of at least ${min}, not "${text}"`);
    else policy[key] = n;
  }
  const longest = Math.max(policy.noHitDays / 365, policy.alertYears, policy.protectionYears);
  if (policy.auditYears <= longest)
    problems.push(
      `${VARIABLES.auditYears} (${policy.auditYears}) must be longer than every other period (${longest} years)`,
    );
  if (problems.length > 0) throw new InvalidError(problems.join("; "), { problems });
  return policy;
}

export interface Cutoffs {
  /** Screenings (with their crossing or manifest) with no hit, created before this, have expired. */
  noHit: string;
  /** Alerts closed before this have expired. */
  alertClosed: string;
  /** Protection records whose last referral closed before this have expired. */
  protectionClosed: string;
  /** Audit entries written before this are past their retention. */
  audit: string;
}

function yearsBefore(at: Date, years: number): string {
  const d = new Date(at);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString();
}

export function cutoffs(policy: RetentionPolicy, at: Date): Cutoffs {
  return {
    noHit: new Date(at.getTime() - policy.noHitDays * 86_400_000).toISOString(),
    alertClosed: yearsBefore(at, policy.alertYears),
    protectionClosed: yearsBefore(at, policy.protectionYears),
    audit: yearsBefore(at, policy.auditYears),
  };
}
