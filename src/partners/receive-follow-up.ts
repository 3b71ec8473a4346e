// Step 2 on the answering node: a partner's follow-up arrives (signed) and waits in the partner requests
// queue for an officer here. It must name a hit this node gave that partner, by its reference.
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { isUniqueViolation } from "../db/index.js";
import { PartnerRefusal } from "./authenticate.js";
import { isCategory } from "./follow-up-data.js";
import type { Agreement } from "./model.js";
import { getQuery, insertFollowUp } from "./store.js";

export interface FollowUpRequest {
  requestId: string;
  queryRequestId: string;
  reference: string;
  reason: string;
  legalBasis: string;
  categories: string[];
}

export async function receiveFollowUp(db: Db, agreement: Agreement, f: FollowUpRequest, now = new Date()) {
  const query = await getQuery(db.kysely, f.queryRequestId, "received");
  // Another partner's query, a wrong reference or a no-hit all look the same from outside.
  if (
    !query ||
    query.partner_node_id !== agreement.partnerNodeId ||
    query.reference !== f.reference ||
    query.answer !== "hit"
  )
    throw new PartnerRefusal(409, "no_such_hit", "no hit of this node answers that reference", agreement);
  const categories = f.categories.filter(isCategory);
  try {
    await db.kysely.transaction().execute(async (trx) => {
      await insertFollowUp(trx, {
        id: f.requestId,
        direction: "received",
        query_request_id: f.queryRequestId,
        agreement_id: agreement.id,
        partner_node_id: agreement.partnerNodeId,
        reference: f.reference,
        reason: f.reason,
        legal_basis: f.legalBasis,
        categories: JSON.stringify(categories),
        status: "pending",
        agency: null,
        requested_by: null,
        decided_by: null,
        decision_reason: null,
        returned_categories: null,
        data: null,
        expires_at: null,
        created_at: now.toISOString(),
        decided_at: null,
      });
      await appendAudit(
        trx,
        {
          actor: { username: `partner:${agreement.partnerNodeId}` },
          action: "partner.follow-up.receive",
          objectType: "partner_follow_up",
          objectId: f.requestId,
          outcome: "success",
          details: { query: f.queryRequestId, categories, legalBasis: f.legalBasis, reason: f.reason },
        },
        now,
      );
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new PartnerRefusal(409, "duplicate_request", "this follow-up arrived before", agreement);
    throw err;
  }
  return { requestId: f.requestId, status: "pending" as const };
}
