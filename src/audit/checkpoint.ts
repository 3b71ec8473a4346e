// Signed checkpoints, pure: the heads of every chain at one moment, signed with Ed25519 and linked to the
// checkpoint before, so that a rewrite of the database alone (entries, heads and checkpoints table) no
// longer verifies against the copies kept outside it.
import { createHash, createPublicKey, type KeyObject, sign, verify } from "node:crypto";
import { canonicalJson, GENESIS_HASH } from "./chain.js";

export type CheckpointKind = "periodic" | "shutdown" | "prune";

export interface ChainHead {
  chain: number;
  /** Entries on the chain; the head entry's seq. */
  seq: number;
  hash: string;
  /** The audit_log id of the head entry (0 for an empty chain), to name it when it goes missing. */
  id: number;
}

export interface CheckpointBody {
  v: 1;
  seq: number;
  ts: string;
  kind: CheckpointKind;
  /** Hash of the previous checkpoint's body: deleting or replacing one breaks the link. */
  prev: string;
  chains: ChainHead[];
  /** For a prune checkpoint: the inclusive id ranges whose payloads were erased. */
  erased?: [number, number][];
}

export interface SignedCheckpoint {
  body: CheckpointBody;
  keyId: string;
  /** Ed25519 over the canonical JSON of the body, base64. */
  signature: string;
}

/** A short, stable name for a public key: which key signed a checkpoint. */
export function keyIdOf(key: KeyObject): string {
  const pub = key.type === "private" ? createPublicKey(key) : key;
  const spki = pub.export({ type: "spki", format: "der" });
  return createHash("sha256").update(spki).digest("hex").slice(0, 16);
}

export function checkpointHash(body: CheckpointBody): string {
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}

export function signCheckpoint(body: CheckpointBody, privateKey: KeyObject): SignedCheckpoint {
  const signature = sign(null, Buffer.from(canonicalJson(body)), privateKey).toString("base64");
  return { body, keyId: keyIdOf(privateKey), signature };
}

export function nextCheckpointBody(
  previous: CheckpointBody | undefined,
  fields: { ts: string; kind: CheckpointKind; chains: ChainHead[]; erased?: [number, number][] },
): CheckpointBody {
  return {
    v: 1,
    seq: (previous?.seq ?? 0) + 1,
    prev: previous ? checkpointHash(previous) : GENESIS_HASH,
    ...fields,
  };
}

function validSignature(cp: SignedCheckpoint, publicKey: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(canonicalJson(cp.body)), publicKey, Buffer.from(cp.signature, "base64"));
  } catch {
    return false;
  }
}

export interface CheckpointCheck {
  /** Checkpoints with a good signature and an unbroken link, in seq order. */
  verified: CheckpointBody[];
  /** One sentence per problem found; empty when the checkpoints are sound. */
  problems: string[];
}

/**
 * Checks the external copy (authoritative: the database is what an attacker may hold) and the database
 * copy against each other and against the public key.
 */
export function checkCheckpoints(
  external: readonly SignedCheckpoint[],
  stored: readonly SignedCheckpoint[],
  publicKey: KeyObject,
): CheckpointCheck {
  const problems: string[] = [];
  const bySeq = new Map<number, CheckpointBody>();
  const take = (cp: SignedCheckpoint, where: string) => {
    if (!validSignature(cp, publicKey)) {
      problems.push(`checkpoint ${cp.body?.seq} in ${where} has no valid signature (forged or another key)`);
      return;
    }
    const known = bySeq.get(cp.body.seq);
    if (known && canonicalJson(known) !== canonicalJson(cp.body))
      problems.push(`checkpoint ${cp.body.seq} differs between the external file and the database`);
    if (!known) bySeq.set(cp.body.seq, cp.body);
  };
  for (const cp of external) take(cp, "the external file");
  const storedSeqs = new Set<number>();
  for (const cp of stored) {
    storedSeqs.add(cp.body.seq);
    take(cp, "the database");
  }
  for (const cp of external)
    if (!storedSeqs.has(cp.body.seq))
      problems.push(`checkpoint ${cp.body.seq} of the external file was deleted from the database`);
  const verified = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  let previous: CheckpointBody | undefined;
  for (const body of verified) {
    if (body.seq !== (previous?.seq ?? 0) + 1)
      problems.push(`checkpoint ${(previous?.seq ?? 0) + 1} is missing from both copies`);
    else if (body.prev !== (previous ? checkpointHash(previous) : GENESIS_HASH))
      problems.push(`checkpoint ${body.seq} does not link to checkpoint ${body.seq - 1}`);
    previous = body;
  }
  return { verified, problems };
}

/** Parses the external JSON-lines file; a line that is not a checkpoint is a problem, not a crash. */
export function parseCheckpointLines(text: string): { checkpoints: SignedCheckpoint[]; problems: string[] } {
  const checkpoints: SignedCheckpoint[] = [];
  const problems: string[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const cp = JSON.parse(line) as SignedCheckpoint;
      if (typeof cp?.body?.seq !== "number" || typeof cp.signature !== "string") throw new Error();
      checkpoints.push(cp);
    } catch {
      problems.push(`line ${i + 1} of the checkpoint file is not a signed checkpoint`);
    }
  });
  return { checkpoints, problems };
}

/** Inclusive ranges of sorted ids: how a prune checkpoint lists what it erased, compactly. */
export function idRanges(ids: readonly number[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const id of [...ids].sort((a, b) => a - b)) {
    const last = ranges[ranges.length - 1];
    if (last && id === last[1] + 1) last[1] = id;
    else if (!last || id > last[1]) ranges.push([id, id]);
  }
  return ranges;
}
