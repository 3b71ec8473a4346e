// Protection needs and where they are referred, following the OHCHR Recommended Principles and Guidelines
// on Human Rights at International Borders: an expressed wish for asylum is enough (no formal words are
// needed), and children and possible victims of trafficking are referred to the services that protect them.

export const PROTECTION_KINDS = [
  "asylum_request",
  "unaccompanied_child",
  "separated_child",
  "trafficking_victim",
  "medical_need",
  "other",
] as const;
export type ProtectionKind = (typeof PROTECTION_KINDS)[number];

export const REFERRAL_SERVICES = [
  "asylum_authority",
  "child_protection",
  "anti_trafficking",
  "medical",
  "social_services",
] as const;
export type ReferralService = (typeof REFERRAL_SERVICES)[number];

export interface ProtectionConfig {
  /** Where each need is referred, and how many hours that service has to take it up. */
  referrals: Record<ProtectionKind, { service: ReferralService; hours: number }>;
}

export const DEFAULT_PROTECTION_CONFIG: ProtectionConfig = {
  referrals: {
    asylum_request: { service: "asylum_authority", hours: 24 },
    unaccompanied_child: { service: "child_protection", hours: 24 },
    separated_child: { service: "child_protection", hours: 24 },
    trafficking_victim: { service: "anti_trafficking", hours: 24 },
    medical_need: { service: "medical", hours: 2 },
    other: { service: "social_services", hours: 72 },
  },
};

/** Border actions that send a person away: barred while a protection need is open (non-refoulement). */
export const BARRED_ACTIONS = ["refusal_of_entry", "return", "removal"] as const;

/** One referral as the bar sees it, with the kind of need its record names. */
export interface ReferralState {
  status: "open" | "closed";
  kind: string;
}

export interface ProtectionStatus {
  barred: boolean;
  openReferrals: number;
  /** An asylum request is on record, open or decided: the reviewer must know it was made. */
  asylumRequested: boolean;
}

/**
 * Whether refusal, return and removal are barred for the person: while any referral is open. Every
 * asylum request opens a referral, so closing it (the asylum authority has taken its decision) lifts
 * the bar, and nothing else does.
 */
export function protectionBar(referrals: readonly ReferralState[]): ProtectionStatus {
  const open = referrals.filter((r) => r.status === "open").length;
  return {
    barred: open > 0,
    openReferrals: open,
    asylumRequested: referrals.some((r) => r.kind === "asylum_request"),
  };
}

export function isProtectionKind(value: string): value is ProtectionKind {
  return (PROTECTION_KINDS as readonly string[]).includes(value);
}
