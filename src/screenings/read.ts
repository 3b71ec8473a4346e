// Reading back one screening. Agency scoping is in the query: another agency's screening does not exist
// for this caller; a first-line officer reads back only their own. Every read is audited with its purpose.
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import type { Match } from "../screening/index.js";
import { ForbiddenError, NotFoundError } from "../shared/errors.js";
import * as store from "./store.js";
import { type ScreeningRecord, view } from "./view.js";

export async function readScreening(
  db: Db,
  p: Principal,
  id: string,
  purpose: string,
  at: Date,
): Promise<ScreeningRecord> {
  if (!can(p, "screening:read") && !can(p, "screen"))
    throw new ForbiddenError("this role cannot read screenings", undefined, "permission_denied", {
      permission: "screening:read",
    });
  const req = await store.screeningOf(db, p.agency, id);
  // A first-line officer (no access to list details) reads back only their own screenings.
  if (!req || (!can(p, "screening:read_details") && req.user_id !== p.userId)) {
    throw new NotFoundError(`screening ${id} not found`, undefined, "screening_not_found", { id });
  }
  const rows = await store.resultsOf(db, id);
  await db.kysely.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        actor: p,
        action: "screening.read",
        objectType: "screening",
        objectId: id,
        purpose,
        outcome: "success",
      },
      at,
    ),
  );
  const record: ScreeningRecord = {
    id,
    createdAt: req.created_at,
    results: rows.map((r) => view(p, id, r.person_index, r.decision, JSON.parse(r.matches) as Match[])),
  };
  if (req.crossing_point_id) record.crossingPointId = req.crossing_point_id;
  return record;
}
