// Messages to a partner node that must arrive even when the partner is down: a follow-up decision, or a
// crossing's automatic document query (auto-check.ts), is kept in `partner_outbox` (written in the
// transaction that decided or recorded it) and sent after that commits, signed afresh at each attempt,
// again and again with a delay doubling from the base up to 15 minutes. `delivered_at` marks a message
// settled: the partner took it, or a refusal that no retry can change ended it (`last_error` says
// which). A second copy of a message is refused by the partner (`already_answered`,
// `duplicate_request`), so two processes retrying at once deliver it once. Every attempt is audited.
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { appendAudit } from "../audit/index.js";
import type { Database, Db } from "../db/index.js";
import type { PartnerReply, PartnerSender } from "./client.js";
import { partnerError } from "./client.js";
import { type Agreement, refusal } from "./model.js";
import {
  agreementInForce,
  dueOutbox,
  getOutbox,
  insertOutbox,
  type OutboxRow,
  recordAttempt,
} from "./store.js";

/** What becomes of a message after a refusal: sent again later, or settled for good. */
export type Verdict = "delivered" | "retry" | "give_up";

/** How the messages of one partner route are sent, audited and answered. */
export interface RouteHandling {
  action: string;
  objectType: string;
  /** The id its audit entries name (default: the message's object id). */
  auditId?(m: OutboxRow): string;
  /** Why the agreement no longer lets this message go, if it does not (retried by default). */
  refused?(agreement: Agreement, payload: unknown, now: Date): string | undefined;
  /** A partner's refusal code: retried, unless the route says otherwise. */
  verdict?(code: string, status: number): Verdict;
  /** What the partner's 200 reply does here, in the attempt's transaction; details for its audit entry. */
  answered?(
    trx: Transaction<Database>,
    m: OutboxRow,
    reply: PartnerReply,
    agreement: Agreement,
    now: Date,
  ): Promise<Record<string, unknown>>;
}

/** Follow-up decisions: a copy the partner has already counts as delivered; anything else is retried. */
const FOLLOW_UP_ANSWERS: RouteHandling = {
  action: "partner.follow-up.deliver",
  objectType: "partner_follow_up",
  verdict: (code) => (code === "already_answered" ? "delivered" : "retry"),
};

/** Refusals that a later attempt may pass: the partner's rate limit, clocks, and transient failures. */
export function retryTransient(code: string, status: number): Verdict {
  if (status === 429 || status >= 500 || code === "stale_timestamp" || code === "replay") return "retry";
  return "give_up";
}

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
  await insertOutbox(trx, {
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
  });
  return id;
}

/** Sends one message once and records the attempt; true once it is settled (taken, or given up). */
async function attempt(o: Courier, id: string, now: Date): Promise<boolean> {
  const m = await getOutbox(o.db.kysely, id);
  if (!m || m.delivered_at) return true;
  const route = o.routes[m.route] ?? FOLLOW_UP_ANSWERS;
  const payload = JSON.parse(m.payload) as unknown;
  const agreement = await agreementInForce(o.db.kysely, { nodeId: m.partner_node_id });
  const refused = agreement
    ? (refusal(agreement, now, {}) ?? route.refused?.(agreement, payload, now))
    : undefined;
  let outcome: { verdict: Verdict; error?: string; status?: number; reply?: PartnerReply };
  if (!agreement || refused)
    outcome = { verdict: route.refused ? "give_up" : "retry", error: refused ?? "no agreement in force" };
  else {
    const reply = await o.send(agreement.partnerUrl, m.route, payload).catch((err: Error) => err);
    if (reply instanceof Error) outcome = { verdict: "retry", error: reply.message };
    else if (reply.status === 200) outcome = { verdict: "delivered", status: 200, reply };
    else {
      const code = partnerError(reply).code;
      const verdict = route.verdict?.(code, reply.status) ?? "retry";
      outcome = { verdict, status: reply.status, ...(verdict === "delivered" ? {} : { error: code }) };
    }
  }
  await settle(o, m, route, agreement, outcome, now);
  return outcome.verdict !== "retry";
}

/** Records an attempt's outcome, what the answer does here, and the audit entry, in one transaction. */
async function settle(
  o: Courier,
  m: OutboxRow,
  route: RouteHandling,
  agreement: Agreement | undefined,
  outcome: { verdict: Verdict; error?: string; status?: number; reply?: PartnerReply },
  now: Date,
) {
  const attempts = Number(m.attempts) + 1;
  const { verdict, error } = outcome;
  await o.db.kysely.transaction().execute(async (trx) => {
    const recorded = await recordAttempt(
      trx,
      m.id,
      verdict === "retry"
        ? {
            attempts,
            last_error: (error ?? "").slice(0, 300),
            next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts, o.baseMs)).toISOString(),
          }
        : { attempts, delivered_at: now.toISOString(), last_error: error?.slice(0, 300) ?? null },
    );
    // Another process settled it meanwhile: its attempt is the one recorded.
    if (!recorded) return;
    const answered =
      outcome.reply && agreement && route.answered
        ? await route.answered(trx, m, outcome.reply, agreement, now)
        : {};
    await appendAudit(
      trx,
      {
        actor: { username: "system" },
        action: route.action,
        objectType: route.objectType,
        objectId: route.auditId?.(m) ?? m.object_id,
        outcome: error === undefined ? "success" : "error",
        details: {
          partner: m.partner_node_id,
          status: outcome.status ?? null,
          attempt: attempts,
          ...(error ? { error } : {}),
          ...(verdict === "give_up" ? { settled: "given up" } : {}),
          ...answered,
        },
      },
      now,
    );
  });
}

export interface Courier {
  db: Db;
  send: PartnerSender;
  baseMs: number;
  /** How each route other than the follow-up answers is handled. */
  routes: Readonly<Record<string, RouteHandling>>;
}

/** Sends the messages that are due; returns how many were settled. */
export async function deliverDue(o: Courier, now = new Date()) {
  const due = await dueOutbox(o.db.kysely, now.toISOString(), 50);
  let settled = 0;
  for (const { id } of due) if (await attempt(o, id, now)) settled++;
  return settled;
}

/** Sends one message now (right after its transaction committed); false leaves it to the retries. */
export const deliverNow = (o: Courier, id: string, now = new Date()) => attempt(o, id, now);

/**
 * Retries on a timer; `kick()` runs a round now (after a commit that enqueued something), or right after
 * the round under way. stop() waits for a round under way.
 */
export function startOutbox(o: Courier, onError: (err: unknown) => void) {
  let running: Promise<unknown> | undefined;
  let again = false;
  let stopped = false;
  const round = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = deliverDue(o)
      .catch(onError)
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          round();
        }
      });
  };
  const timer = setInterval(round, o.baseMs);
  timer.unref();
  return {
    kick: round,
    async stop() {
      clearInterval(timer);
      stopped = true;
      await running;
    },
  };
}
