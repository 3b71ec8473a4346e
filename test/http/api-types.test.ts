// The web client's API types are generated from the OpenAPI document and committed: when a route's
// schema changes without `npm run api:types`, the committed file is stale and this fails.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { API_TYPES_FILE, generateApiTypes } from "../../tools/api-types.js";

it("keeps web/src/lib/api-schema.ts equal to a fresh generation (run `npm run api:types`)", async () => {
  expect(readFileSync(API_TYPES_FILE, "utf8")).toBe(await generateApiTypes());
});
