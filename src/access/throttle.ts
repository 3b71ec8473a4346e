// Login throttling, decided from the attempts of one source address (pure: no I/O).
//
// - Per account, per address: after `accountFree` failures on one username from one address (since that
//   address last signed in to it), each further try waits base·2^k after the last failure, up to a cap.
//   Never a hard lockout, and keyed on the address too, so a flood from elsewhere never blocks the
//   owner's correct password from their own machine.
// - Per address: after `ipFree` failures on any usernames, the same exponential wait, whoever is named.
// - Spraying: an address that failed on `sprayUsernames` different usernames is spraying; its failures
//   on all accounts together then count as failures on each account.
import type { AttemptRow } from "./store.js";

export interface ThrottlePolicy {
  windowMs: number;
  accountFree: number;
  ipFree: number;
  sprayUsernames: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  accountFree: 5,
  ipFree: 20,
  sprayUsernames: 5,
  baseMs: 1000,
  maxMs: 15 * 60_000,
};

export interface ThrottleVerdict {
  /** 0 to go ahead; otherwise how long this address must wait before trying this username. */
  waitMs: number;
  reason?: "account" | "address" | "spraying";
  /** Distinct usernames this address failed on in the window. */
  usernames: number;
  spraying: boolean;
}

const backoff = (p: ThrottlePolicy, failures: number, free: number) =>
  failures < free ? 0 : Math.min(p.baseMs * 2 ** Math.min(failures - free, 30), p.maxMs);

export function assessAttempt(
  rows: readonly AttemptRow[],
  username: string,
  now: Date,
  p: ThrottlePolicy = DEFAULT_THROTTLE,
): ThrottleVerdict {
  // A successful login from this address clears its failures on that username.
  let accountFailures = 0;
  let lastAccountFailure = 0;
  let ipFailures = 0;
  let lastIpFailure = 0;
  const failedNames = new Set<string>();
  for (const r of rows) {
    const at = Date.parse(r.at);
    if (r.username === username && r.success) accountFailures = 0;
    if (r.success) continue;
    ipFailures++;
    lastIpFailure = Math.max(lastIpFailure, at);
    failedNames.add(r.username);
    if (r.username === username) {
      accountFailures++;
      lastAccountFailure = Math.max(lastAccountFailure, at);
    }
  }
  const spraying = failedNames.size >= p.sprayUsernames;
  const waits: [number, ThrottleVerdict["reason"]][] = [
    [lastAccountFailure + backoff(p, accountFailures, p.accountFree), "account"],
    [lastIpFailure + backoff(p, ipFailures, p.ipFree), "address"],
    [spraying ? lastIpFailure + backoff(p, ipFailures, p.accountFree) : 0, "spraying"],
  ];
  let waitMs = 0;
  let reason: ThrottleVerdict["reason"];
  for (const [until, why] of waits) {
    const wait = until - now.getTime();
    if (wait > waitMs) [waitMs, reason] = [wait, why];
  }
  const verdict: ThrottleVerdict = { waitMs, usernames: failedNames.size, spraying };
  if (reason) verdict.reason = reason;
  return verdict;
}
