// Replacing a list of the checks at the post (stolen vehicles, firearms) with an uploaded CSV. The file
// is read whole first: a bad row refuses it with its line and column and changes nothing. A good file is
// stored as uploaded (so it outlives a restart) with its audit entry in one transaction, and only then
// does the capability swap its in-memory index.
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import type { GoodsListsTable } from "../db/schema-checks-at-post.js";
import { ForbiddenError } from "../shared/errors.js";
import { saveGoodsList } from "./store.js";

export type GoodsListKind = GoodsListsTable["kind"];

export interface GoodsListUpload<T> {
  kind: GoodsListKind;
  /** The capability's reader: throws InvalidError naming every bad row and column. */
  parse: (csv: string) => T[];
  /** Swaps the capability's index to the new records, after they are stored. */
  swap: (records: T[]) => void;
}

export interface GoodsListSummary {
  kind: GoodsListKind;
  records: number;
  uploadedAt: string;
}

export async function replaceGoodsList<T>(
  db: Db,
  p: Principal,
  upload: GoodsListUpload<T>,
  csv: string,
  input: { reason?: string; now: Date },
): Promise<GoodsListSummary> {
  if (!can(p, "watchlists:manage"))
    throw new ForbiddenError("this role cannot replace lists", undefined, "permission_denied", {
      permission: "watchlists:manage",
    });
  const records = upload.parse(csv);
  const uploadedAt = input.now.toISOString();
  await db.kysely.transaction().execute(async (trx) => {
    await saveGoodsList(trx, {
      kind: upload.kind,
      csv,
      records: records.length,
      uploaded_by: p.userId,
      uploaded_at: uploadedAt,
    });
    await appendAudit(
      trx,
      {
        actor: p,
        action: "goods_list.replace",
        objectType: "goods_list",
        objectId: upload.kind,
        outcome: "success",
        details: { records: records.length, ...(input.reason ? { reason: input.reason } : {}) },
      },
      input.now,
    );
  });
  upload.swap(records);
  return { kind: upload.kind, records: records.length, uploadedAt };
}
