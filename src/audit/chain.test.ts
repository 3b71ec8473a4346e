import { describe, expect, it } from "vitest";
import { type ChainedFields, canonicalJson, entryHash, findBreak, GENESIS_HASH } from "./chain.js";

const first: ChainedFields = {
  id: 1,
  ts: "2026-11-28T10:00:00.000Z",
  actor_user_id: "u1",
  actor_username: "officer1",
  actor_roles: "second_line",
  actor_agency: "BP-North",
  action: "screening.read",
  object_type: "screening",
  object_id: "s1",
  purpose: "second-line review",
  outcome: "success",
  details: '{"n":1}',
  prev_hash: GENESIS_HASH,
};

describe("canonical JSON", () => {
  it("sorts keys at every level, keeps array order and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 2, e: null }], c: "x", z: undefined } })).toBe(
      '{"a":{"c":"x","d":[2,{"e":null,"f":2}]},"b":1}',
    );
  });
});

describe("entry hash", () => {
  // Fixed values (cross-checked with `sha256sum` over the prev hash and the canonical JSON): a change in
  // the hashing would make every chain already written fail to verify.
  it("is SHA-256 of the previous hash followed by the canonical JSON of the entry", () => {
    expect(entryHash(first)).toBe("3a96eab8aec34853974148aefff18b72c28c123b074475778f147c92032b745b");
    expect(entryHash({ ...first, id: 2, prev_hash: entryHash(first) })).toBe(
      "fb1123e03891e8c462a8330fb8c578775f70f913d01e37b3af137886a6f8d2bf",
    );
  });
});

describe("findBreak", () => {
  const chain = (n: number) => {
    const out: (ChainedFields & { hash: string })[] = [];
    let prev = GENESIS_HASH;
    for (let id = 1; id <= n; id++) {
      const fields = { ...first, id, object_id: `s${id}`, prev_hash: prev };
      prev = entryHash(fields);
      out.push({ ...fields, hash: prev });
    }
    return out;
  };
  const headOf = (c: ReturnType<typeof chain>) => ({ last_id: c.length, last_hash: c.at(-1)!.hash });

  it("accepts an intact chain and an empty one", () => {
    const c = chain(4);
    expect(findBreak(c, headOf(c))).toBeUndefined();
    expect(findBreak([], { last_id: 0, last_hash: GENESIS_HASH })).toBeUndefined();
  });

  it("names an entry re-hashed after editing by the link that no longer holds", () => {
    const c = chain(4);
    const { hash: _, ...fields } = { ...c[1]!, purpose: "curiosity" };
    const edited = { ...fields, hash: entryHash(fields) };
    expect(findBreak([c[0]!, edited, c[2]!, c[3]!], headOf(c))).toEqual({
      id: 3,
      reason: "does not link to the previous entry (deleted, inserted or reordered entries)",
    });
  });

  it("names entries in the wrong order", () => {
    const c = chain(4);
    expect(findBreak([c[0]!, { ...c[2]!, id: 2 }, { ...c[1]!, id: 3 }, c[3]!], headOf(c))).toEqual({
      id: 2,
      reason: "does not link to the previous entry (deleted, inserted or reordered entries)",
    });
  });

  it("names a head that does not match the last entry", () => {
    const c = chain(3);
    expect(findBreak(c, { last_id: 3, last_hash: GENESIS_HASH })).toEqual({
      id: 3,
      reason: "the last entry does not match the chain head",
    });
  });
});
