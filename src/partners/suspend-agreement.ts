// Suspending an agreement refuses everything at once. One admin may suspend (it only ever stops data
// flowing, so it needs no second person); resuming means proposing a new version for approval.
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { ForbiddenError, InvalidError, NotFoundError } from "../shared/errors.js";
import { getAgreement, latestVersion, setAgreementStatus } from "./store.js";

export async function suspendAgreement(db: Db, p: Principal, id: string, reason: string, now = new Date()) {
  if (!can(p, "partners:manage")) throw new ForbiddenError("only an admin suspends partner agreements");
  if (reason.trim().length < 3) throw new InvalidError("reason: say why the agreement is suspended");
  return db.kysely.transaction().execute(async (trx) => {
    const version = await latestVersion(trx, id);
    let suspended = 0;
    for (let v = version; v >= 1 && !suspended; v--)
      if (await setAgreementStatus(trx, { id, version: v }, ["active"], "suspended", now.toISOString()))
        suspended = v;
    if (!suspended) throw new NotFoundError(`no agreement ${id} in force`);
    await appendAudit(trx, {
      actor: p,
      action: "partner.agreement.suspend",
      objectType: "partner_agreement",
      objectId: `${id}@${suspended}`,
      outcome: "success",
      details: { reason: reason.trim() },
    });
    return (await getAgreement(trx, id, suspended)) ?? null;
  });
}
