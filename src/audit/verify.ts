// Verifying the audit trail: every chain walked entry by entry, and, given the public key and the
// external checkpoint file, every chain compared with the signed checkpoints. One sentence says what was
// found; `firstBroken` names the first entry (by id) that fails.
import type { KeyObject } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Db } from "../db/index.js";
import { type ChainBreak, chainChecker, type StoredEntry } from "./chain.js";
import {
  type ChainHead,
  type CheckpointBody,
  checkCheckpoints,
  parseCheckpointLines,
  type SignedCheckpoint,
} from "./checkpoint.js";
import { chainHeads, chainPage, chainsWithEntries, entriesBeyondHeads, storedCheckpoints } from "./store.js";

export interface VerifyOptions {
  /** Entries read per query: keeps memory flat however long the log grows. */
  pageSize?: number;
  /** With `checkpointFile`: checks the chains against the signed checkpoints. */
  publicKey?: KeyObject;
  /** The external JSON-lines copy of the checkpoints; a missing file counts as empty. */
  checkpointFile?: string;
}

export interface AuditVerdict {
  ok: boolean;
  /** Entries read. */
  checked: number;
  firstBroken?: ChainBreak;
  /** One sentence for people: what was checked and what was found. */
  verdict: string;
  /** Signed checkpoints that verified (0 without a key). */
  checkpoints: number;
  /** Entries newer than the last signed checkpoint: their truncation could not be detected. */
  uncovered: number;
}

/** What the signed checkpoints vouch for, per chain. */
interface Signed {
  /** seq → the hash a checkpoint recorded there, and which checkpoint. */
  positions: Map<number, Map<number, { hash: string; cp: number }>>;
  latest?: CheckpointBody;
  erased: [number, number][];
}

function signedPositions(verified: readonly CheckpointBody[]): Signed {
  const positions = new Map<number, Map<number, { hash: string; cp: number }>>();
  const erased: [number, number][] = [];
  for (const cp of verified) {
    for (const h of cp.chains) {
      const chain = positions.get(h.chain) ?? new Map();
      if (h.seq > 0 && !chain.has(h.seq)) chain.set(h.seq, { hash: h.hash, cp: cp.seq });
      positions.set(h.chain, chain);
    }
    erased.push(...(cp.erased ?? []));
  }
  const latest = verified[verified.length - 1];
  return { positions, erased, ...(latest ? { latest } : {}) };
}

const isErasedBySignedPrune = (signed: Signed, id: number) =>
  signed.erased.some(([a, b]) => id >= a && id <= b);

/**
 * Walks one chain up to its head; returns its first break and how many entries it read (all of them:
 * the count does not depend on where the chain breaks).
 */
async function walkChain(
  db: Db,
  head: ChainHead,
  signed: Signed | undefined,
  pageSize: number,
): Promise<{ broken?: ChainBreak; read: number; last: { seq: number; id: number } }> {
  const checker = chainChecker(head.chain);
  const expected = signed?.positions.get(head.chain);
  // The first entry after the last position a checkpoint vouched for: where a rewrite can have started.
  let sinceVouched: number | undefined;
  const inspect = (e: StoredEntry): ChainBreak | undefined => {
    const broken = checker.next(e);
    if (broken) return broken;
    sinceVouched ??= e.id;
    const want = expected?.get(e.seq);
    if (want && want.hash !== e.hash)
      return {
        id: sinceVouched,
        reason: `chain ${head.chain} was rewritten with recomputed hashes: entry ${e.id} (#${e.seq}) differs from signed checkpoint ${want.cp}, and the rewrite starts at or after entry ${sinceVouched}`,
      };
    if (want) sinceVouched = undefined;
    if (signed && e.salt === null && !isErasedBySignedPrune(signed, e.id))
      return {
        id: e.id,
        reason: `entry ${e.id} had its purpose and details erased without a signed prune checkpoint`,
      };
    return undefined;
  };
  let broken: ChainBreak | undefined;
  let read = 0;
  let after = 0;
  for (;;) {
    const page = await chainPage(db, head.chain, after, head.seq, pageSize);
    for (const e of page) {
      broken ??= inspect(e);
      after = e.seq;
    }
    read += page.length;
    if (page.length < pageSize) return { ...(broken ? { broken } : {}), read, last: checker.last };
  }
}

/** Breaks at the end of a chain: entries missing before the head row or before the last checkpoint. */
function tailBreak(
  head: ChainHead,
  last: { seq: number; id: number },
  signed?: Signed,
): ChainBreak | undefined {
  const c = head.chain;
  if (last.seq < head.seq)
    return {
      id: last.id,
      reason: `chain ${c} #${last.seq + 1} to #${head.seq}${last.id ? `, after entry ${last.id},` : ""} are missing though its head row records them (entries deleted at the end)`,
    };
  const vouched = signed?.latest?.chains.find((h) => h.chain === c);
  if (vouched && vouched.seq > last.seq)
    return {
      id: vouched.id,
      reason: `chain ${c} #${last.seq + 1} to #${vouched.seq} (up to entry ${vouched.id}) are missing though signed checkpoint ${signed?.latest?.seq} covers them: the log was truncated${last.seq === 0 ? " or wiped" : ""}`,
    };
  return undefined;
}

