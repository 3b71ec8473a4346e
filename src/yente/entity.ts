// GET /entities/{id}: one listed entity as FtM, read from the live list versions and audited as a read of
// personal data with the caller's purpose.
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { ForbiddenError, NotFoundError } from "../shared/errors.js";
import { getEntities } from "../watchlists/index.js";
import { entityToFtm, type FtmEntity } from "./ftm.js";
import { purposeOf } from "./match.js";

export async function readEntity(
  db: Db,
  p: Principal,
  id: string,
  given: string | undefined,
  now: Date,
): Promise<FtmEntity> {
  if (!can(p, "screening:read_details")) throw new ForbiddenError("this role sees no list details");
  const purpose = purposeOf(p, given);
  const entity = (await getEntities(db, [id])).get(id);
  await db.kysely.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        actor: p,
        action: "entity.read",
        objectType: "entity",
        objectId: id,
        purpose,
        outcome: entity ? "success" : "error",
        ...(p.client ? { details: { client: p.client.name } } : {}),
      },
      now,
    ),
  );
  if (!entity) throw new NotFoundError(`entity ${id} not found`);
  return entityToFtm(entity);
}
