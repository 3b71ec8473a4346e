// A centre process for the measurements that need one apart from the bench's own process (the soak,
// tools/scaling.ts): `src/main.ts` on the database given, with its own audit key, a first-line account
// and a crossing point, started as the multi-process tests start theirs (test/support/cluster.ts).
import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import { generateKeyFiles } from "../src/audit/index.js";
import { migrate, openDatabase } from "../src/db/index.js";
import { crossingBody, seedBooth } from "../test/support/booth.js";
import { login, startLimes } from "../test/support/cluster.js";

export const BOOTH_PASSWORD = "measured at the centre 2026";
export const CROSSING_POINT = "cp-measure";

export interface Centre {
  child: ChildProcess;
  base: string;
  token: string;
  stop(): Promise<void>;
}

/** Seeds the account and the crossing point (the database is migrated first), then starts the server. */
export async function startCentre(url: string, dir: string): Promise<Centre> {
  const db = await openDatabase(url);
  await migrate(db);
  await seedBooth(db, {
    password: BOOTH_PASSWORD,
    agency: "measure",
    crossingPoint: { id: CROSSING_POINT, code: "MEASURE", name: "Measurement post" },
  });
  await db.close();
  const key = generateKeyFiles(dir, "audit");
  const server = await startLimes({
    LIMES_DB: url,
    LIMES_AUDIT_KEY: key.privateKeyFile,
    LIMES_AUDIT_CHECKPOINTS: join(dir, "checkpoints.jsonl"),
  });
  const token = await login(server.url, "booth", BOOTH_PASSWORD);
  return { child: server.child, base: server.url, token, stop: server.kill9 };
}

/** The body of crossing `i`: one in ten presents the stolen passport; entries and exits alternate. */
export function measuredCrossing(i: number): string {
  return crossingBody(`M${i}`, {
    crossingPointId: CROSSING_POINT,
    stolen: i % 10 === 0,
    direction: i % 2 ? "exit" : "entry",
  });
}
