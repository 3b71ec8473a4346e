// The partner exchange as data and pure rules: what an agreement names, and whether it lets a request
// through now. Pure, no I/O. The rules are the product's safeguards, so they are written here rather
// than taken from a library: nothing crosses that an agreement does not name.
import { InvalidError } from "../shared/errors.js";

/** Why a partner may ask (the Prüm purposes). */
export const PURPOSES = ["counter-terrorism", "serious-organised-crime", "document-fraud"] as const;
export type Purpose = (typeof PURPOSES)[number];

/**
 * What a partner may ask about: a person, a travel document, and (issue 17's lists) a vehicle on the
 * stolen-vehicle list or a firearm on the firearms list. An agreement naming `vehicle` or `firearm` is
 * what lets those lists answer the partner.
 */
export const QUERY_KINDS = ["person", "document", "vehicle", "firearm"] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

/**
 * The data categories a follow-up may return, drawn from the matched list entry only: a listed person's
 * `identity` … `listing`; a listed vehicle's or firearm's description (`vehicle`, `firearm`) and who
 * reported it when (`report`). Each record returns the ones that apply to it. Protection data (asylum,
 * vulnerability) is not a category at all: no agreement can name it, and `follow-up-data.ts` never reads
 * protection records.
 */
export const CATEGORIES = [
  "identity",
  "birth",
  "nationality",
  "documents",
  "listing",
  "vehicle",
  "firearm",
  "report",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Categories a request may name but that never cross, whatever the agreement says. */
export const NEVER_SHARED = ["protection", "first-line"] as const;

export const SHARING = ["national-only", "partners"] as const;
export type Sharing = (typeof SHARING)[number];

export interface AgreementTerms {
  purposes: Purpose[];
  queryKinds: QueryKind[];
  /** Local lists (each `sharing = partners`) that answer this partner. */
  lists: string[];
  /** What a follow-up may return. */
  categories: Category[];
  /** How long data received from this partner may be kept. */
  retentionDays: number;
  /** Requests from this partner per minute, all kinds together. */
  ratePerMinute: number;
  /** Who the partner should contact about a hit (a desk, not a person's data). */
  contact: string;
  /**
   * Set to ask this partner automatically, under this purpose, about the travel document of every
   * crossing recorded here (auto-check.ts); absent, this node asks only when an officer does.
   */
  autoDocumentCheck?: Purpose;
  /**
   * Set to send this partner the node's signed regional bundle each month (src/regional's monthly run,
   * bundle-route.ts); absent, the partner gets a bundle only as a file an admin hands over.
   */
  regionalBundle?: boolean;
}

export type AgreementStatus = "pending" | "active" | "suspended" | "superseded" | "rejected";

export interface Agreement extends AgreementTerms {
  id: string;
  version: number;
  status: AgreementStatus;
  partnerNodeId: string;
  /** SPKI PEM of the partner's node key, pinned at agreement time. */
  partnerKey: string;
  partnerKeyId: string;
  partnerUrl: string;
  validFrom: string;
  validTo: string;
  approvalId: string | null;
  createdBy: string;
  createdAt: string;
}

/** Why an agreement refuses a request, as a code the partner can act on; undefined when it allows it. */
export type Refusal =
  | "agreement_inactive"
  | "agreement_expired"
  | "agreement_not_yet_valid"
  | "purpose_not_allowed"
  | "kind_not_allowed";

export function refusal(
  a: Agreement,
  now: Date,
  request: { purpose?: string; kind?: string },
): Refusal | undefined {
  // An expired or suspended agreement refuses everything, before anything else is looked at.
  if (a.status !== "active") return "agreement_inactive";
  if (Date.parse(a.validTo) <= now.getTime()) return "agreement_expired";
  if (Date.parse(a.validFrom) > now.getTime()) return "agreement_not_yet_valid";
  if (request.purpose !== undefined && !(a.purposes as string[]).includes(request.purpose))
    return "purpose_not_allowed";
  if (request.kind !== undefined && !(a.queryKinds as string[]).includes(request.kind))
    return "kind_not_allowed";
  return undefined;
}

const NODE_ID = /^[A-Z0-9][A-Z0-9-]{1,39}$/;

export function checkNodeId(id: string, field = "nodeId"): void {
  if (!NODE_ID.test(id))
    throw new InvalidError(`${field}: 2 to 40 capitals, digits and dashes, e.g. MK-BORDER`);
}

/** Checks the terms as a whole; every problem is named at once. */
export function checkTerms(t: AgreementTerms, validFrom: string, validTo: string): void {
  const problems: string[] = [];
  const subset = (field: string, values: readonly string[], allowed: readonly string[]) => {
    if (values.length === 0) problems.push(`${field}: name at least one`);
    const bad = values.filter((v) => !allowed.includes(v));
    if (bad.length) problems.push(`${field}: unknown ${bad.join(", ")}`);
  };
  subset("purposes", t.purposes, PURPOSES);
  subset("queryKinds", t.queryKinds, QUERY_KINDS);
  if (t.lists.length === 0) problems.push("lists: name at least one list shared with partners");
  const never = t.categories.filter((c) => (NEVER_SHARED as readonly string[]).includes(c));
  if (never.length) problems.push(`categories: ${never.join(", ")} never cross to a partner`);
  const bad = t.categories.filter(
    (c) => !(CATEGORIES as readonly string[]).includes(c) && !never.includes(c),
  );
  if (bad.length) problems.push(`categories: unknown ${bad.join(", ")}`);
  if (!Number.isInteger(t.retentionDays) || t.retentionDays < 1 || t.retentionDays > 3650)
    problems.push("retentionDays: a whole number of days from 1 to 3650");
  if (!Number.isInteger(t.ratePerMinute) || t.ratePerMinute < 1 || t.ratePerMinute > 1_000_000)
    problems.push("ratePerMinute: a whole number from 1 to 1000000");
  if (t.autoDocumentCheck !== undefined && !(t.purposes as string[]).includes(t.autoDocumentCheck))
    problems.push("autoDocumentCheck: one of the agreement's purposes");
  if (t.autoDocumentCheck !== undefined && !t.queryKinds.includes("document"))
    problems.push("autoDocumentCheck: needs the query kind document");
  if (Number.isNaN(Date.parse(validFrom)) || Number.isNaN(Date.parse(validTo)))
    problems.push("validFrom, validTo: ISO dates");
  else if (Date.parse(validTo) <= Date.parse(validFrom)) problems.push("validTo: must be after validFrom");
  if (problems.length) throw new InvalidError(problems.join("; "), { problems });
}
