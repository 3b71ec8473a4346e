// Failed logins in the audit log at a bounded write rate. Within each minute the first `perMinute`
// failures are written one by one; past that they are counted, per agency of the named user, and
// written as one `login.failures` entry per agency when the minute is over, so one attacker cannot
// flood the audit log (or the database with it). Bounded per process.
import { type AuditEntryInput, appendAudit } from "../audit/index.js";
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

const MINUTE = 60_000;

export function createFailureLog(db: Db, opts: { perMinute: number; now: () => Date }) {
  let minute = -1;
  let written = 0;
  let tallies = new Map<string, Tally>();
  let timer: NodeJS.Timeout | undefined;
  const audit = (entry: AuditEntryInput) =>
    db.kysely.transaction().execute((trx) => appendAudit(trx, entry, opts.now()));

  async function flush(): Promise<void> {
    const done = tallies;
    const at = minute;
    tallies = new Map();
    if (timer) clearTimeout(timer);
    timer = undefined;
    for (const [agency, t] of done) {
      const topIps = [...t.ips].sort((a, b) => b[1] - a[1]).slice(0, 5);
      await audit({
        actor: agency ? { agency } : {},
        action: "login.failures",
        objectType: "session",
        outcome: "denied",
        details: {
          minute: new Date(at * MINUTE).toISOString(),
          failures: t.count,
          usernames: t.usernames.size,
          addresses: Object.fromEntries(topIps),
        },
      });
    }
  }

  return {
    flush,
    async record(f: FailedLogin): Promise<void> {
      const m = Math.floor(opts.now().getTime() / MINUTE);
      if (m !== minute) {
        if (tallies.size) await flush();
        minute = m;
        written = 0;
      }
      if (written < opts.perMinute) {
        written++;
        await audit({
          actor: { username: f.username, ...(f.agency ? { agency: f.agency } : {}) },
          action: "login",
          objectType: "session",
          outcome: "denied",
          details: { ip: f.ip, ...(f.reason ? { reason: f.reason } : {}) },
        });
        return;
      }
      const key = f.agency ?? "";
      const t = tallies.get(key) ?? { count: 0, ips: new Map(), usernames: new Set() };
      t.count++;
      t.ips.set(f.ip, (t.ips.get(f.ip) ?? 0) + 1);
      t.usernames.add(f.username);
      tallies.set(key, t);
      // A flood that stops still gets its tally written, a minute later at most; unref'd so it never
      // keeps a process alive.
      timer ??= setTimeout(() => {
        // Nowhere to report a failure from a timer: the next failed login writes the tally again.
        flush().catch(() => {});
      }, MINUTE).unref();
    },
  };
}

export type FailureLog = ReturnType<typeof createFailureLog>;
