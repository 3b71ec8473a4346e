// Cash at the post bound to a database, the rate table and the threshold.
import { can, type Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import type { GoodsRule } from "../rules/index.js";
import { ForbiddenError } from "../shared/errors.js";
import { OVERVIEW_PERMISSIONS } from "../stats/index.js";
import { DEFAULT_THRESHOLD_EUR } from "./declaration.js";
import { createRateTable, type RateTable } from "./rates.js";
import { type CashInput, type DetectionInput, declareCash, recordDetection } from "./record.js";
import { proposeCashRetention, retentionHandler } from "./retain.js";
import { cashStatistics } from "./store.js";

export function createCashService(
  db: Db,
  opts: { rates?: RateTable; thresholdEur?: number; rules?: readonly GoodsRule[]; now?: () => Date } = {},
) {
  let rates = opts.rates ?? createRateTable([]);
  const now = opts.now ?? (() => new Date());
  const deps = {
    db,
    rates: () => rates,
    thresholdEur: opts.thresholdEur ?? DEFAULT_THRESHOLD_EUR,
    rules: opts.rules ?? [],
    now,
  };
  return {
    declare: (p: Principal, input: CashInput) => declareCash(deps, p, input),
    detect: (p: Principal, input: DetectionInput) => recordDetection(deps, p, input),
    proposeRetention: (
      p: Principal,
      recordId: string,
      input: { measure: "retention" | "seizure"; reason: string; legalBasis?: string },
    ) => proposeCashRetention(db, p, recordId, input, now()),
    /** The four-eyes handler of `cash.retain`, registered at composition. */
    retention: retentionHandler,
    /** Sums by crossing point, currency and kind over the last `days` days: aggregates, no persons. */
    async statistics(p: Principal, days = 30) {
      if (!OVERVIEW_PERMISSIONS.some((perm) => can(p, perm)))
        throw new ForbiddenError("this role cannot read statistics");
      const from = new Date(now().getTime() - days * 86_400_000).toISOString();
      return { from, thresholdEur: deps.thresholdEur, rows: await cashStatistics(db.kysely, p.agency, from) };
    },
    swapRates(next: RateTable) {
      rates = next;
    },
  };
}

export type CashService = ReturnType<typeof createCashService>;
