// The one composition for `limes`: every command that runs a use case composes the same services as the
// server (src/services.ts, with the settings the environment gives), on the database named by LIMES_DB,
// and acts as the officer whose token is in LIMES_TOKEN.
import { AuthError, type Principal } from "../access/index.js";
import { readConfig } from "../config.js";
import { type Db, migrate } from "../db/index.js";
import type { Entity } from "../screening/index.js";
import { type ComposeOptions, composeServices, configuredOptions } from "../services.js";
import { createSltdIndex } from "../travel/index.js";
import { withDb } from "./db.js";

export type Services = ReturnType<typeof composeServices>;

export interface CliCompose {
  /** The index to screen with; empty by default, for commands that screen nothing. */
  entities?: (db: Db) => Promise<readonly Entity[]>;
  sltd?: ComposeOptions["sltd"];
  /** Migrate first: for the commands a new installation may start with. */
  migrate?: boolean;
}

/** Runs `fn` on the services over LIMES_DB and closes the database, even when `fn` fails. */
export function withServices<T>(fn: (s: Services) => Promise<T>, opts: CliCompose = {}): Promise<T> {
  const config = readConfig(process.env);
  return withDb(async (db) => {
    if (opts.migrate) await migrate(db);
    const services = composeServices(db, {
      entities: opts.entities ? await opts.entities(db) : [],
      sltd: opts.sltd ?? createSltdIndex([]),
      ...configuredOptions(config),
    });
    return fn(services);
  });
}

/** The officer whose token is in LIMES_TOKEN, or undefined when none is set. */
export async function tokenOfficer(s: Services): Promise<Principal | undefined> {
  const token = process.env.LIMES_TOKEN;
  if (!token) return undefined;
  const p = await s.access.authenticate(token);
  if (!p) throw new AuthError("LIMES_TOKEN is not a valid token (expired or revoked?)");
  return p;
}

/** Runs `fn` as the officer whose token is in LIMES_TOKEN: the CLI acts as them, under their permissions. */
export function asOfficer<T>(
  fn: (p: Principal, s: Services) => Promise<T>,
  opts: CliCompose = {},
): Promise<T> {
  if (!process.env.LIMES_TOKEN)
    throw new AuthError("set LIMES_TOKEN to your session or API token (limes acts as you)");
  return withServices(async (s) => fn((await tokenOfficer(s))!, s), opts);
}
