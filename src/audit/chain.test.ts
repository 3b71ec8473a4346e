import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type ChainedFields,
  canonicalJson,
  entryHash,
  findBreak,
  GENESIS_HASH,
  payloadDigest,
  type StoredEntry,
} from "./chain.js";

const first: ChainedFields = {
  id: 1,
  chain: 1,
  seq: 1,
  ts: "2026-11-28T10:00:00.000Z",
  actor_user_id: "u1",
  actor_username: "officer1",
  actor_roles: "second_line",
  actor_agency: "BP-North",
  action: "screening.read",
  object_type: "screening",
  object_id: "s1",
  outcome: "success",
  payload_digest: "d".repeat(64),
  prev_hash: GENESIS_HASH,
};

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("canonical JSON", () => {
  it("sorts keys at every level, keeps array order and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 2, e: null }], c: "x", z: undefined } })).toBe(
      '{"a":{"c":"x","d":[2,{"e":null,"f":2}]},"b":1}',
    );
  });
});

describe("entry hash", () => {
  // A fixed value (cross-checked with `sha256sum`): a change in the hashing would make every chain already written fail to verify.
  it("is SHA-256 of the previous hash followed by the canonical JSON of the chained fields", () => {
    expect(entryHash(first)).toBe("204464fe3217e1ff79057e2b51ae19998fd5919d770e2a9f1ee1a7b5ab2f4e31");
  });

  it("covers the payload only through its digest, and ignores fields it does not chain", () => {
    const withPayload = { ...first, purpose: "anything", details: '{"name":"X"}', salt: "s" };
    expect(entryHash(withPayload)).toBe(entryHash(first));
  });
});

describe("payload digest", () => {
  it("is SHA-256 of the salt and the canonical payload, so another salt gives another digest", () => {
    const payload = { purpose: "second-line review", details: '{"n":1}' };
    expect(payloadDigest("ab", payload)).toBe(
      sha256('ab{"details":"{\\"n\\":1}","purpose":"second-line review"}'),
    );
    expect(payloadDigest("ac", payload)).not.toBe(payloadDigest("ab", payload));
  });
});

describe("findBreak", () => {
  const chain = (n: number): StoredEntry[] => {
    const out: StoredEntry[] = [];
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= n; seq++) {
      const salt = `salt${seq}`;
      const payload = { purpose: "review", details: null };
      const fields = { ...first, id: seq + 10, seq, object_id: `s${seq}`, prev_hash: prev };
      const digest = payloadDigest(salt, payload);
      prev = entryHash({ ...fields, payload_digest: digest });
      out.push({ ...fields, ...payload, payload_digest: digest, salt, hash: prev });
    }
    return out;
  };

  it("accepts an intact chain and an empty one", () => {
    expect(findBreak(1, chain(4))).toBeUndefined();
    expect(findBreak(1, [])).toBeUndefined();
  });

  it("names an edited payload by its digest", () => {
    const c = chain(3);
    expect(findBreak(1, [c[0]!, { ...c[1]!, purpose: "curiosity" }, c[2]!])).toEqual({
      id: 12,
      reason: "entry 12 (chain 1 #2) has a purpose or details that do not match its digest (edited)",
    });
  });

  it("accepts an erased payload (no salt), and still checks the rest of the entry", () => {
    const c = chain(3);
    const erased = { ...c[1]!, purpose: null, salt: null };
    expect(findBreak(1, [c[0]!, erased, c[2]!])).toBeUndefined();
    expect(findBreak(1, [c[0]!, { ...erased, object_id: "other" }, c[2]!])).toEqual({
      id: 12,
      reason: "entry 12 (chain 1 #2) does not match its hash (edited entry)",
    });
  });

  it("names an entry re-hashed after editing by the link that no longer holds", () => {
    const c = chain(4);
    const { hash: _, ...fields } = { ...c[1]!, object_id: "other" };
    const edited = { ...fields, hash: entryHash(fields) };
    expect(findBreak(1, [c[0]!, edited, c[2]!, c[3]!])).toEqual({
      id: 13,
      reason:
        "entry 13 (chain 1 #3) does not link to the entry before it (deleted, inserted or reordered entries)",
    });
  });

  it("names entries in the wrong order and missing ones", () => {
    const c = chain(4);
    expect(findBreak(1, [c[0]!, { ...c[2]!, seq: 2 }, { ...c[1]!, seq: 3 }, c[3]!])?.id).toBe(13);
    expect(findBreak(1, [c[0]!, c[2]!, c[3]!])).toEqual({
      id: 13,
      reason: "chain 1 #2 is missing: entry 13 (chain 1 #3) follows #1 (deleted entries)",
    });
  });
});
