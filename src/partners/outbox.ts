// Messages to a partner node that must arrive even when the partner is down: a follow-up decision taken
// here while the asking node cannot be reached is kept in `partner_outbox` (written in the decision's
// transaction) and sent again, signed afresh each time, with a delay doubling from the base up to 15
// minutes, until the partner takes it. The partner refuses a second copy (`already_answered`), which
// counts as delivered, so two processes retrying at once deliver it once. Every attempt is audited.
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { appendAudit } from "../audit/index.js";
import type { Database, Db } from "../db/index.js";
import type { PartnerSender } from "./client.js";
import { partnerError } from "./client.js";
import { refusal } from "./model.js";
import { agreementInForce } from "./store.js";

const MAX_DELAY_MS = 15 * 60_000;

/** How long after the attempt numbered `attempts` (1 = the first) the next one is due. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.max(0, attempts - 1));
}

export interface OutboxMessage {
  partnerNodeId: string;
  route: string;
  payload: unknown;
  objectId: string;
}

/** Puts a message in the outbox, in the caller's transaction: it is sent when that commits. */
export async function enqueue(trx: Transaction<Database>, m: OutboxMessage, now: Date): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto("partner_outbox")
    .values({
      id,
      partner_node_id: m.partnerNodeId,
      route: m.route,
      payload: JSON.stringify(m.payload),
      object_id: m.objectId,
      attempts: 0,
      next_attempt_at: now.toISOString(),
      last_error: null,
      created_at: now.toISOString(),
      delivered_at: null,
    })
    .execute();
  return id;
}

/** One attempt at one message; true when the partner took it (now or before). */
async function attempt(db: Db, send: PartnerSender, id: string, baseMs: number, now: Date): Promise<boolean> {
  const m = await db.kysely.selectFrom("partner_outbox").selectAll().where("id", "=", id).executeTakeFirst();
  if (!m || m.delivered_at) return true;
  const agreement = await agreementInForce(db.kysely, { nodeId: m.partner_node_id });
  let error: string | undefined;
  let status: number | null = null;
  if (!agreement || refusal(agreement, now, {})) error = "no agreement in force";
  else {
    const reply = await send(agreement.partnerUrl, m.route, JSON.parse(m.payload)).catch((err: Error) => err);
    if (reply instanceof Error) error = reply.message;
    else {
      status = reply.status;
      const code = reply.status === 200 ? undefined : partnerError(reply).code;
      if (code !== undefined && code !== "already_answered") error = code;
    }
  }
  const attempts = Number(m.attempts) + 1;
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable("partner_outbox")
      .set(
        error === undefined
          ? { attempts, delivered_at: now.toISOString(), last_error: null }
          : {
              attempts,
              last_error: error.slice(0, 300),
              next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts, baseMs)).toISOString(),
            },
      )
      .where("id", "=", id)
      .where("delivered_at", "is", null)
      .execute();
    await appendAudit(
      trx,
      {
        actor: { username: "system" },
        action: "partner.follow-up.deliver",
        objectType: "partner_follow_up",
        objectId: m.object_id,
        outcome: error === undefined ? "success" : "error",
        details: { partner: m.partner_node_id, status, attempt: attempts, ...(error ? { error } : {}) },
      },
      now,
    );
  });
  return error === undefined;
}

/** Sends the messages that are due; returns how many arrived. */
export async function deliverDue(db: Db, send: PartnerSender, baseMs: number, now = new Date()) {
  const due = await db.kysely
    .selectFrom("partner_outbox")
    .select("id")
    .where("delivered_at", "is", null)
    .where("next_attempt_at", "<=", now.toISOString())
    .orderBy("next_attempt_at")
    .limit(50)
    .execute();
  let delivered = 0;
  for (const { id } of due) if (await attempt(db, send, id, baseMs, now)) delivered++;
  return delivered;
}

/** Sends one message now (right after its transaction committed); false leaves it to the retries. */
export const deliverNow = (db: Db, send: PartnerSender, id: string, baseMs: number, now = new Date()) =>
  attempt(db, send, id, baseMs, now);

/** Retries on a timer; stop() waits for a round under way. */
export function startOutbox(db: Db, send: PartnerSender, baseMs: number, onError: (err: unknown) => void) {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    running ??= deliverDue(db, send, baseMs)
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
  }, baseMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
