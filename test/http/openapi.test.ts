// The OpenAPI document is the contract the web client's types are generated from: every operation must
// describe its success reply and its error replies, or the generated client would know nothing of them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FreshDatabase, freshDatabase } from "../support/db.js";
import { startTestApi, type TestApi } from "./harness.js";

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}

/** The documented API of a real app instance. */
async function openApiDocument(api: TestApi): Promise<{ paths: Record<string, Record<string, Operation>> }> {
  return (await api.app.inject({ url: "/api/docs/json" })).json();
}

describe("the OpenAPI document", () => {
  let handle: FreshDatabase;
  let api: TestApi;
  beforeAll(async () => {
    handle = await freshDatabase("sqlite");
    api = await startTestApi(handle.db);
  });
  afterAll(async () => {
    await api.app.close();
    await handle.drop();
  });

  it("gives every operation a schema for its 2xx reply and for its 4xx errors", async () => {
    const doc = await openApiDocument(api);
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const replies = Object.entries(op.responses ?? {});
        const has = (range: string) =>
          replies.some(([status, r]) => status.startsWith(range) && (status === "204" || r.content));
        if (!has("2")) missing.push(`${method.toUpperCase()} ${path}: no 2xx schema`);
        if (!path.startsWith("/health") && !path.startsWith("/ready") && !has("4"))
          missing.push(`${method.toUpperCase()} ${path}: no 4xx schema`);
      }
    }
    expect(missing).toEqual([]);
  });
});
