// The service graph of a Limes process, assembled in one place for the server and the tests.
import { type AccessOptions, createAccessService } from "./access/index.js";
import { createAlertService } from "./alerts/index.js";
import { createApprovalService } from "./approvals/index.js";
import { createCrossingPointService } from "./crossing-points/service.js";
import { createCrossingService } from "./crossings/service.js";
import type { Db } from "./db/index.js";
import { createExportService } from "./export/index.js";
import { createProtectionService } from "./protection/index.js";
import { createRuleService } from "./rules/index.js";
import { createScreener } from "./screening/index.js";
import { createScreeningService } from "./screenings/index.js";
import { createStatsService } from "./stats/index.js";
import type { SltdIndex } from "./travel/index.js";
import { ACTIVATE_KIND, createWatchlistService, type Entity, type ListLimits } from "./watchlists/index.js";
import { createYenteService } from "./yente/index.js";

export function composeServices(
  db: Db,
  opts: {
    entities: readonly Entity[];
    sltd: SltdIndex;
    access?: AccessOptions;
    listLimits?: ListLimits;
    uploadLimit?: number;
  },
) {
  const screenings = createScreeningService(db, createScreener(opts.entities));
  const protection = createProtectionService(db);
  const rules = createRuleService(db);
  // A new list version builds a new index and swaps it in; queries running on the old one finish.
  const watchlists = createWatchlistService(db, (entities) => screenings.swap(createScreener(entities)), {
    ...(opts.listLimits ? { limits: opts.listLimits } : {}),
    ...(opts.uploadLimit ? { uploadLimit: opts.uploadLimit } : {}),
  });
  const alerts = createAlertService(db, { protection });
  const crossings = createCrossingService(db, screenings, () => opts.sltd, {
    rules: (agency, travellers, trip) => rules.run(agency, travellers, trip),
  });
  return {
    db,
    access: createAccessService(db, opts.access),
    screenings,
    crossingPoints: createCrossingPointService(db),
    rules,
    crossings,
    protection,
    stats: createStatsService(db),
    alerts,
    watchlists,
    // Each kind of four-eyes action registers its handler here.
    approvals: createApprovalService(db, { [ACTIVATE_KIND]: watchlists.activation }),
    yente: createYenteService(db, screenings),
    exports: createExportService(db, { alerts, screenings, crossings }),
  };
}

export type Services = ReturnType<typeof composeServices>;
