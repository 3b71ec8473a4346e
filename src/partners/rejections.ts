// Refused partner requests in the audit log at a bounded write rate, as failed logins are
// (src/access/failure-log.ts): within each minute the first `perMinute` are written one by one, past that
// they are counted per reason and written as one `partner.rejected` tally when the minute is over. So
// unauthenticated requests cannot flood the audit log, and every refusal is still accounted for.
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";

export interface Rejection {
  /** Machine code of the reason, e.g. `replay`, `unknown_key`, `rate_limited`. */
  code: string;
  status: number;
  path: string;
  ip: string;
  /** Set once the request is known to come from a partner (after the signature checked out). */
  partnerNodeId?: string;
  keyId?: string;
  requestId?: string;
}

const MINUTE = 60_000;

export function createRejectionLog(db: Db, opts: { perMinute?: number; now?: () => Date } = {}) {
  const perMinute = opts.perMinute ?? 60;
  const now = opts.now ?? (() => new Date());
  let minute = -1;
  let written = 0;
  let tally = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;

  async function flush(): Promise<void> {
    const counts = tally;
    const at = minute;
    tally = new Map();
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (counts.size === 0) return;
    await appendAudit(db.kysely, {
      actor: {},
      action: "partner.rejected",
      objectType: "partner_request",
      outcome: "denied",
      details: {
        minute: new Date(at * MINUTE).toISOString(),
        tallied: Object.fromEntries(counts),
        total: [...counts.values()].reduce((a, b) => a + b, 0),
      },
    });
  }

  return {
    flush,
    async record(r: Rejection): Promise<void> {
      const m = Math.floor(now().getTime() / MINUTE);
      if (m !== minute) {
        await flush();
        minute = m;
        written = 0;
      }
      if (written < perMinute) {
        written++;
        await appendAudit(db.kysely, {
          actor: r.partnerNodeId ? { username: `partner:${r.partnerNodeId}` } : {},
          action: "partner.rejected",
          objectType: "partner_request",
          ...(r.requestId ? { objectId: r.requestId } : {}),
          outcome: "denied",
          details: {
            code: r.code,
            status: r.status,
            path: r.path,
            ip: r.ip,
            ...(r.keyId ? { keyId: r.keyId } : {}),
          },
        });
        return;
      }
      tally.set(r.code, (tally.get(r.code) ?? 0) + 1);
      // A flood that stops still gets its tally written, a minute later at most; unref'd so it never keeps
      // a process alive.
      timer ??= setTimeout(() => {
        flush().catch(() => {});
      }, MINUTE).unref();
    },
  };
}

export type RejectionLog = ReturnType<typeof createRejectionLog>;
