import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildEntity } from "../../test/support/factories.js";
import { InvalidError } from "../shared/errors.js";
import { countEntities, type Entity, type ImportResult } from "./model.js";
import { listSummaries, loadIndex, loadLatest, saveListVersion } from "./store.js";

function entity(ref: string, overrides: Partial<Entity> = {}): Entity {
  return buildEntity(ref, overrides, "nat");
}

function result(entities: Entity[], list = "nat"): ImportResult {
  return {
    list,
    format: "csv",
    entities,
    issues: [{ severity: "warning", location: "nat.csv:3", reason: "nationality not mapped" }],
    counts: countEntities(entities),
    meta: { note: "test" },
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "limes-store-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("watchlist store", () => {
  it("round-trips versions and records each version's diff against the previous one", async () => {
    const first = await saveListVersion(result([entity("1"), entity("2")]), dir, {
      file: "nat-v1.csv",
      importedAt: new Date("2026-01-01T10:00:00Z"),
    });
    expect(first.version).toBe(1);
    expect(first.path).toBe(join(dir, "nat", "v1.json"));
    expect(first.diff).toEqual({ added: ["nat:1", "nat:2"], removed: [], changed: [], unchanged: 0 });
    expect(first.entry.previous).toBeUndefined();

    const second = await saveListVersion(result([entity("2", { remarks: "updated" }), entity("3")]), dir, {
      file: "nat-v2.csv",
      importedAt: new Date("2026-02-01T10:00:00Z"),
    });
    expect(second.version).toBe(2);
    expect(second.diff).toEqual({
      added: ["nat:3"],
      removed: ["nat:1"],
      changed: [{ id: "nat:2", fields: ["remarks"] }],
      unchanged: 0,
    });

    const latest = await loadLatest("nat", dir);
    expect(latest?.version).toBe(2);
    expect(latest?.file).toBe("nat-v2.csv");
    expect(latest?.entities).toEqual([entity("2", { remarks: "updated" }), entity("3")]);
    expect(latest?.issues).toHaveLength(1);

    const index = await loadIndex("nat", dir);
    expect(index?.versions.map((v) => [v.version, v.importedAt, v.file, v.previous, v.diff])).toEqual([
      [
        1,
        "2026-01-01T10:00:00.000Z",
        "nat-v1.csv",
        undefined,
        { added: 2, removed: 0, changed: 0, unchanged: 0 },
      ],
      [2, "2026-02-01T10:00:00.000Z", "nat-v2.csv", 1, { added: 1, removed: 1, changed: 1, unchanged: 0 }],
    ]);
    expect(index?.versions[1]?.issues).toEqual({ errors: 0, warnings: 1 });
    expect(index?.versions[1]?.counts.entities).toBe(2);
    // The index is for people to read too.
    expect(await readFile(join(dir, "nat", "index.json"), "utf8")).toContain('\n  "list": "nat"');
  });

  it("lists every stored list and treats a missing store as empty", async () => {
    expect(await listSummaries(join(dir, "absent"))).toEqual([]);
    await saveListVersion(result([entity("1")], "zeta"), dir);
    await saveListVersion(result([entity("1")], "alpha"), dir);
    await saveListVersion(result([entity("1")], "alpha"), dir);
    const lists = await listSummaries(dir);
    expect(lists.map((l) => [l.list, l.versions.length])).toEqual([
      ["alpha", 2],
      ["zeta", 1],
    ]);
    expect(await loadLatest("never-imported", dir)).toBeUndefined();
  });

  it("refuses a list id that is not a safe directory name", async () => {
    await expect(saveListVersion(result([], "../escape"), dir)).rejects.toThrow(InvalidError);
    await expect(loadLatest("a/b", dir)).rejects.toThrow('list id "a/b" must be');
  });
});
