import { describe, expect, it } from "vitest";
import { buildEntity } from "../../test/support/factories.js";
import { canonical, diffEntities } from "./diff.js";
import type { Entity } from "./model.js";

function entity(ref: string, overrides: Partial<Entity> = {}): Entity {
  return buildEntity(ref, overrides, "test");
}

describe("canonical", () => {
  it("ignores key order, array order and undefined keys", () => {
    expect(canonical({ b: [2, 1], a: "x", c: undefined })).toBe('{"a":"x","b":[1,2]}');
    expect(canonical([{ y: 1, x: 2 }])).toBe(canonical([{ x: 2, y: 1 }]));
  });
});

describe("diffEntities", () => {
  it("reports added, removed, changed fields and unchanged by stable id", () => {
    const prev = [
      entity("1"),
      entity("2", { nationalities: ["RS"] }),
      entity("3", { aliases: [{ name: "A", quality: "strong" }] }),
      entity("4"),
    ];
    const next = [
      entity("1"),
      entity("2", { nationalities: ["BA"], remarks: "moved" }),
      entity("4", { name: "Renamed" }),
      entity("5"),
    ];
    expect(diffEntities(prev, next)).toEqual({
      added: ["test:5"],
      removed: ["test:3"],
      changed: [
        { id: "test:2", fields: ["nationalities", "remarks"] },
        { id: "test:4", fields: ["name"] },
      ],
      unchanged: 1,
    });
  });

  it("treats reordered aliases and documents as unchanged", () => {
    const a = entity("1", {
      aliases: [
        { name: "A", quality: "strong" },
        { name: "B", quality: "weak" },
      ],
      documents: [
        { type: "Passport", number: "1" },
        { type: "ID", number: "2", country: "RS" },
      ],
    });
    const b = entity("1", {
      aliases: [
        { quality: "weak", name: "B" },
        { name: "A", quality: "strong" },
      ],
      documents: [
        { country: "RS", type: "ID", number: "2" },
        { type: "Passport", number: "1" },
      ],
    });
    expect(diffEntities([a], [b])).toEqual({ added: [], removed: [], changed: [], unchanged: 1 });
  });

  it("sees a changed birth-date precision and treats an absent list as an empty one", () => {
    const a = entity("1", { birthDates: [{ kind: "date", date: "1970" }] });
    const b = entity("1", { birthDates: [{ kind: "date", date: "1970-05" }] });
    expect(diffEntities([a], [b]).changed).toEqual([{ id: "test:1", fields: ["birthDates"] }]);
    expect(diffEntities([entity("2", { nationalitiesText: [] })], [entity("2")]).unchanged).toBe(1);
  });

  it("compares against an empty previous version as all added", () => {
    expect(diffEntities([], [entity("1"), entity("2")])).toEqual({
      added: ["test:1", "test:2"],
      removed: [],
      changed: [],
      unchanged: 0,
    });
  });
});
