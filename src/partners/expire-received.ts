// Data received from partners past its expiry is removed (the follow-up row stays, as `expired`, with
// who asked and why), in the retention job's transaction, with one audit entry per batch.
import type { Transaction } from "kysely";
import type { Database } from "../db/index.js";
import { dropReceivedData, expiredReceived } from "./store.js";

export async function expireReceivedData(
  trx: Transaction<Database>,
  now: Date,
): Promise<{ followUps: number; partners: string[] }> {
  const expired = await expiredReceived(trx, now.toISOString());
  await dropReceivedData(
    trx,
    expired.map((e) => e.id),
  );
  return { followUps: expired.length, partners: [...new Set(expired.map((e) => e.partner_node_id))] };
}
