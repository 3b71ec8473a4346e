import { describe, expect, it } from "vitest";
import { buildEntity } from "../../test/support/factories.js";
import { countEntities } from "./model.js";
import { checkSafety } from "./safety.js";

const people = (n: number) => Array.from({ length: n }, (_, i) => buildEntity(`P${i}`));
const orgs = (n: number) =>
  Array.from({ length: n }, (_, i) => buildEntity(`O${i}`, { schema: "organization" }));
const facts = (entities: ReturnType<typeof people>, sourceDate?: string) => ({
  counts: countEntities(entities),
  sourceDate,
});

describe("list update safety limits", () => {
  const live = facts([...people(95), ...orgs(5)], "2026-11-01T00:00:00Z");

  it("lets a first version and small removals go live at once", () => {
    expect(checkSafety(undefined, facts([]), 0)).toEqual([]);
    expect(checkSafety(live, facts([...people(91), ...orgs(5)], "2026-11-02T00:00:00Z"), 4)).toEqual([]);
  });

  it("holds a removal of 5% or more, and honours a configured limit", () => {
    const next = facts([...people(90), ...orgs(5)]);
    expect(checkSafety(live, next, 5).map((b) => [b.code, b.params.pct])).toEqual([["removed_share", 5]]);
    expect(checkSafety(live, next, 5, { maxRemovedPct: 10 })).toEqual([]);
  });

  it("holds a version in which a schema shrinks to zero, and an empty version", () => {
    expect(checkSafety(live, facts(people(95)), 5).map((b) => b.code)).toEqual([
      "removed_share",
      "schema_emptied",
    ]);
    expect(checkSafety(live, facts([]), 100).map((b) => b.code)).toEqual([
      "removed_share",
      "schema_emptied",
      "schema_emptied",
    ]);
  });

  it("holds a feed whose own date goes backwards", () => {
    const older = facts([...people(95), ...orgs(5)], "2026-10-01T00:00:00Z");
    expect(checkSafety(live, older, 0)).toEqual([
      expect.objectContaining({
        code: "source_date_backwards",
        params: { live: "2026-11-01T00:00:00Z", upload: "2026-10-01T00:00:00Z" },
      }),
    ]);
  });
});
