// Step 2 on the answering node: an officer approves a partner's follow-up, possibly returning only some
// of the categories asked for, or refuses it with a reason. Only categories both the request and the
// agreement name can be returned, drawn from list entries still shared with partners. The decision is
// committed and audited with the answer put in the outbox, then sent to the partner, signed; a failed
// delivery is retried with backoff until the partner takes it (outbox.ts). Each attempt is audited.
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../shared/errors.js";
import { getEntities } from "../watchlists/index.js";
import { followUpData, isCategory, type Matched } from "./follow-up-data.js";
import type { GoodsLookup } from "./goods-lookup.js";
import { type Agreement, type Category, refusal } from "./model.js";
import { enqueue } from "./outbox.js";
import { agreementInForce, getFollowUp, getQuery, listSharing, settleFollowUp } from "./store.js";

export interface FollowUpDecision {
  decision: "approve" | "refuse";
  /** On approval: the categories returned (default: every one asked for that the agreement allows). */
  categories?: string[];
  reason: string;
}

/**
 * The entries the hit matched that are still shared with this partner: persons on a list the agreement
 * names and still shared; vehicles and firearms while the agreement names their query kind.
 */
async function sharedEntries(db: Db, goods: GoodsLookup, agreement: Agreement, queryRequestId: string) {
  const query = await getQuery(db.kysely, queryRequestId, "received");
  const ids = query?.entity_ids ? (JSON.parse(query.entity_ids) as string[]) : [];
  const shared = new Set(
    (await listSharing(db.kysely))
      .filter((l) => l.sharing === "partners" && agreement.lists.includes(l.id))
      .map((l) => l.id),
  );
  const persons: Matched[] = [...(await getEntities(db, ids)).values()]
    .filter((e) => shared.has(e.list))
    .map((record) => ({ kind: "person", record }));
  const objects = goods.records(ids).filter((g) => agreement.queryKinds.includes(g.kind));
  return [...persons, ...objects];
}

function returnable(asked: Category[], agreement: Agreement, chosen: string[] | undefined): Category[] {
  const allowed = asked.filter((c) => agreement.categories.includes(c));
  if (chosen === undefined) return allowed;
  const bad = chosen.filter((c) => !isCategory(c) || !allowed.includes(c));
  if (bad.length)
    throw new InvalidError(
      `categories: ${bad.join(", ")} were not asked for or the agreement does not allow them`,
    );
  return chosen as Category[];
}

export async function decideFollowUp(
  db: Db,
  goods: GoodsLookup,
  deliver: (outboxId: string) => Promise<boolean>,
  p: Principal,
  id: string,
  d: FollowUpDecision,
  now = new Date(),
) {
  if (!can(p, "partners:respond")) throw new ForbiddenError("this role cannot decide partner requests");
  if (d.reason.trim().length < 3) throw new InvalidError("reason: a decision needs a reason");
  const f = await getFollowUp(db.kysely, id, "received");
  if (!f) throw new NotFoundError(`partner request ${id} not found`);
  if (f.status !== "pending") throw new ConflictError(`partner request ${id} is already ${f.status}`);
  const agreement = await agreementInForce(db.kysely, { nodeId: f.partner_node_id });
  const approve = d.decision === "approve";
  if (approve && (!agreement || refusal(agreement, now, {})))
    throw new ForbiddenError(`no agreement in force with ${f.partner_node_id}: refuse the request instead`);
  const categories =
    approve && agreement ? returnable(JSON.parse(f.categories) as Category[], agreement, d.categories) : [];
  const data =
    approve && agreement
      ? followUpData(await sharedEntries(db, goods, agreement, f.query_request_id), categories)
      : [];
  const status = approve ? "approved" : "refused";
  let outboxId: string | undefined;
  await db.kysely.transaction().execute(async (trx) => {
    const settled = await settleFollowUp(trx, id, "received", {
      status,
      decided_by: p.username,
      decision_reason: d.reason.trim(),
      returned_categories: JSON.stringify(categories),
      decided_at: now.toISOString(),
    });
    if (!settled) throw new ConflictError(`partner request ${id} was decided by someone else meanwhile`);
    await appendAudit(
      trx,
      {
        actor: p,
        action: approve ? "partner.follow-up.approve" : "partner.follow-up.refuse",
        objectType: "partner_follow_up",
        objectId: id,
        outcome: "success",
        details: {
          partner: f.partner_node_id,
          query: f.query_request_id,
          categories,
          records: data.length,
          reason: d.reason.trim(),
        },
      },
      now,
    );
    // The answer goes through the outbox, in this transaction: if the asking node is down now, the
    // retries (outbox.ts) deliver it when it is back.
    if (agreement)
      outboxId = await enqueue(
        trx,
        {
          partnerNodeId: f.partner_node_id,
          route: "/follow-up-answers",
          objectId: id,
          payload: {
            requestId: id,
            status,
            categories,
            data,
            retentionDays: agreement.retentionDays,
            reason: d.reason.trim(),
          },
        },
        now,
      );
  });
  const delivered = outboxId ? await deliver(outboxId) : false;
  return { id, status, categories, delivered };
}
