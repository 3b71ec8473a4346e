// The imported bundles for the regional view: each with its origin, month and figures as signed.
import { can, type Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import { ForbiddenError, InvalidError } from "../shared/errors.js";
import type { RegionalBundle } from "./model.js";
import { listBundles } from "./store.js";

export interface ImportedBundle {
  id: string;
  origin: string;
  keyId: string;
  month: string;
  importedBy: string;
  importedAt: string;
  bundle: RegionalBundle;
}

export async function importedBundles(db: Db, p: Principal, month?: string): Promise<ImportedBundle[]> {
  if (!can(p, "regional:read")) throw new ForbiddenError("this role cannot read regional figures");
  if (month !== undefined && !/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new InvalidError("month: YYYY-MM, e.g. 2026-11");
  return (await listBundles(db.kysely, month)).map((r) => ({
    id: r.id,
    origin: r.origin_node_id,
    keyId: r.key_id,
    month: r.month,
    importedBy: r.imported_by,
    importedAt: r.imported_at,
    bundle: JSON.parse(r.bundle) as RegionalBundle,
  }));
}
