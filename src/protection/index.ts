// Public surface of protection: asylum requests and vulnerabilities, their referrals, and the bar they
// put on refusal, return and removal (non-refoulement).
export {
  BARRED_ACTIONS,
  DEFAULT_PROTECTION_CONFIG,
  isProtectionKind,
  PROTECTION_KINDS,
  type ProtectionConfig,
  type ProtectionKind,
  type ProtectionStatus,
  protectionBar,
  REFERRAL_SERVICES,
  type ReferralService,
} from "./model.js";
export {
  createProtectionService,
  type PersonInput,
  type ProtectionService,
  type RecordInput,
} from "./service.js";
