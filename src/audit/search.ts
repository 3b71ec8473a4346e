// An auditor's search of the log: scoped to their own agency, a page at a time, and itself audited, since
// entries name officers and hold search terms: who watched the watchers is on the record too.
import type { Db } from "../db/index.js";
import { type AuditActor, type AuditFilter, appendAudit, countAudit, queryAudit } from "./log.js";

export type AuditSearch = Pick<AuditFilter, "actor" | "action" | "objectType" | "objectId" | "from" | "to">;

/** Entries per page: by default, and at most. */
export const AUDIT_PAGE = { default: 100, max: 1000 } as const;

export async function searchAudit(
  db: Db,
  // The auditor, as the audit trail knows an actor (audit/ imports nothing of access/, which audits).
  p: AuditActor & { agency: string },
  filter: AuditSearch,
  page: { limit?: number; offset?: number; before?: number; purpose: string },
) {
  // An auditor oversees their own agency: the scoping is in the query, as for every other read.
  const scoped = { ...filter, agency: p.agency };
  const limit = Math.min(page.limit ?? AUDIT_PAGE.default, AUDIT_PAGE.max);
  const [entries, total] = await Promise.all([
    queryAudit(db, {
      ...scoped,
      limit,
      ...(page.offset ? { offset: page.offset } : {}),
      ...(page.before ? { before: page.before } : {}),
    }),
    countAudit(db, scoped),
  ]);
  await db.kysely.transaction().execute((trx) =>
    appendAudit(trx, {
      actor: p,
      action: "audit.search",
      objectType: "audit_log",
      purpose: page.purpose,
      outcome: "success",
      details: { filter, results: entries.length },
    }),
  );
  const last = entries[entries.length - 1];
  return { entries, total, ...(last && entries.length === limit ? { nextCursor: String(last.id) } : {}) };
}
