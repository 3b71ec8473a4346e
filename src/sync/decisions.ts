// Decisions flow back: the centre puts the status of every alert a post opened into the decisions KV
// under <post>.<alert id> when it changes; the post watches its own keys and records the decision on
// its copy of the alert, with an audit entry, so its officers see what the centre decided.
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import type { AlertsTable } from "../db/schema.js";
import type { RemoteDecision } from "./model.js";
import { type Bus, bindKv, DECISIONS } from "./nats.js";
import { getState, remoteAlertsChangedSince, setAlertStatus, setState } from "./store.js";

const CURSOR = "decisions.updated_at";

/** Centre: one pass over the alerts changed since the last; the number put. */
export async function publishDecisions(db: Db, bus: Bus): Promise<number> {
  const since = (await getState(db.kysely, CURSOR)) ?? "";
  // Strictly after the cursor: two alerts changed in the same millisecond on a page boundary would wait
  // for their next change, which is why a page is large.
  const rows = await remoteAlertsChangedSince(db.kysely, since, 1000);
  if (rows.length === 0) return 0;
  const kv = await bindKv(bus, DECISIONS);
  for (const r of rows) {
    const d: RemoteDecision = { alertId: r.id, status: r.status, decidedAt: r.updated_at };
    await kv.put(`${r.origin}.${r.id}`, JSON.stringify(d));
  }
  await setState(db.kysely, CURSOR, rows[rows.length - 1]!.updated_at);
  return rows.length;
}

/** Post: records one decision of the centre; false when the post's alert already has that status. */
export async function applyDecision(
  db: Db,
  post: string,
  d: RemoteDecision,
  now = new Date(),
): Promise<boolean> {
  return db.kysely.transaction().execute(async (trx) => {
    const changed = await setAlertStatus(
      trx,
      d.alertId,
      d.status as AlertsTable["status"],
      now.toISOString(),
    );
    if (changed === 0) return false;
    await appendAudit(
      trx,
      {
        actor: { username: "system" },
        action: "alert.decision_received",
        objectType: "alert",
        objectId: d.alertId,
        outcome: "success",
        details: { status: d.status, decidedAt: d.decidedAt, post },
      },
      now,
    );
    return true;
  });
}

/** Post: applies the centre's decisions as they come; runs until the bus closes or `stop` is called. */
export async function watchDecisions(db: Db, bus: Bus, post: string, onError: (err: unknown) => void) {
  const kv = await bindKv(bus, DECISIONS);
  const watch = await kv.watch({ key: `${post}.>` });
  (async () => {
    for await (const e of watch) {
      if (!e.value.length) continue;
      await applyDecision(db, post, e.json() as RemoteDecision).catch(onError);
    }
  })().catch(onError);
  return { stop: () => watch.stop() };
}
