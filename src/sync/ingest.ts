// Centre: ingest a post's messages into the centre's database, exactly once. Each message id is claimed
// in sync_inbox in the same transaction as the rows it brings, so a message redelivered after
// JetStream's duplicate window (or after a crash between commit and ack) changes nothing. A batch is
// one transaction with one centre audit entry per post, which anchors the head of that post's chain in
// the centre's own signed chain; messages are acknowledged only after the commit.
import type { Transaction } from "kysely";
import { appendAudit } from "../audit/index.js";
import type { Database, Db } from "../db/index.js";
import { messageId, type SyncMessage } from "./model.js";
import { claimMessage, insertBundle, insertOrigins, insertPostAudit } from "./store.js";

export interface IngestResult {
  ingested: number;
  duplicates: number;
}

async function ingestOne(trx: Transaction<Database>, m: SyncMessage, at: string): Promise<boolean> {
  if (!(await claimMessage(trx, messageId(m.origin, m.audit), m.origin, at))) return false;
  await insertPostAudit(trx, m.origin, m.audit);
  if (m.bundle) {
    await insertBundle(trx, m.bundle);
    await insertOrigins(
      trx,
      [
        ...(m.bundle.crossings ?? []).map((c) => ({ object_type: "crossing", object_id: String(c.id) })),
        ...(m.bundle.alerts ?? []).map((a) => ({ object_type: "alert", object_id: String(a.id) })),
      ].map((o) => ({ ...o, origin: m.origin, ingested_at: at })),
    );
  }
  return true;
}

export async function ingestMessages(db: Db, messages: readonly SyncMessage[], now = new Date()) {
  const at = now.toISOString();
  return db.kysely.transaction().execute(async (trx) => {
    const result: IngestResult = { ingested: 0, duplicates: 0 };
    const heads = new Map<string, { messages: number; chain: number; seq: number; hash: string }>();
    for (const m of messages) {
      if (!(await ingestOne(trx, m, at))) {
        result.duplicates++;
        continue;
      }
      result.ingested++;
      const head = heads.get(m.origin) ?? { messages: 0, chain: 0, seq: 0, hash: "" };
      head.messages++;
      if (m.audit.seq > head.seq)
        Object.assign(head, { chain: m.audit.chain, seq: m.audit.seq, hash: m.audit.hash });
      heads.set(m.origin, head);
    }
    for (const [origin, head] of heads)
      await appendAudit(
        trx,
        {
          actor: { username: "system" },
          action: "sync.ingest",
          objectType: "post",
          objectId: origin,
          outcome: "success",
          details: head,
        },
        now,
      );
    return result;
  });
}
