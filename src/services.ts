// The service graph of a Limes process, assembled in one place for the server, every `limes` command
// and the tests.

import { type AccessOptions, createAccessService } from "./access/index.js";
import { type AlertService, createAlertService } from "./alerts/index.js";
import { type ApprovalHandler, type ApprovalHandlers, createApprovalService } from "./approvals/index.js";
import { auditSavepointState } from "./audit/index.js";
import { type CargoConfig, createCargoService } from "./cargo/index.js";
import { type CashService, createCashService, type RateTable, RETAIN_CASH_KIND } from "./cash/index.js";
import type { Config } from "./config.js";
import { createCrossingPointService } from "./crossing-points/index.js";
import { createCrossingService } from "./crossings/index.js";
import { createGroupCommit, type Db, type GroupCommitOptions } from "./db/index.js";
import { createExportService } from "./export/index.js";
import {
  createFirearmService,
  type FirearmIndex,
  type FirearmService,
  SEIZE_FIREARM_KIND,
} from "./firearms/index.js";
import {
  AGREEMENT_KIND,
  createPartnerService,
  goodsLookup,
  loadNodeIdentity,
  type PartnerOptions,
} from "./partners/index.js";
import { createProtectionService } from "./protection/index.js";
import { createRegionalService } from "./regional/index.js";
import { createRuleService, type GoodsRule } from "./rules/index.js";
import { createScreener } from "./screening/index.js";
import { createScreeningService } from "./screenings/index.js";
import { createStatsService } from "./stats/index.js";
import type { SltdIndex } from "./travel/index.js";
import { createVehicleService, type StolenVehicleIndex } from "./vehicles/index.js";
import {
  ACTIVATE_KIND,
  createWatchlistService,
  type Entity,
  type ListLimits,
  type WatchlistService,
} from "./watchlists/index.js";
import { createYenteService } from "./yente/index.js";

/** Long enough to spare the token reads of a busy booth, short enough that a missed revocation fades. */
const DEFAULT_PRINCIPAL_CACHE_SECONDS = 10;

/** Each kind of four-eyes action registers its handler here. */
function approvalHandlers(s: {
  watchlists: WatchlistService;
  firearms: FirearmService;
  cash: CashService;
  alerts: AlertService;
  agreements: ApprovalHandler;
}): ApprovalHandlers {
  return {
    [ACTIVATE_KIND]: s.watchlists.activation,
    [SEIZE_FIREARM_KIND]: s.firearms.seizure,
    [RETAIN_CASH_KIND]: s.cash.retention,
    [AGREEMENT_KIND]: s.agreements,
    ...s.alerts.approvalHandlers,
  };
}

/** The lists and rates of the checks at the post (issue 17); empty when not given. */
interface AtPostLists {
  stolenVehicles?: StolenVehicleIndex;
  firearms?: FirearmIndex;
  cashRates?: RateTable;
  cashThresholdEur?: number;
  /** Goods rules over the cash and firearm facts (src/rules/goods.ts); none by default. */
  goodsRules?: readonly GoodsRule[];
}

/** The checks at the post: vehicles (whose occupants cross through `crossings`), firearms and cash. */
function atPostServices(db: Db, atPost: AtPostLists, crossings: ReturnType<typeof createCrossingService>) {
  const goodsRules = atPost.goodsRules ? { rules: atPost.goodsRules } : {};
  return {
    vehicles: createVehicleService(
      db,
      { prepare: crossings.prepareCrossing, write: crossings.writeCrossing },
      atPost.stolenVehicles ? { index: atPost.stolenVehicles } : {},
    ),
    firearms: createFirearmService(db, {
      ...(atPost.firearms ? { index: atPost.firearms } : {}),
      ...goodsRules,
    }),
    cash: createCashService(db, {
      ...(atPost.cashRates ? { rates: atPost.cashRates } : {}),
      ...(atPost.cashThresholdEur ? { thresholdEur: atPost.cashThresholdEur } : {}),
      ...goodsRules,
    }),
  };
}

