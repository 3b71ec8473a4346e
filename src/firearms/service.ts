// Firearm checks bound to a database and the current list; the list is swapped whole when a new one loads.
import type { Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import { replaceGoodsList } from "../goods-lists/index.js";
import type { GoodsRule } from "../rules/index.js";
import { checkFirearm, type FirearmCheckInput } from "./check.js";
import { parseFirearmListCsv } from "./list.js";
import { createFirearmIndex, type FirearmIndex } from "./search.js";
import { proposeFirearmSeizure, seizureHandler } from "./seize.js";

export function createFirearmService(
  db: Db,
  opts: { index?: FirearmIndex; rules?: readonly GoodsRule[]; now?: () => Date } = {},
) {
  let index = opts.index ?? createFirearmIndex([]);
  const now = opts.now ?? (() => new Date());
  const deps = { db, index: () => index, rules: opts.rules ?? [], now };
  const upload = {
    kind: "firearms" as const,
    parse: parseFirearmListCsv,
    swap: (records: ReturnType<typeof parseFirearmListCsv>) => {
      index = createFirearmIndex(records);
    },
  };
  return {
    check: (p: Principal, input: FirearmCheckInput) => checkFirearm(deps, p, input),
    proposeSeizure: (p: Principal, checkId: string, input: { reason: string; legalBasis?: string }) =>
      proposeFirearmSeizure(db, p, checkId, input, now()),
    /** The four-eyes handler of `firearm.seize`, registered at composition. */
    seizure: seizureHandler,
    /** A watchlist manager's upload: stored, audited, then live; a bad row refuses it whole. */
    uploadList: (p: Principal, csv: string, reason?: string) =>
      replaceGoodsList(db, p, upload, csv, { now: now(), ...(reason ? { reason } : {}) }),
    swapList(next: FirearmIndex) {
      index = next;
    },
    listSize: () => index.size,
    /** The list in use now (the partner exchange answers vehicle and firearm queries from it). */
    list: (): FirearmIndex => index,
  };
}

export type FirearmService = ReturnType<typeof createFirearmService>;