async function readExternal(file: string): Promise<{ checkpoints: SignedCheckpoint[]; problems: string[] }> {
  try {
    return parseCheckpointLines(await readFile(file, "utf8"));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { checkpoints: [], problems: [] };
    return {
      checkpoints: [],
      problems: [`the checkpoint file ${file} cannot be read: ${(err as Error).message}`],
    };
  }
}

async function loadSigned(db: Db, opts: VerifyOptions): Promise<{ signed?: Signed; problems: string[] }> {
  if (!opts.publicKey) return { problems: [] };
  const external = opts.checkpointFile
    ? await readExternal(opts.checkpointFile)
    : { checkpoints: [], problems: [] };
  const check = checkCheckpoints(external.checkpoints, await storedCheckpoints(db.kysely), opts.publicKey);
  return { signed: signedPositions(check.verified), problems: [...external.problems, ...check.problems] };
}

/** Head rows deleted: chains that hold entries or appear in a checkpoint but have no head row. */
async function missingHeadRows(db: Db, heads: readonly ChainHead[], signed?: Signed): Promise<ChainBreak[]> {
  const known = new Set(heads.map((h) => h.chain));
  const chains = new Set([
    ...(await chainsWithEntries(db)),
    ...(signed?.latest?.chains.map((h) => h.chain) ?? []),
  ]);
  const breaks: ChainBreak[] = [];
  for (const chain of chains) {
    if (known.has(chain)) continue;
    const first = await chainPage(db, chain, 0, 2 ** 31 - 1, 1);
    const vouched = signed?.latest?.chains.find((h) => h.chain === chain);
    const id = first[0]?.id ?? vouched?.id ?? 0;
    if (id === 0) continue; // an empty chain's row: nothing it vouched for is lost
    breaks.push({
      id,
      reason: `the head row of chain ${chain} was deleted, so its entries from entry ${id} on are unanchored`,
    });
  }
  return breaks;
}

export async function verifyAuditChain(db: Db, opts: VerifyOptions = {}): Promise<AuditVerdict> {
  const pageSize = opts.pageSize ?? 5000;
  // Checkpoints before heads: one written meanwhile must not look newer than the log it covers.
  const { signed, problems } = await loadSigned(db, opts);
  const heads = await chainHeads(db.kysely);
  const breaks: ChainBreak[] = [];
  let checked = 0;
  for (const head of heads) {
    const walk = await walkChain(db, head, signed, pageSize);
    checked += walk.read;
    const broken = walk.broken ?? tailBreak(head, walk.last, signed);
    if (broken) breaks.push(broken);
  }
  breaks.push(...(await missingHeadRows(db, heads, signed)));
  const [beyond] = await entriesBeyondHeads(db);
  if (beyond && heads.some((h) => h.chain === beyond.chain))
    breaks.push({
      id: beyond.id,
      reason: `entry ${beyond.id} (chain ${beyond.chain} #${beyond.seq}) lies beyond its chain's head: it was not appended through the audit log`,
    });
  const firstBroken = breaks.sort((a, b) => a.id - b.id)[0];
  const checkpoints = signed?.latest?.seq ?? 0;
  const uncovered = heads.reduce((n, h) => {
    const vouched = signed?.latest?.chains.find((v) => v.chain === h.chain)?.seq ?? 0;
    return n + Math.max(0, h.seq - vouched);
  }, 0);
  const ok = !firstBroken && problems.length === 0;
  const verdict = sentence({
    ok,
    checked,
    checkpoints,
    uncovered,
    signed: !!signed,
    problems,
    ...(firstBroken ? { firstBroken } : {}),
  });
  return { ok, checked, ...(firstBroken ? { firstBroken } : {}), verdict, checkpoints, uncovered };
}

function sentence(r: {
  ok: boolean;
  checked: number;
  checkpoints: number;
  uncovered: number;
  signed: boolean;
  problems: string[];
  firstBroken?: ChainBreak;
}): string {
  if (r.firstBroken) {
    const more = r.problems.length ? ` Also: ${r.problems.join("; ")}.` : "";
    const where = r.firstBroken.id ? `first failing entry ${r.firstBroken.id}: ` : "";
    return `The audit trail was tampered with: ${where}${r.firstBroken.reason}.${more}`;
  }
  if (!r.ok) return `The audit trail was tampered with: ${r.problems.join("; ")}.`;
  if (!r.signed)
    return `The hash chains are intact (${r.checked} entries), but without the public key and the checkpoint file a rewrite with recomputed hashes, a truncation or a wipe cannot be ruled out.`;
  const tail = r.uncovered
    ? ` ${r.uncovered} newer entries are not yet covered by a checkpoint, so their truncation would go unnoticed.`
    : "";
  if (r.checkpoints === 0)
    return `The hash chains are intact (${r.checked} entries), but no signed checkpoint exists yet.${tail}`;
  return `The audit trail is intact: ${r.checked} entries verified against ${r.checkpoints} signed checkpoint${r.checkpoints === 1 ? "" : "s"}.${tail}`;
}
