// Automatic document checks at crossings (issue 16, step 1): an agreement may name a purpose under which
// this node asks that partner about the travel document of every crossing recorded here. The query is
// put in the outbox inside the crossing's own transaction, costing it one insert per partner and no
// round trip, and is sent after the commit with the outbox's retries; the partner's rate limit holds (a
// `rate_limited` refusal is tried again later). The answer decides nothing: a hit lands on the
// crossing's alert, or opens one, for a person to review; a no-hit is recorded and opens nothing. Both
// nodes audit the query under its request id.
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { recordPartnerHit } from "../alerts/index.js";
import type { Database, Db } from "../db/index.js";
import type { Traveller } from "../travel/index.js";
import { agreementApproval } from "./agreement-approval.js";
import type { PartnerQuery } from "./answer-query.js";
import { readAnswer } from "./ask-partner.js";
import type { PartnerReply } from "./client.js";
import { type Agreement, refusal } from "./model.js";
import { enqueue, type RouteHandling, retryTransient } from "./outbox.js";
import { activeAgreements, getCrossing, insertQuery, type OutboxRow } from "./store.js";

/** How long the agreements asked automatically are cached before they are read again. */
const CACHE_MS = 30_000;

export const QUERY_ROUTE = "/queries";

/** The crossing as the hook gets it, inside its transaction. */
export interface CrossingWritten {
  id: string;
  agency: string;
  traveller: Traveller;
}

function questionOf(t: Traveller): PartnerQuery["document"] | undefined {
  const doc = t.documents.find((d) => d.number.trim().length > 0);
  return doc
    ? { number: doc.number, ...(doc.issuingCountry ? { country: doc.issuingCountry } : {}) }
    : undefined;
}

/** Records the answer to an automatic query and, on a hit, puts it on an alert; its audit details. */
async function answered(
  trx: Transaction<Database>,
  m: OutboxRow,
  reply: PartnerReply,
  agreement: Agreement,
  now: Date,
): Promise<Record<string, unknown>> {
  const q = JSON.parse(m.payload) as PartnerQuery;
  let a: ReturnType<typeof readAnswer>;
  try {
    a = readAnswer(reply.body, q.requestId);
  } catch {
    return { error: "partner_protocol" };
  }
  const crossing = await getCrossing(trx, m.object_id);
  if (!crossing) return { answer: a.answer, error: "crossing_gone" };
  const hit = {
    requestId: q.requestId,
    partnerNodeId: agreement.partnerNodeId,
    purpose: q.purpose,
    kind: q.kind,
    reference: a.reference,
    contact: a.contact,
    at: now.toISOString(),
  };
  const alertId =
    a.answer === "hit"
      ? await recordPartnerHit(
          trx,
          {
            id: crossing.id,
            agency: crossing.agency,
            screeningId: crossing.screening_id,
            crossingPointId: crossing.crossing_point_id,
            traveller: (JSON.parse(crossing.data) as { traveller: Traveller }).traveller,
          },
          hit,
          now,
        )
      : null;
  await insertQuery(trx, {
    request_id: q.requestId,
    direction: "sent",
    agreement_id: agreement.id,
    agreement_version: agreement.version,
    partner_node_id: agreement.partnerNodeId,
    purpose: q.purpose,
    kind: q.kind,
    answer: a.answer,
    reference: a.reference,
    contact: a.contact,
    entity_ids: null,
    agency: crossing.agency,
    alert_id: alertId,
    user_id: null,
    created_at: now.toISOString(),
  });
  return { automatic: true, crossing: crossing.id, answer: a.answer, reference: a.reference, alert: alertId };
}

/** The outbox's handling of automatic queries. */
export const queryRoute: RouteHandling = {
  action: "partner.query.send",
  objectType: "partner_query",
  auditId: (m) => (JSON.parse(m.payload) as PartnerQuery).requestId,
  refused: (agreement, payload, now) => {
    const q = payload as PartnerQuery;
    return refusal(agreement, now, { purpose: q.purpose, kind: q.kind });
  },
  verdict: retryTransient,
  answered,
};

export function createAutoChecks(db: Db) {
  let cached: { at: number; agreements: Agreement[] } | undefined;
  return {
    /** Reads the agreements asked automatically when the cache is stale; before a crossing's transaction. */
    async prepare(now = Date.now()) {
      if (cached && now - cached.at < CACHE_MS) return;
      const agreements = (await activeAgreements(db.kysely)).filter((a) => a.autoDocumentCheck);
      cached = { at: now, agreements };
    },
    /** An agreement changed in this process: read them again at the next crossing. */
    invalidate() {
      cached = undefined;
    },
    /** Queues the crossing's document query to each partner asked automatically; how many were queued. */
    async written(trx: Transaction<Database>, c: CrossingWritten, at: Date): Promise<number> {
      const document = cached?.agreements.length ? questionOf(c.traveller) : undefined;
      if (!document) return 0;
      const asked = new Set<string>();
      for (const a of cached!.agreements) {
        const purpose = a.autoDocumentCheck!;
        if (asked.has(a.partnerNodeId) || refusal(a, at, { purpose, kind: "document" })) continue;
        asked.add(a.partnerNodeId);
        const query: PartnerQuery = { requestId: randomUUID(), purpose, kind: "document", document };
        await enqueue(
          trx,
          { partnerNodeId: a.partnerNodeId, route: QUERY_ROUTE, payload: query, objectId: c.id },
          at,
        );
      }
      return asked.size;
    },
  };
}

export type AutoChecks = ReturnType<typeof createAutoChecks>;

/**
 * What the rest of the process calls: the agreements' four-eyes handler (a decision there changes what
 * crossings ask) and the crossings' hook: `prepare` before a crossing's transaction, `written` in it
 * (queues the queries), `committed` after it (sends them now rather than on the outbox's next round).
 * A node without an identity asks nothing.
 */
export function autoCheckWiring(autoChecks: AutoChecks, enabled: boolean, kick: () => void) {
  return {
    agreementApproval: {
      ...agreementApproval,
      async approved(...args: Parameters<typeof agreementApproval.approved>) {
        await agreementApproval.approved(...args);
        autoChecks.invalidate();
      },
    },
    crossingHook: {
      prepare: () => (enabled ? autoChecks.prepare() : Promise.resolve()),
      written: async (trx: Transaction<Database>, c: CrossingWritten, at: Date) => {
        if (enabled) await autoChecks.written(trx, c, at);
      },
      committed: kick,
    },
  };
}
