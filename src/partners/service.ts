// The partner exchange bound to a database and to this node's identity. Without a node identity
// (LIMES_NODE_ID unset) the node neither asks nor answers partners; agreements and sharing can still be
// prepared.

import type { Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import { ConflictError } from "../shared/errors.js";
import { answerQuery, type PartnerQuery } from "./answer-query.js";
import { askPartner } from "./ask-partner.js";
import { createPartnerAuthenticator } from "./authenticate.js";
import { autoCheckWiring, createAutoChecks, QUERY_ROUTE, queryRoute } from "./auto-check.js";
import { BUNDLE_ROUTE, bundleRoute } from "./bundle-route.js";
import { createPartnerClient, type PartnerSender } from "./client.js";
import { decideFollowUp, type FollowUpDecision } from "./decide-follow-up.js";
import { followUpsOfCheck, partnerRequests } from "./follow-up-views.js";
import { type GoodsLookup, NO_GOODS } from "./goods-lookup.js";
import { type HandOverInput, handOverAlert, handOversTo } from "./hand-over.js";
import type { Agreement, QueryKind } from "./model.js";
import { type NodeIdentity, publicDescription } from "./node.js";
import { type Courier, deliverDue, deliverNow, startOutbox } from "./outbox.js";
import { createPartnerIndex } from "./partner-index.js";
import { type AgreementInput, proposeAgreement } from "./propose-agreement.js";
import { agreementsFor, checksOfAlert, sharingOfLists } from "./read.js";
import { type FollowUpRequest, receiveFollowUp } from "./receive-follow-up.js";
import { type FollowUpAnswer, receiveFollowUpAnswer } from "./receive-follow-up-answer.js";
import { createRejectionLog } from "./rejections.js";
import { type FollowUpInput, requestFollowUp } from "./request-follow-up.js";
import { setListSharing } from "./set-sharing.js";
import { suspendAgreement } from "./suspend-agreement.js";

export interface PartnerOptions {
  node?: NodeIdentity;
  /** Accepted clock difference of a signed request, in seconds (default 300). */
  windowSeconds?: number;
  /** Refusals written one by one per minute before they are tallied (default 60). */
  rejectionsPerMinute?: number;
  /** The stolen-vehicle and firearms lists that answer `vehicle` and `firearm` queries. */
  goods?: GoodsLookup;
  /** First delay before an undelivered message to a partner is sent again, in seconds (default 5). */
  retrySeconds?: number;
}

const NO_NODE = () =>
  new ConflictError("this node has no identity (LIMES_NODE_ID, LIMES_NODE_KEY)", {}, "no_node");

export function createPartnerService(db: Db, opts: PartnerOptions = {}) {
  const index = createPartnerIndex(db);
  const send: PartnerSender | undefined = opts.node ? createPartnerClient(opts.node) : undefined;
  const sender = () => {
    if (!send) throw NO_NODE();
    return send;
  };
  const courier: Courier | undefined = send && {
    db,
    send,
    baseMs: (opts.retrySeconds ?? 5) * 1000,
    routes: { [QUERY_ROUTE]: queryRoute, [BUNDLE_ROUTE]: bundleRoute },
  };
  const autoChecks = createAutoChecks(db);
  const goods = opts.goods ?? NO_GOODS;
  let outbox: ReturnType<typeof startOutbox> | undefined;
  return {
    node: opts.node,
    describe: () => (opts.node ? publicDescription(opts.node) : undefined),
    authenticate: createPartnerAuthenticator(
      db,
      opts.windowSeconds ? { windowSeconds: opts.windowSeconds } : {},
    ),
    rejections: createRejectionLog(
      db,
      opts.rejectionsPerMinute ? { perMinute: opts.rejectionsPerMinute } : {},
    ),
    answer: (agreement: Agreement, q: PartnerQuery) => answerQuery(db, index, goods, agreement, q),
    sharing: () => sharingOfLists(db),
    async setSharing(p: Principal, list: string, sharing: string, reason: string) {
      const set = await setListSharing(db, p, list, sharing, reason);
      // Rebuilt now rather than on the next partner query, which would otherwise wait for it.
      index.current().catch(() => {});
      return set;
    },
    agreements: (p: Principal) => agreementsFor(db, p),
    propose: (p: Principal, input: AgreementInput) => proposeAgreement(db, p, input),
    async suspend(p: Principal, id: string, reason: string) {
      const suspended = await suspendAgreement(db, p, id, reason);
      autoChecks.invalidate();
      return suspended;
    },
    ...autoCheckWiring(autoChecks, send !== undefined, () => outbox?.kick()),
    ask: (
      p: Principal,
      input: { alertId: string; partnerNodeId: string; purpose: string; kind: QueryKind },
    ) => askPartner(db, sender(), p, input),
    checksOf: (p: Principal, alertId: string) => checksOfAlert(db, p, alertId),
    requestFollowUp: (p: Principal, input: FollowUpInput) => requestFollowUp(db, sender(), p, input),
    followUpsOf: (p: Principal, checkId: string) => followUpsOfCheck(db, p, checkId),
    receiveFollowUp: (agreement: Agreement, f: FollowUpRequest) => receiveFollowUp(db, agreement, f),
    requests: (p: Principal, status?: string) => partnerRequests(db, p, status),
    decideFollowUp: (p: Principal, id: string, d: FollowUpDecision) => {
      if (!courier) throw NO_NODE();
      return decideFollowUp(db, goods, (outboxId) => deliverNow(courier, outboxId), p, id, d);
    },
    /** Sends and retries the messages waiting for partners on a timer, while this node has an identity. */
    startOutbox(onError: (err: unknown) => void) {
      if (!courier) return { stop: async () => {} };
      outbox = startOutbox(courier, onError);
      return outbox;
    },
    deliverDue: () => (courier ? deliverDue(courier) : Promise.resolve(0)),
    receiveAnswer: (agreement: Agreement, a: FollowUpAnswer) => receiveFollowUpAnswer(db, agreement, a),
    handOver: (p: Principal, alertId: string, input: HandOverInput) => handOverAlert(db, p, alertId, input),
    handOvers: (p: Principal, purpose: string) => handOversTo(db, p, purpose),
  };
}

export type PartnerService = ReturnType<typeof createPartnerService>;
