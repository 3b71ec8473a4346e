// Post: the outbox. Every record a post writes (a crossing, its screening and alerts, a decision) commits
// with its audit entry in one transaction (src/audit), so the audit log is already a durable, ordered
// log of every change: the outbox reads it from a cursor instead of writing each record twice on the
// hot path. Each entry becomes one JetStream message with `Nats-Msg-Id` = <post>.<chain>.<seq>; a
// `crossing.create` entry carries the crossing's rows. The cursor moves only after JetStream
// acknowledged every message up to it, so a crash or an outage re-sends, and never skips.
import type { Db } from "../db/index.js";
import { messageId, type SyncMessage } from "./model.js";
import { type Bus, syncSubject } from "./nats.js";
import { auditAfter, crossingBundle, getState, setState } from "./store.js";

const CURSOR = "outbox.audit_id";

export async function outboxCursor(db: Db): Promise<number> {
  return Number((await getState(db.kysely, CURSOR)) ?? 0);
}

/** Publishes one batch from the cursor; the number of messages JetStream acknowledged (0: up to date). */
export async function publishOutbox(db: Db, bus: Bus, post: string, batch = 200): Promise<number> {
  const from = await outboxCursor(db);
  const entries = await auditAfter(db.kysely, from, batch);
  if (entries.length === 0) return 0;
  const messages: SyncMessage[] = [];
  for (const audit of entries) {
    const bundle =
      audit.action === "crossing.create" && audit.object_id
        ? await crossingBundle(db.kysely, audit.object_id)
        : undefined;
    messages.push({ origin: post, audit, ...(bundle ? { bundle } : {}) });
  }
  const encoder = new TextEncoder();
  // All in flight at once: JetStream answers each with an ack, and a failed one fails the batch.
  await Promise.all(
    messages.map((m) =>
      bus.js.publish(syncSubject(post), encoder.encode(JSON.stringify(m)), {
        msgID: messageId(post, m.audit),
        timeout: 10_000,
      }),
    ),
  );
  await setState(db.kysely, CURSOR, String(entries[entries.length - 1]!.id));
  return entries.length;
}
