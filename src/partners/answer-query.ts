// Step 1 on the answering node: screen a partner's query against the lists its agreement shares and
// answer hit or no-hit, a random reference and a contact point. Nothing else leaves: no name, no list,
// no score, no entity. The matched entities stay here, under the reference, for a follow-up.
import { randomBytes } from "node:crypto";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { isUniqueViolation } from "../db/index.js";
import type { ScreeningQuery } from "../screening/index.js";
import { PartnerRefusal } from "./authenticate.js";
import type { FirearmQuestion, GoodsLookup, VehicleQuestion } from "./goods-lookup.js";
import { type Agreement, type QueryKind, refusal } from "./model.js";
import type { PartnerIndex, SharedIndex } from "./partner-index.js";
import { insertQuery } from "./store.js";

export interface PartnerQuery {
  requestId: string;
  purpose: string;
  kind: QueryKind;
  person?: { name: string; birthDate?: string };
  document?: { number: string; country?: string };
  vehicle?: VehicleQuestion;
  firearm?: FirearmQuestion;
}

export interface PartnerAnswer {
  requestId: string;
  answer: "hit" | "no_hit";
  reference: string;
  contact: string;
}

/** The entities the query finds among the lists this agreement shares; never sent, kept for a follow-up. */
function findHits(
  index: SharedIndex,
  goods: GoodsLookup,
  q: PartnerQuery,
  shared: ReadonlySet<string>,
): string[] {
  if (q.kind === "person" && q.person) {
    const query: ScreeningQuery = {
      name: q.person.name,
      ...(q.person.birthDate ? { birthDate: q.person.birthDate } : {}),
    };
    // A hit is what would open an alert here: a match a person should review.
    return index.screener
      .screen(query)
      .matches.filter((m) => shared.has(m.list) && m.decision === "refer")
      .map((m) => m.entityId);
  }
  if (q.kind === "document" && q.document)
    return index
      .documentHolders(q.document.number, q.document.country)
      .filter((h) => shared.has(h.list))
      .map((h) => h.entityId);
  // The agreement's query kind is what shares these lists: it was checked before this is reached.
  if (q.kind === "vehicle" && q.vehicle && (q.vehicle.vin || q.vehicle.plateNumber))
    return goods.vehicle(q.vehicle);
  if (q.kind === "firearm" && q.firearm) return goods.firearm(q.firearm);
  throw new PartnerRefusal(400, "query_incomplete", `a ${q.kind} query needs its ${q.kind} fields`);
}

/** Random, never derived from the query or the entity: two answers about one person cannot be linked. */
const newReference = () => `R-${randomBytes(12).toString("base64url")}`;

export async function answerQuery(
  db: Db,
  index: PartnerIndex,
  goods: GoodsLookup,
  agreement: Agreement,
  q: PartnerQuery,
  now: Date = new Date(),
): Promise<PartnerAnswer> {
  const refused = refusal(agreement, now, { purpose: q.purpose, kind: q.kind });
  if (refused)
    throw new PartnerRefusal(403, refused, `the agreement does not allow this: ${refused}`, agreement);
  const hits = [...new Set(findHits(await index.current(), goods, q, new Set(agreement.lists)))];
  const answer: PartnerAnswer = {
    requestId: q.requestId,
    answer: hits.length ? "hit" : "no_hit",
    reference: newReference(),
    contact: agreement.contact,
  };
  try {
    await db.kysely.transaction().execute(async (trx) => {
      await insertQuery(trx, {
        request_id: q.requestId,
        direction: "received",
        agreement_id: agreement.id,
        agreement_version: agreement.version,
        partner_node_id: agreement.partnerNodeId,
        purpose: q.purpose,
        kind: q.kind,
        answer: answer.answer,
        reference: answer.reference,
        contact: null,
        entity_ids: hits.length ? JSON.stringify(hits) : null,
        agency: null,
        alert_id: null,
        user_id: null,
        created_at: now.toISOString(),
      });
      await appendAudit(
        trx,
        {
          actor: { username: `partner:${agreement.partnerNodeId}` },
          action: "partner.query.answer",
          objectType: "partner_query",
          objectId: q.requestId,
          purpose: q.purpose,
          outcome: "success",
          details: {
            agreement: `${agreement.id}@${agreement.version}`,
            kind: q.kind,
            answer: answer.answer,
            reference: answer.reference,
          },
        },
        now,
      );
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new PartnerRefusal(
        409,
        "duplicate_request",
        `request ${q.requestId} was answered before`,
        agreement,
      );
    throw err;
  }
  return answer;
}
