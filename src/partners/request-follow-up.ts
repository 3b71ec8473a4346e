// Step 2 on the asking node: after a hit, a second-line officer asks the partner for data under a legal
// basis, naming the categories wanted. The request waits on the partner's side for an officer there.
import { randomUUID } from "node:crypto";
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "../shared/errors.js";
import { type PartnerSender, partnerError } from "./client.js";
import { isCategory } from "./follow-up-data.js";
import { NEVER_SHARED, refusal } from "./model.js";
import { agreementInForce, type FollowUpRow, getQuery, insertFollowUp, type QueryRow } from "./store.js";

export interface FollowUpInput {
  /** The partner check (its request id) that answered hit. */
  checkId: string;
  categories: string[];
  reason: string;
  legalBasis: string;
}

function checkCategories(categories: string[]) {
  const never = categories.filter((c) => (NEVER_SHARED as readonly string[]).includes(c));
  if (never.length)
    throw new InvalidError(`categories: ${never.join(", ")} never cross to or from a partner`);
  const unknown = categories.filter((c) => !isCategory(c));
  if (unknown.length) throw new InvalidError(`categories: unknown ${unknown.join(", ")}`);
  if (categories.length === 0) throw new InvalidError("categories: name at least one");
}

/** The hit this officer's agency received, and the agreement in force with the partner that answered it. */
async function hitToFollow(db: Db, p: Principal, checkId: string, now: Date) {
  const check = await getQuery(db.kysely, checkId, "sent");
  if (!check || check.agency !== p.agency) throw new NotFoundError(`partner check ${checkId} not found`);
  if (check.answer !== "hit") throw new ConflictError("a follow-up follows a hit only");
  const agreement = await agreementInForce(db.kysely, { nodeId: check.partner_node_id });
  const refused = agreement ? refusal(agreement, now, {}) : "agreement_inactive";
  if (!agreement || refused)
    throw new ForbiddenError(`no agreement in force with ${check.partner_node_id}`, {}, refused);
  return { check, agreement };
}

type Wire = {
  requestId: string;
  queryRequestId: string;
  reference: string;
  reason: string;
  legalBasis: string;
  categories: string[];
};

/** The sent follow-up as stored: pending until the partner's officer decides. */
function sentRow(wire: Wire, check: QueryRow, agreementId: string, p: Principal, now: Date): FollowUpRow {
  return {
    id: wire.requestId,
    direction: "sent",
    query_request_id: check.request_id,
    agreement_id: agreementId,
    partner_node_id: check.partner_node_id,
    reference: check.reference,
    reason: wire.reason,
    legal_basis: wire.legalBasis,
    categories: JSON.stringify(wire.categories),
    status: "pending",
    agency: p.agency,
    requested_by: p.username,
    decided_by: null,
    decision_reason: null,
    returned_categories: null,
    data: null,
    expires_at: null,
    created_at: now.toISOString(),
    decided_at: null,
  };
}

export async function requestFollowUp(
  db: Db,
  send: PartnerSender,
  p: Principal,
  input: FollowUpInput,
  now = new Date(),
) {
  if (!can(p, "partners:query")) throw new ForbiddenError("this role cannot send follow-ups");
  checkCategories(input.categories);
  if (input.reason.trim().length < 3 || input.legalBasis.trim().length < 3)
    throw new InvalidError("reason, legalBasis: a follow-up needs both");
  const { check, agreement } = await hitToFollow(db, p, input.checkId, now);
  const id = randomUUID();
  const categories = [...new Set(input.categories)];
  const wire: Wire = {
    requestId: id,
    queryRequestId: check.request_id,
    reference: check.reference,
    reason: input.reason.trim(),
    legalBasis: input.legalBasis.trim(),
    categories,
  };
  const entry = (outcome: "success" | "error", details: Record<string, unknown>) => ({
    actor: p,
    action: "partner.follow-up.send",
    objectType: "partner_follow_up",
    objectId: id,
    purpose: check.purpose,
    outcome,
    details: {
      partner: check.partner_node_id,
      query: check.request_id,
      alert: check.alert_id,
      categories,
      legalBasis: wire.legalBasis,
      ...details,
    },
  });
  const reply = await send(agreement.partnerUrl, "/follow-ups", wire);
  if (reply.status !== 202) {
    const e = partnerError(reply);
    await appendAudit(db.kysely, entry("error", { refused: e.code }), now);
    throw new ConflictError(
      `${check.partner_node_id} refused the follow-up: ${e.message}`,
      {},
      "partner_refused",
      { partnerCode: e.code },
    );
  }
  const row = sentRow(wire, check, agreement.id, p, now);
  await db.kysely.transaction().execute(async (trx) => {
    await insertFollowUp(trx, row);
    await appendAudit(trx, entry("success", {}), now);
  });
  return row;
}
