// Test data builders: a minimal valid entity that each test overrides with what it is about.
import type { Entity } from "../../src/watchlists/model.js";

export function buildEntity(ref: string, overrides: Partial<Entity> = {}, list = "test"): Entity {
  return {
    id: `${list}:${ref}`,
    list,
    sourceRef: ref,
    schema: "person",
    name: `Person ${ref}`,
    aliases: [],
    birthDates: [],
    placesOfBirth: [],
    nationalities: [],
    documents: [],
    programmes: [],
    ...overrides,
  };
}
