// Erasing the personal payload (purpose and details) of audit entries at the end of their retention.
// The chains hold only a salted digest of the payload, so they still verify after it is gone; the erasure
// itself is recorded as a signed prune checkpoint that lists the erased ids, so an erasure without one
// (an attacker hiding what an entry said) is reported by verify.
import type { Db } from "../db/index.js";
import { idRanges } from "./checkpoint.js";
import { type AuditSigning, appendToCheckpointFile, recordCheckpoint } from "./checkpointer.js";
import { type AuditActor, appendAudit } from "./log.js";
import { erasableIds, erasePayloadsOf } from "./store.js";

export interface EraseCriteria {
  /** These entries... */
  ids?: readonly number[];
  /** ...or every entry written before this instant. */
  olderThan?: Date;
}

export async function erasePayloads(
  db: Db,
  signing: AuditSigning,
  which: EraseCriteria,
  opts: { actor?: AuditActor; now?: Date } = {},
): Promise<{ erased: number; checkpoint?: number }> {
  if (!which.ids && !which.olderThan) throw new Error("erasePayloads: give ids or olderThan");
  const now = opts.now ?? new Date();
  const cp = await db.kysely.transaction().execute(async (trx) => {
    const ids = await erasableIds(trx, {
      ...(which.ids ? { ids: which.ids } : {}),
      ...(which.olderThan ? { olderThan: which.olderThan.toISOString() } : {}),
    });
    if (ids.length === 0) return undefined;
    await erasePayloadsOf(trx, ids, now.toISOString());
    await appendAudit(
      trx,
      {
        actor: opts.actor ?? { username: "system" },
        action: "audit.erase",
        objectType: "audit_log",
        outcome: "success",
        details: {
          entries: ids.length,
          ...(which.olderThan ? { olderThan: which.olderThan.toISOString() } : {}),
        },
      },
      now,
    );
    const signed = await recordCheckpoint(trx, signing.privateKey, "prune", { erased: idRanges(ids), now });
    return { signed, erased: ids.length };
  });
  if (!cp?.signed) return { erased: 0 };
  await appendToCheckpointFile(signing.checkpointFile, cp.signed);
  return { erased: cp.erased, checkpoint: cp.signed.body.seq };
}
