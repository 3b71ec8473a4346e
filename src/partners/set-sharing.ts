// A watchlist manager sets whether a list may answer partners. Audited; a list going back to
// national-only stops answering at once, since every query checks the sharing again.
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { ForbiddenError, InvalidError, NotFoundError } from "../shared/errors.js";
import { SHARING, type Sharing } from "./model.js";
import { setSharing } from "./store.js";

export async function setListSharing(db: Db, p: Principal, list: string, sharing: string, reason: string) {
  if (!can(p, "watchlists:manage"))
    throw new ForbiddenError("only a watchlist manager sets a list's sharing");
  if (!(SHARING as readonly string[]).includes(sharing))
    throw new InvalidError(`sharing: one of ${SHARING.join(", ")}`);
  if (reason.trim().length < 3) throw new InvalidError("reason: say why the sharing changes");
  return db.kysely.transaction().execute(async (trx) => {
    const before = await setSharing(trx, list, sharing as Sharing);
    if (!before) throw new NotFoundError(`watchlist ${list} not found`);
    await appendAudit(trx, {
      actor: p,
      action: "watchlist.sharing",
      objectType: "watchlist",
      objectId: list,
      outcome: "success",
      details: { from: before, to: sharing, reason: reason.trim() },
    });
    return { list, sharing: sharing as Sharing };
  });
}
