// A reviewer's explicit link: the person on an alert is the person of a protection record, though no key
// matched (another name spelling, another birth date on a forged document). The record is then bound to
// everything the alert's person is known by, and the bar holds for them.
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { ForbiddenError, NotFoundError } from "../shared/errors.js";
import { bind, bindingsOfAlert, findRecord } from "./store.js";

export interface LinkInput {
  alertId: string;
  purpose: string;
}

/** The same answer for a record that does not exist and for another agency's: it is not revealed. */
export function recordNotFound(recordId: string): NotFoundError {
  return new NotFoundError(
    `protection record ${recordId} not found`,
    undefined,
    "protection_record_not_found",
    {
      id: recordId,
    },
  );
}

export async function linkAlert(db: Db, now: () => Date, p: Principal, recordId: string, input: LinkInput) {
  if (!can(p, "alerts:review") && !can(p, "protection:manage"))
    throw new ForbiddenError(
      "only a reviewer or a protection officer may link an alert to a protection record",
    );
  return db.kysely.transaction().execute(async (trx) => {
    const record = await findRecord(trx, p.agency, recordId);
    if (!record) throw recordNotFound(recordId);
    const alert = await bindingsOfAlert(trx, p.agency, input.alertId);
    if (!alert)
      throw new NotFoundError(`alert ${input.alertId} not found`, undefined, "alert_not_found", {
        id: input.alertId,
      });
    const added = await bind(trx, record, alert.bindings, now().toISOString());
    await appendAudit(trx, {
      actor: p,
      action: "protection.link",
      objectType: "protection_record",
      objectId: recordId,
      purpose: input.purpose,
      outcome: "success",
      details: { alertId: input.alertId, bindings: added },
    });
    return { recordId, alertId: input.alertId, added };
  });
}
