// What officers and admins read of the exchange: the agreements (every version), the lists' sharing,
// and the partner checks of one alert. Reads only.
import { can, type Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import { ForbiddenError, NotFoundError } from "../shared/errors.js";
import { checkView, type PartnerCheck } from "./ask-partner.js";
import type { Agreement } from "./model.js";
import { alertOfAgency, listAgreements, listSharing, queriesOfAlert } from "./store.js";

export async function agreementsFor(db: Db, p: Principal): Promise<Agreement[]> {
  // Second-line officers see agreements too: they choose the partner and purpose of a check.
  if (!can(p, "partners:manage") && !can(p, "partners:query"))
    throw new ForbiddenError("this role cannot see agreements");
  return listAgreements(db.kysely);
}

export async function sharingOfLists(db: Db) {
  return (await listSharing(db.kysely)).map((l) => ({ list: l.id, sharing: l.sharing }));
}

export async function checksOfAlert(db: Db, p: Principal, alertId: string): Promise<PartnerCheck[]> {
  if (!can(p, "partners:query")) throw new ForbiddenError("this role cannot see partner checks");
  const alert = await alertOfAgency(db.kysely, alertId, p.agency);
  if (!alert) throw new NotFoundError(`alert ${alertId} not found`);
  return (await queriesOfAlert(db.kysely, alertId, p.agency)).map(checkView);
}
