// Closing a referral with how it ended; the bar lifts once no referral of the person is open.
import type { Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import { ConflictError, InvalidError, NotFoundError } from "../shared/errors.js";
import { closeReferralRow, findReferral } from "./store.js";
import { need, type ProtectionDeps, referralView } from "./views.js";

export async function closeReferral(
  deps: ProtectionDeps,
  p: Principal,
  id: string,
  input: { outcome: string; purpose: string },
) {
  const { db, now } = deps;
  need(p, "protection:manage");
  if (input.outcome.trim().length < 10)
    throw new InvalidError(
      "say how the referral ended, in at least 10 characters",
      undefined,
      "referral_outcome_required",
    );
  return db.kysely.transaction().execute(async (trx) => {
    const r = await findReferral(trx, p.agency, id);
    if (!r) throw new NotFoundError(`referral ${id} not found`, undefined, "referral_not_found", { id });
    if (r.status === "closed")
      throw new ConflictError(`referral ${id} was closed on ${r.closed_at}`, undefined, "referral_closed", {
        id,
        closedAt: r.closed_at ?? "",
      });
    const closed = { closed_at: now().toISOString(), closed_by: p.username, outcome: input.outcome.trim() };
    await closeReferralRow(trx, id, closed);
    await appendAudit(trx, {
      actor: p,
      action: "protection.referral.close",
      objectType: "referral",
      objectId: id,
      purpose: input.purpose,
      outcome: "success",
    });
    return referralView({ ...r, status: "closed", ...closed }, closed.closed_at);
  });
}
