// The demo accounts of a first start: an admin and, for a demo, one officer per working role, sharing
// one generated one-time password that each must change at their first login.
import { ConflictError } from "../shared/errors.js";
import type { AccessContext } from "./context.js";
import { oneTimePassword } from "./passwords.js";
import type { Role } from "./roles.js";
import * as store from "./store.js";
import { createUser } from "./users.js";

/** The demo's officers: two reviewers, so that four-eyes can be tried. */
const DEMO_OFFICERS: readonly { username: string; roles: readonly Role[] }[] = [
  { username: "booth", roles: ["first_line"] },
  { username: "reviewer", roles: ["second_line"] },
  { username: "reviewer2", roles: ["second_line"] },
  { username: "analyst", roles: ["analyst"] },
  { username: "auditor", roles: ["auditor"] },
  { username: "protection", roles: ["protection_officer"] },
  { username: "lists", roles: ["watchlist_manager"] },
];

export interface DemoAccounts {
  username: string;
  password: string;
  officers: { username: string; roles: Role[] }[];
}

/**
 * On an empty database, creates the demo admin and, if asked, the officers, with one password returned
 * once for printing. Twice at once (two servers) creates them once.
 */
export async function ensureDemoAdmin(
  ctx: AccessContext,
  opts: { officers?: boolean } = {},
): Promise<DemoAccounts | undefined> {
  if (await store.anyUser(ctx.db)) return undefined;
  const password = oneTimePassword();
  const base = { password, agency: "demo", oneTimePassword: true };
  try {
    await createUser(ctx, "system", { ...base, username: "admin", roles: ["admin"] });
  } catch (err) {
    // Another server starting on the same database created it first.
    if (err instanceof ConflictError) return undefined;
    throw err;
  }
  const officers = opts.officers ? DEMO_OFFICERS : [];
  for (const o of officers)
    await createUser(ctx, "system", { ...base, username: o.username, roles: [...o.roles] });
  return { username: "admin", password, officers: officers.map((o) => ({ ...o, roles: [...o.roles] })) };
}
