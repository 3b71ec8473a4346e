// An admin places a crossing point in a border section (the border with a named neighbour, a sea area):
// the regional risk-analysis bundles (src/regional) count per section. Audited with the reason, the
// section before and after; null takes the point out of every section.
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { ForbiddenError, InvalidError, NotFoundError } from "../shared/errors.js";
import * as store from "./store.js";

const SECTION = /^[A-Za-z0-9][A-Za-z0-9 .,'()/-]{1,79}$/;

export async function setBorderSection(
  db: Db,
  p: Principal,
  id: string,
  section: string | null,
  reason: string,
): Promise<{ id: string; borderSection: string | null }> {
  if (!can(p, "crossing_points:manage"))
    throw new ForbiddenError("this role cannot manage crossing points", undefined, "permission_denied", {
      permission: "crossing_points:manage",
    });
  const value = section?.trim() || null;
  if (value !== null && !SECTION.test(value))
    throw new InvalidError("borderSection: 2 to 80 letters, digits, blanks and . , ' ( ) / -");
  if (reason.trim().length < 3) throw new InvalidError("reason: say why the section changes");
  return db.kysely.transaction().execute(async (trx) => {
    const before = await store.agencyBorderSection(trx, p.agency, id);
    if (!before) throw new NotFoundError(`crossing point ${id} not found`);
    await store.setBorderSectionOf(trx, id, value);
    await appendAudit(trx, {
      actor: p,
      action: "crossing_point.border_section",
      objectType: "crossing_point",
      objectId: id,
      outcome: "success",
      details: { from: before.border_section ?? null, to: value, reason: reason.trim() },
    });
    return { id, borderSection: value };
  });
}
