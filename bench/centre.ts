// A centre process for the measurements that need one apart from the bench's own process (the soak,
// tools/scaling.ts): `src/main.ts` on the database given, with its own audit key, a first-line account
// and a crossing point, started with tsx as a loader so that a kill reaches the server itself.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { createAccessService } from "../src/access/index.js";
import { generateKeyFiles } from "../src/audit/index.js";
import { migrate, openDatabase } from "../src/db/index.js";
import { td3 } from "../test/e2e/support/mrz.js";
import { REPO_ROOT } from "../test/support/paths.js";
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
  await createAccessService(db).createUser("system", {
    username: "booth",
    password: BOOTH_PASSWORD,
    roles: ["first_line"],
    agency: "measure",
  });
  await db.kysely
    .insertInto("crossing_points")
    .values({
      id: CROSSING_POINT,
      code: "MEASURE",
      name: "Measurement post",
      kind: "land",
      country: "AT",
      agency: "measure",
      created_at: new Date().toISOString(),
    })
    .execute();
  await db.close();
}

async function spawnCentre(url: string, dir: string, nodeArgs: string[]): Promise<Centre> {
  const port = 18_000 + Math.floor(Math.random() * 1000);
  const key = generateKeyFiles(dir, "audit");
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "src/main.ts"], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      LIMES_DB: url,
      PORT: String(port),
      LOG_LEVEL: "warn",
      LIMES_DEMO_USERS: "0",
      LIMES_RETENTION_INTERVAL_MINUTES: "0",
      LIMES_AUDIT_KEY: key.privateKeyFile,
      LIMES_AUDIT_CHECKPOINTS: join(dir, "checkpoints.jsonl"),
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;
  };
  for (let i = 0; i < 600; i++) {
    if ((await fetch(`${base}/ready`).catch(() => undefined))?.ok) {
      const r = await fetch(`${base}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "booth", password: BOOTH_PASSWORD }),
      });
      const { token } = (await r.json()) as { token: string };
      return { child, base, token, stop };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error("the centre did not get ready in 150 s");
}

/**
 * The body of crossing `i`, a raw passport MRZ as the booth reads it (issue 18 measures MRZ input): nine
 * in ten are fictional travellers who clear; one in ten refers, half of those for a person on the UN list
 * and half for a clear name on the stolen passport of the sample SLTD list.
 */
export function crossingBody(i: number): string {
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
