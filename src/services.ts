// The service graph of a Limes process, assembled in one place for the server and the tests.
import { type AccessOptions, createAccessService } from "./access/index.js";
import { createAlertService } from "./alerts/index.js";
import { createApprovalService } from "./approvals/index.js";
import { type CargoConfig, createCargoService } from "./cargo/index.js";
import { createCashService, type RateTable, RETAIN_CASH_KIND } from "./cash/index.js";
import { createCrossingPointService } from "./crossing-points/index.js";
import { createCrossingService } from "./crossings/index.js";
import type { Db } from "./db/index.js";
import { createExportService } from "./export/index.js";
import { createFirearmService, type FirearmIndex, SEIZE_FIREARM_KIND } from "./firearms/index.js";
import {
  AGREEMENT_KIND,
  agreementApproval,
  createPartnerService,
  goodsLookup,
  type PartnerOptions,
} from "./partners/index.js";
import { createProtectionService } from "./protection/index.js";
import { createRegionalService } from "./regional/index.js";
import { createRuleService } from "./rules/index.js";
import { createScreener } from "./screening/index.js";
import { createScreeningService } from "./screenings/index.js";
import { createStatsService } from "./stats/index.js";
import type { SltdIndex } from "./travel/index.js";
import { createVehicleService, type StolenVehicleIndex } from "./vehicles/index.js";
import { ACTIVATE_KIND, createWatchlistService, type Entity, type ListLimits } from "./watchlists/index.js";
import { createYenteService } from "./yente/index.js";

/** The lists and rates of the checks at the post (issue 17); empty when not given. */
interface AtPostLists {
  stolenVehicles?: StolenVehicleIndex;
  firearms?: FirearmIndex;
  cashRates?: RateTable;
  cashThresholdEur?: number;
}

/** The checks at the post: vehicles (whose occupants cross through `crossings`), firearms and cash. */
function atPostServices(db: Db, atPost: AtPostLists, crossings: ReturnType<typeof createCrossingService>) {
  return {
    vehicles: createVehicleService(
      db,
      (p, input) => crossings.recordCrossing(p, input),
      atPost.stolenVehicles ? { index: atPost.stolenVehicles } : {},
    ),
    firearms: createFirearmService(db, atPost.firearms ? { index: atPost.firearms } : {}),
    cash: createCashService(db, {
      ...(atPost.cashRates ? { rates: atPost.cashRates } : {}),
      ...(atPost.cashThresholdEur ? { thresholdEur: atPost.cashThresholdEur } : {}),
    }),
  };
}

export function composeServices(
  db: Db,
  opts: {
    entities: readonly Entity[];
    sltd: SltdIndex;
    access?: AccessOptions;
    listLimits?: ListLimits;
    uploadLimit?: number;
    cargo?: Partial<CargoConfig>;
    atPost?: AtPostLists;
    /** This node's identity and the partner exchange's settings (issue 16). */
    partners?: PartnerOptions;
  },
) {
  const screenings = createScreeningService(db, createScreener(opts.entities));
  const protection = createProtectionService(db);
  const rules = createRuleService(db);
  const cargo = createCargoService(db, {
    entities: opts.entities,
    ...(opts.cargo ? { config: opts.cargo } : {}),
  });
  // A new list version builds a new index and swaps it in; queries running on the old one finish.
  const watchlists = createWatchlistService(
    db,
    (entities) => {
      screenings.swap(createScreener(entities));
      cargo.swap(entities);
    },
    {
      ...(opts.listLimits ? { limits: opts.listLimits } : {}),
      ...(opts.uploadLimit ? { uploadLimit: opts.uploadLimit } : {}),
    },
  );
  const crossings = createCrossingService(db, screenings, () => opts.sltd, {
    rules: (agency, travellers, trip) => rules.run(agency, travellers, trip),
  });
  const { vehicles, firearms, cash } = atPostServices(db, opts.atPost ?? {}, crossings);
  const alerts = createAlertService(db, { protection });
  return {
    db,
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
    // Each kind of four-eyes action registers its handler here.
    approvals: createApprovalService(db, {
      [ACTIVATE_KIND]: watchlists.activation,
      [SEIZE_FIREARM_KIND]: firearms.seizure,
      [RETAIN_CASH_KIND]: cash.retention,
      [AGREEMENT_KIND]: agreementApproval,
    }),
    regional: createRegionalService(db, opts.partners?.node),
    partners: createPartnerService(db, {
      ...opts.partners,
      goods: goodsLookup({ vehicles: vehicles.list, firearms: firearms.list }),
    }),
    yente: createYenteService(db, screenings),
    exports: createExportService(db, { alerts, screenings, crossings }),
  };
}

export type Services = ReturnType<typeof composeServices>;
