// A centre process for the measurements that need one apart from the bench's own process (the soak,
// tools/scaling.ts): `src/main.ts` on the database given, with its own audit key, a first-line account
// and a crossing point, started as the multi-process tests start theirs (test/support/cluster.ts).
import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import { generateKeyFiles } from "../src/audit/index.js";
import { migrate, openDatabase } from "../src/db/index.js";
import { td3 } from "../test/e2e/support/mrz.js";
import { seedBooth } from "../test/support/booth.js";
import { login, startLimes } from "../test/support/cluster.js";
import { clearMrz, listedMrz } from "./login-flood.js";

export const BOOTH_PASSWORD = "measured at the centre 2026";
export const CROSSING_POINT = "cp-measure";
/** A stolen passport of the sample SLTD list: a crossing that presents it is referred, with an alert. */
export const STOLEN = { type: "P", number: "C01X00T47", issuingCountry: "DEU" };

export interface Centre {
  child: ChildProcess;
  base: string;
  token: string;
  stop(): Promise<void>;
}

/**
 * Seeds the account and the crossing point (the database is migrated first), then starts the server;
 * `seed: false` starts one more process on a database already seeded (`dir` is its own, for its keys).
 */
export async function startCentre(
  url: string,
  dir: string,
  opts: { nodeArgs?: string[]; seed?: boolean } = {},
): Promise<Centre> {
  if (opts.seed !== false) await seed(url);
  return spawnCentre(url, dir, opts.nodeArgs ?? []);
}

async function seed(url: string) {
  const db = await openDatabase(url);
  await migrate(db);
  await seedBooth(db, {
    password: BOOTH_PASSWORD,
    agency: "measure",
    crossingPoint: { id: CROSSING_POINT, code: "MEASURE", name: "Measurement post" },
  });
  await db.close();
}

async function spawnCentre(url: string, dir: string, nodeArgs: string[]): Promise<Centre> {
  const key = generateKeyFiles(dir, "audit");
  const server = await startLimes(
    {
      LIMES_DB: url,
      LIMES_AUDIT_KEY: key.privateKeyFile,
      LIMES_AUDIT_CHECKPOINTS: join(dir, "checkpoints.jsonl"),
    },
    nodeArgs,
  );
  const token = await login(server.url, "booth", BOOTH_PASSWORD);
  return { child: server.child, base: server.url, token, stop: server.kill9 };
}

/**
 * The body of crossing `i`, a raw passport MRZ as the booth reads it (issue 18 measures MRZ input): nine
 * in ten are fictional travellers who clear; one in ten refers, half of those for a person on the UN list
 * and half for a clear name on the stolen passport of the sample SLTD list.
 */
export function measuredCrossing(i: number): string {
  const mrz = i % 20 === 10 ? listedMrz(i) : i % 20 === 0 ? stolenMrz(i) : clearMrz(i);
  return JSON.stringify({
    mrz,
    direction: i % 2 ? "exit" : "entry",
    crossingPointId: CROSSING_POINT,
    purpose: "entry check at the booth",
  });
}

/** A fictional name on the stolen passport: refers for the document alone. */
function stolenMrz(i: number): string {
  return td3({
    issuer: STOLEN.issuingCountry,
    surname: "LANGMAIR",
    givenNames: "EDITH",
    number: STOLEN.number,
    nationality: STOLEN.issuingCountry,
    birth: `${String(50 + (i % 40)).padStart(2, "0")}0612`,
    sex: "F",
    expiry: "310101",
  });
}
