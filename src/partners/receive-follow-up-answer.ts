// Step 2 back on the asking node: the partner's decision arrives (signed). Approved data is kept with
// its origin (partner node and agreement) and an expiry: the shorter of what the partner allows and what
// our own agreement says; the retention job removes it then. Only categories this node asked for and its
// agreement names are kept; anything else in the message is dropped.
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { PartnerRefusal } from "./authenticate.js";
import { keepCategories } from "./follow-up-data.js";
import type { Agreement, Category } from "./model.js";
import { getFollowUp, settleFollowUp } from "./store.js";

export interface FollowUpAnswer {
  requestId: string;
  status: "approved" | "refused";
  categories: string[];
  data: unknown[];
  retentionDays: number;
  reason: string;
}

const DAY = 86_400_000;

export async function receiveFollowUpAnswer(
  db: Db,
  agreement: Agreement,
  a: FollowUpAnswer,
  now = new Date(),
) {
  const f = await getFollowUp(db.kysely, a.requestId, "sent");
  if (!f || f.partner_node_id !== agreement.partnerNodeId)
    throw new PartnerRefusal(409, "no_such_request", "no follow-up of this node has that id", agreement);
  const asked = JSON.parse(f.categories) as Category[];
  const keep = asked.filter((c) => a.categories.includes(c) && agreement.categories.includes(c));
  const approved = a.status === "approved";
  const data = approved ? keepCategories(a.data, keep) : [];
  const days = Math.min(Math.max(1, Math.floor(a.retentionDays)), agreement.retentionDays);
  const expiresAt = approved ? new Date(now.getTime() + days * DAY).toISOString() : null;
  await db.kysely.transaction().execute(async (trx) => {
    const settled = await settleFollowUp(trx, a.requestId, "sent", {
      status: approved ? "approved" : "refused",
      decision_reason: a.reason.slice(0, 500),
      returned_categories: JSON.stringify(keep),
      data: approved ? JSON.stringify(data) : null,
      expires_at: expiresAt,
      decided_at: now.toISOString(),
    });
    if (!settled)
      throw new PartnerRefusal(409, "already_answered", "this follow-up was answered before", agreement);
    await appendAudit(
      trx,
      {
        actor: { username: `partner:${agreement.partnerNodeId}` },
        action: "partner.follow-up.answer",
        objectType: "partner_follow_up",
        objectId: a.requestId,
        outcome: "success",
        details: {
          status: a.status,
          categories: keep,
          records: data.length,
          expiresAt,
          agreement: `${agreement.id}@${agreement.version}`,
        },
      },
      now,
    );
  });
  return { requestId: a.requestId, status: a.status };
}
