// The hash chains, pure: canonical JSON, the salted digest of an entry's personal payload, the hash of
// an entry given its predecessor's hash, and a checker that walks one chain entry by entry.
import { createHash } from "node:crypto";
import type { AuditLogTable } from "../db/schema.js";

export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every level and no whitespace: one byte string per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The free text of an entry that may name a person: erased at the end of its retention. */
export interface AuditPayload {
  purpose: string | null;
  details: string | null;
}

/**
 * The chain holds this digest instead of the payload. The random per-entry salt is stored beside the
 * payload and erased with it, so once erased the digest can no longer be checked against a guessed name.
 */
export function payloadDigest(salt: string, payload: AuditPayload): string {
  return createHash("sha256")
    .update(salt)
    .update(canonicalJson({ details: payload.details, purpose: payload.purpose }))
    .digest("hex");
}

/** The fields of a stored entry that its hash covers: everything but the payload, its salt and the hash. */
const CHAINED = [
  "id",
  "chain",
  "seq",
  "ts",
  "actor_user_id",
  "actor_username",
  "actor_roles",
  "actor_agency",
  "action",
  "object_type",
  "object_id",
  "outcome",
  "payload_digest",
  "prev_hash",
] as const satisfies readonly (keyof AuditLogTable)[];

export type ChainedFields = Omit<Pick<AuditLogTable, (typeof CHAINED)[number]>, "outcome"> & {
  outcome: string;
};

export function entryHash(f: ChainedFields): string {
  // Only the covered fields, whatever else the row carries; canonical JSON fixes their order.
  const covered = Object.fromEntries(CHAINED.map((k) => [k, f[k]]));
  return createHash("sha256").update(f.prev_hash).update(canonicalJson(covered)).digest("hex");
}

/** A stored entry as the verifier reads it. `salt` is null once its payload was erased. */
export type StoredEntry = ChainedFields & AuditPayload & { salt: string | null; hash: string };

export interface ChainBreak {
  /** The audit_log id of the first entry that fails. */
  id: number;
  reason: string;
}

export interface ChainChecker {
  /** Feeds the next stored entry of the chain in seq order; returns the break it shows, if any. */
  next(entry: StoredEntry): ChainBreak | undefined;
  /** Where the walk stands: the last good entry. */
  readonly last: { seq: number; hash: string; id: number };
}

/**
 * Checks one chain's stored entries one at a time, so a long log can be verified in pages. The breaks
 * it names: an edited entry or payload (a hash no longer matches), a deleted one (a gap in seq), or a
 * reordered one (the previous-hash link no longer matches).
 */
export function chainChecker(chain: number): ChainChecker {
  const last = { seq: 0, hash: GENESIS_HASH, id: 0 };
  const at = (e: StoredEntry) => `entry ${e.id} (chain ${chain} #${e.seq})`;
  return {
    last,
    next(e) {
      if (e.seq !== last.seq + 1)
        return {
          id: e.id,
          reason: `chain ${chain} #${last.seq + 1} is missing: ${at(e)} follows #${last.seq} (deleted entries)`,
        };
      if (e.prev_hash !== last.hash)
        return {
          id: e.id,
          reason: `${at(e)} does not link to the entry before it (deleted, inserted or reordered entries)`,
        };
      if (entryHash(e) !== e.hash)
        return { id: e.id, reason: `${at(e)} does not match its hash (edited entry)` };
      if (e.salt !== null && payloadDigest(e.salt, e) !== e.payload_digest)
        return {
          id: e.id,
          reason: `${at(e)} has a purpose or details that do not match its digest (edited)`,
        };
      last.seq = e.seq;
      last.hash = e.hash;
      last.id = e.id;
      return undefined;
    },
  };
}

/** The first break of one whole chain held in memory. */
export function findBreak(chain: number, entries: Iterable<StoredEntry>): ChainBreak | undefined {
  const checker = chainChecker(chain);
  for (const e of entries) {
    const broken = checker.next(e);
    if (broken) return broken;
  }
  return undefined;
}
