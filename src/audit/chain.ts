// The hash chain, pure: canonical JSON and the hash of an entry given its predecessor's hash.
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

/** The fields of a stored audit entry that the hash covers: everything but the hash itself. */
export type ChainedFields = Omit<AuditLogTable, "hash">;

export function entryHash(fields: ChainedFields): string {
  return createHash("sha256").update(fields.prev_hash).update(canonicalJson(fields)).digest("hex");
}

export interface ChainBreak {
  id: number;
  reason: string;
}

export interface ChainChecker {
  /** Feeds the next stored entry in id order; returns the break it shows, if any. */
  next(entry: ChainedFields & { hash: string }): ChainBreak | undefined;
  /** After the last entry: checks that the stored chain ends where the recorded head says it does. */
  end(): ChainBreak | undefined;
}

/**
 * Checks stored entries one at a time, so a long log can be verified in pages. The breaks it names:
 * an edited entry (its hash no longer matches), a deleted one (a gap in ids or a missing tail), or a
 * reordered one (the previous-hash link no longer matches).
 */
export function chainChecker(head: { last_id: number; last_hash: string }): ChainChecker {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  return {
    next(e) {
      if (e.id !== expectedId)
        return { id: expectedId, reason: `entry ${expectedId} is missing (next stored entry is ${e.id})` };
      if (e.prev_hash !== prevHash)
        return {
          id: e.id,
          reason: "does not link to the previous entry (deleted, inserted or reordered entries)",
        };
      const { hash, ...fields } = e;
      if (entryHash(fields) !== hash)
        return { id: e.id, reason: "content does not match its hash (edited entry)" };
      prevHash = hash;
      expectedId++;
      return undefined;
    },
    end() {
      if (head.last_id !== expectedId - 1) {
        return {
          id: expectedId,
          reason: `the chain head records ${head.last_id} entries but ${expectedId - 1} are stored (entries removed at the end)`,
        };
      }
      if (head.last_hash !== prevHash)
        return { id: head.last_id, reason: "the last entry does not match the chain head" };
      return undefined;
    },
  };
}

/** The first broken link of a whole chain held in memory. */
export function findBreak(
  entries: Iterable<ChainedFields & { hash: string }>,
  head: { last_id: number; last_hash: string },
): ChainBreak | undefined {
  const checker = chainChecker(head);
  for (const e of entries) {
    const broken = checker.next(e);
    if (broken) return broken;
  }
  return checker.end();
}
