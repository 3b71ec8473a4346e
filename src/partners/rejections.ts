// Refused partner requests in the audit log at a bounded write rate, as failed logins are
// (src/audit/bounded.ts): past the limit they are counted per reason and written as one `partner.rejected`
// tally a minute. So unauthenticated requests cannot flood the audit log, and every refusal is counted.
import { createBoundedAudit } from "../audit/index.js";
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

export function createRejectionLog(db: Db, opts: { perMinute?: number; now?: () => Date } = {}) {
  return createBoundedAudit<Rejection, Map<string, number>>(db, {
    perMinute: opts.perMinute ?? 60,
    now: opts.now ?? (() => new Date()),
    entry: (r) => ({
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
    }),
    // One tally a minute, counted by reason.
    key: () => "",
    fold: (counts = new Map(), r) => counts.set(r.code, (counts.get(r.code) ?? 0) + 1),
    summary: (_key, counts, minute) => ({
      actor: {},
      action: "partner.rejected",
      objectType: "partner_request",
      outcome: "denied",
      details: {
        minute,
        tallied: Object.fromEntries(counts),
        total: [...counts.values()].reduce((a, b) => a + b, 0),
      },
    }),
  });
}

export type RejectionLog = ReturnType<typeof createRejectionLog>;
