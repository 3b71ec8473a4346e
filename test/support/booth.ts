// The booth that the multi-process runs send crossings to through the real API: its seeding (a first-line
// account and a crossing point) and the crossings themselves. The soak, tools/scaling.ts, the sync tests
// and the kill -9 test share them, so a measurement and a test put the same load on a server.
// No vitest here: the benches and tools import it outside a test run.
import { createAccessService } from "../../src/access/index.js";
import type { Db } from "../../src/db/index.js";

/** A stolen passport of the sample SLTD list: a crossing that presents it is referred, with an alert. */
export const STOLEN = { type: "P", number: "C01X00T47", issuingCountry: "DEU" };

export interface BoothSeed {
  password: string;
  agency: string;
  crossingPoint: { id: string; code: string; name: string; kind?: "land" | "air" | "sea" };
}

/** Adds the account `booth` (first line) and the crossing point to a migrated database. */
export async function seedBooth(db: Db, seed: BoothSeed): Promise<void> {
  await createAccessService(db).createUser("system", {
    username: "booth",
    password: seed.password,
    roles: ["first_line"],
    agency: seed.agency,
  });
  await db.kysely
    .insertInto("crossing_points")
    .values({
      kind: "land",
      ...seed.crossingPoint,
      country: "AT",
      agency: seed.agency,
      created_at: new Date().toISOString(),
    })
    .execute();
}

export interface CrossingAt {
  crossingPointId: string;
  /** Presents STOLEN instead of the traveller's own passport. */
  stolen: boolean;
  direction?: "entry" | "exit";
}

/** The request body of a crossing by the traveller `key`: their name and passport number both hold it. */
export function crossingBody(key: string, at: CrossingAt): string {
  return JSON.stringify({
    entry: {
      person: { surname: `Traveller${key}`, givenNames: "Anna", birthDate: "1980-01-01", nationality: "AT" },
      document: at.stolen ? STOLEN : { type: "P", number: `X${key}`, issuingCountry: "AUT" },
      direction: at.direction ?? "entry",
      crossingPointId: at.crossingPointId,
    },
    purpose: "entry check at the booth",
  });
}

/** Records a crossing at the server `base`: the response as it came, for the caller to judge. */
export function postCrossing(base: string, token: string, body: string): Promise<Response> {
  return fetch(`${base}/api/v1/crossings`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body,
  });
}

/** Runs `each(0)` … `each(n - 1)`, `workers` at a time, each index once. */
export async function inWorkers(
  n: number,
  workers: number,
  each: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < n; i = next++) await each(i);
  };
  await Promise.all(Array.from({ length: workers }, worker));
}
