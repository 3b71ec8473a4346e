// The OpenAPI document of the API, without a running server: the app built over an empty in-memory
// database. The web client's types are generated from it (tools/api-types.ts).
import { migrate, openDatabase } from "../db/index.js";
import { composeServices } from "../services.js";
import { createSltdIndex } from "../travel/index.js";
import { buildApp } from "./app.js";

export async function openApiDocument(): Promise<Record<string, unknown>> {
  const db = await openDatabase("sqlite::memory:");
  try {
    await migrate(db);
    const app = await buildApp({
      ...composeServices(db, { entities: [], sltd: createSltdIndex([]) }),
      ready: () => true,
    });
    await app.ready();
    const doc = app.swagger() as unknown as Record<string, unknown>;
    await app.close();
    return doc;
  } finally {
    await db.close();
  }
}
