// Public surface of the partner exchange (issue 16): node identity, agreements approved by a second
// admin, signed hit/no-hit queries between Limes nodes, and follow-ups under a legal basis.
export type { PartnerAnswer, PartnerQuery } from "./answer-query.js";
export type { PartnerCheck } from "./ask-partner.js";
export { DEFAULT_CLOCK_WINDOW_SECONDS, PartnerRefusal, type SignedRequest } from "./authenticate.js";
export { bundleReceivers, queueBundle } from "./bundle-route.js";
export { expireReceivedData } from "./expire-received.js";
export type { FollowUpView } from "./follow-up-views.js";
export { type GoodsLookup, goodsLookup } from "./goods-lookup.js";
export {
  type Agreement,
  CATEGORIES,
  type Category,
  NEVER_SHARED,
  PURPOSES,
  QUERY_KINDS,
  SHARING,
} from "./model.js";
export {
  loadNodeIdentity,
  type NodeIdentity,
  type NodeSettings,
  PARTNER_API,
  publicDescription,
} from "./node.js";
export { AGREEMENT_KIND, type AgreementInput } from "./propose-agreement.js";
export { createPartnerService, type PartnerOptions, type PartnerService } from "./service.js";
export { contentDigest, keyIdOf, signRequest } from "./signature.js";
