// Firearm checks bound to a database and the current list; the list is swapped whole when a new one loads.
import type { Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import { checkFirearm, type FirearmCheckInput } from "./check.js";
import { createFirearmIndex, type FirearmIndex } from "./search.js";
import { proposeFirearmSeizure, seizureHandler } from "./seize.js";

export function createFirearmService(db: Db, opts: { index?: FirearmIndex; now?: () => Date } = {}) {
  let index = opts.index ?? createFirearmIndex([]);
  const now = opts.now ?? (() => new Date());
  const deps = { db, index: () => index, now };
  return {
    check: (p: Principal, input: FirearmCheckInput) => checkFirearm(deps, p, input),
    proposeSeizure: (p: Principal, checkId: string, input: { reason: string; legalBasis?: string }) =>
      proposeFirearmSeizure(db, p, checkId, input, now()),
    /** The four-eyes handler of `firearm.seize`, registered at composition. */
    seizure: seizureHandler,
    swapList(next: FirearmIndex) {
      index = next;
    },
    listSize: () => index.size,
    /** The list in use now (the partner exchange answers vehicle and firearm queries from it). */
    list: (): FirearmIndex => index,
  };
}

export type FirearmService = ReturnType<typeof createFirearmService>;