export interface ComposeOptions {
  entities: readonly Entity[];
  sltd: SltdIndex;
  access?: AccessOptions;
  listLimits?: ListLimits;
  uploadLimit?: number;
  cargo?: Partial<CargoConfig>;
  atPost?: AtPostLists;
  /** This node's identity and the partner exchange's settings (issue 16). */
  partners?: PartnerOptions;
  /** Batch sizes and timing of the group commit (tests widen the window to fill a batch). */
  groupCommit?: Omit<GroupCommitOptions, "savepointState">;
}

/** The settings the environment gives the services: the same for the server and every `limes` command. */
export function configuredOptions(
  config: Config,
): Pick<ComposeOptions, "access" | "groupCommit" | "listLimits" | "partners"> {
  return {
    access: {
      ...(config.sessionTtlMinutes ? { sessionTtlMinutes: config.sessionTtlMinutes } : {}),
      ...(config.sessionIdleMinutes ? { idleMinutes: config.sessionIdleMinutes } : {}),
      ...(config.totpRoles ? { totpRoles: config.totpRoles } : {}),
      principalCacheSeconds: config.principalCacheSeconds ?? DEFAULT_PRINCIPAL_CACHE_SECONDS,
    },
    ...(config.groupCommitBatch ? { groupCommit: { maxBatch: config.groupCommitBatch } } : {}),
    ...(config.listMaxRemovedPct === undefined
      ? {}
      : { listLimits: { maxRemovedPct: config.listMaxRemovedPct } }),
    partners: {
      ...(config.node ? { node: loadNodeIdentity(config.node) } : {}),
      ...(config.partnerClockSeconds ? { windowSeconds: config.partnerClockSeconds } : {}),
      ...(config.partnerRetrySeconds ? { retrySeconds: config.partnerRetrySeconds } : {}),
    },
  };
}

export function composeServices(db: Db, opts: ComposeOptions) {
  // One group commit per process and database: the crossings and screenings of concurrent requests
  // share a transaction, each in its own savepoint (src/db/group-commit.ts).
  const groupCommit = createGroupCommit(db, { savepointState: auditSavepointState, ...opts.groupCommit });
  const screenings = createScreeningService(db, createScreener(opts.entities), { groupCommit });
  const protection = createProtectionService(db);
  const rules = createRuleService(db);
  const cargo = createCargoService(db, {
    entities: opts.entities,
    ...(opts.cargo ? { config: opts.cargo } : {}),
  });
  // A new list version builds new indexes and swaps them in together, persons and cargo's parties and
  // craft; queries running on the old ones finish. Activation, the start-up load and a post's sync all
  // go through this one swap.
  const swapLists = (entities: readonly Entity[]) => {
    screenings.swap(createScreener(entities));
    cargo.swap(entities);
  };
  const watchlists = createWatchlistService(db, swapLists, {
    ...(opts.listLimits ? { limits: opts.listLimits } : {}),
    ...(opts.uploadLimit ? { uploadLimit: opts.uploadLimit } : {}),
  });
  // Partners answer from the goods lists of the checks at the post, read at each query (so created before
  // them), and ask automatically about the documents of crossings (the crossings' hook).
  const partners = createPartnerService(db, {
    ...opts.partners,
    goods: goodsLookup({ vehicles: () => vehicles.list(), firearms: () => firearms.list() }),
  });
  const crossings = createCrossingService(db, screenings, () => opts.sltd, {
    rules: (agency, travellers, trip) => rules.run(agency, travellers, trip),
    groupCommit,
    hook: partners.crossingHook,
  });
  const { vehicles, firearms, cash } = atPostServices(db, opts.atPost ?? {}, crossings);
  const alerts = createAlertService(db, { protection });
  return {
    db,
    groupCommit,
    swapLists,
    access: createAccessService(db, opts.access),
    screenings,
    crossingPoints: createCrossingPointService(db),
    rules,
    crossings,
    vehicles,
    firearms,
    cash,
    protection,
    cargo,
    stats: createStatsService(db),
    alerts,
    watchlists,
    approvals: createApprovalService(
      db,
      approvalHandlers({ watchlists, firearms, cash, alerts, agreements: partners.agreementApproval }),
    ),
    regional: createRegionalService(db, opts.partners?.node),
    partners,
    yente: createYenteService(db, screenings),
    exports: createExportService(db, { alerts, screenings, crossings }),
  };
}

export type Services = ReturnType<typeof composeServices>;
