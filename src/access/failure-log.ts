// Failed logins in the audit log at a bounded write rate (src/audit/bounded.ts): past the limit they are
// counted per agency of the named user and written as one `login.failures` entry per agency and minute.
import { createBoundedAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";

export interface FailedLogin {
  username: string;
  ip: string;
  /** The agency of the user the username names: its auditors see the failure. */
  agency?: string;
  reason?: string;
}

interface Tally {
  count: number;
  ips: Map<string, number>;
  usernames: Set<string>;
}

export function createFailureLog(db: Db, opts: { perMinute: number; now: () => Date }) {
  return createBoundedAudit<FailedLogin, Tally>(db, {
    ...opts,
    entry: (f) => ({
      actor: { username: f.username, ...(f.agency ? { agency: f.agency } : {}) },
      action: "login",
      objectType: "session",
      outcome: "denied",
      details: { ip: f.ip, ...(f.reason ? { reason: f.reason } : {}) },
    }),
    key: (f) => f.agency ?? "",
    fold: (t = { count: 0, ips: new Map(), usernames: new Set() }, f) => {
      t.count++;
      t.ips.set(f.ip, (t.ips.get(f.ip) ?? 0) + 1);
      t.usernames.add(f.username);
      return t;
    },
    summary: (agency, t, minute) => ({
      actor: agency ? { agency } : {},
      action: "login.failures",
      objectType: "session",
      outcome: "denied",
      details: {
        minute,
        failures: t.count,
        usernames: t.usernames.size,
        addresses: Object.fromEntries([...t.ips].sort((a, b) => b[1] - a[1]).slice(0, 5)),
      },
    }),
  });
}

export type FailureLog = ReturnType<typeof createFailureLog>;
