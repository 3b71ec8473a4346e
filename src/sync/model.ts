// The messages of remote posts and the rules about them, pure: no database, no network.
import { createHash } from "node:crypto";
import type { AuditLogTable } from "../db/schema.js";
import type { ImportCounts, ImportResult } from "../watchlists/index.js";

/** The KV value saying which version of a list is active, and how to check what the post fetched. */
export interface ListRelease {
  list: string;
  version: number;
  /** SHA-256 (hex) of the object's bytes: the post refuses data that does not match. */
  sha256: string;
  object: string;
  activatedAt: string;
}

/** The object's content: a list version as the centre holds it. */
export interface ListPayload {
  list: string;
  name: string;
  format: ImportResult["format"];
  version: number;
  counts: ImportCounts;
  sourceDate: string | null;
  entities: ImportResult["entities"];
}

/** What a post reports after each swap (and at start): the centre's view of who runs what. */
export interface PostStatus {
  post: string;
  lists: { list: string; version: number; sha256: string; receivedAt: string }[];
  reportedAt: string;
}

/** A decision taken at the centre on an alert a post opened. */
export interface RemoteDecision {
  alertId: string;
  status: string;
  decidedAt: string;
}

/** The rows a crossing wrote at the post, table by table, in the order the centre inserts them. */
export const BUNDLE_TABLES = [
  "screening_requests",
  "screening_results",
  "alerts",
  "rule_hits",
  "screened_travellers",
  "crossings",
] as const;
export type BundleTable = (typeof BUNDLE_TABLES)[number];
export type Bundle = Partial<Record<BundleTable, Record<string, unknown>[]>>;

/** One message per audit entry of the post; a `crossing.create` entry carries the crossing's rows. */
export interface SyncMessage {
  origin: string;
  audit: AuditLogTable;
  bundle?: Bundle;
}

/** The Nats-Msg-Id, and the centre's own idempotence key: an audit entry's place is unique at a post. */
export const messageId = (origin: string, audit: Pick<AuditLogTable, "chain" | "seq">) =>
  `${origin}.${audit.chain}.${audit.seq}`;

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export const objectName = (list: string, version: number) => `${list}@${version}`;

/** KV keys allow letters, digits and `-_=.`; list ids are already of that kind, this keeps it so. */
export const kvKey = (text: string) => text.replace(/[^A-Za-z0-9_=-]/g, "_");

export interface ListAge {
  /** The oldest moment any list was received from the centre; absent when none ever was. */
  oldestReceivedAt?: string;
  ageSeconds?: number;
  warnAfterHours: number;
  /** True when a list is older than the limit, or none was ever received. */
  warning: boolean;
}

/**
 * How old the post's lists are, by the least recently received list: a list the centre has not changed
 * is refreshed by each reconnect (the post re-acknowledges it), so age measures the time since the post
 * last knew it was current.
 */
export function listAge(receivedAt: readonly string[], now: Date, warnAfterHours: number): ListAge {
  if (receivedAt.length === 0) return { warnAfterHours, warning: true };
  const oldest = [...receivedAt].sort()[0]!;
  const ageSeconds = Math.max(0, Math.round((now.getTime() - Date.parse(oldest)) / 1000));
  return {
    oldestReceivedAt: oldest,
    ageSeconds,
    warnAfterHours,
    warning: ageSeconds > warnAfterHours * 3600,
  };
}
