// What the HTTP layer is built from: the services (composed in src/services.ts) and the server's settings.
// Its own file so that route plugins can name it without importing app.ts, which imports them.
import type { AccessService } from "../access/index.js";
import type { AlertService } from "../alerts/index.js";
import type { ApprovalService } from "../approvals/index.js";
import type { AuditSigning } from "../audit/index.js";
import type { CargoService } from "../cargo/index.js";
import type { CashService } from "../cash/index.js";
import type { CrossingPointService } from "../crossing-points/index.js";
import type { CrossingService } from "../crossings/index.js";
import type { Db } from "../db/index.js";
import type { ExportService } from "../export/index.js";
import type { FirearmService } from "../firearms/index.js";
import type { PartnerService } from "../partners/index.js";
import type { ProtectionService } from "../protection/index.js";
import type { RegionalService } from "../regional/index.js";
import type { RuleService } from "../rules/index.js";
import type { ScreeningService } from "../screenings/index.js";
import type { StatsService } from "../stats/index.js";
import type { VehicleService } from "../vehicles/index.js";
import type { WatchlistService } from "../watchlists/index.js";
import type { YenteService } from "../yente/index.js";
import type { RateLimitSettings } from "./rate-limit.js";
import type { SyncDeps } from "./routes/sync.js";

export interface AppDeps {
  db: Db;
  access: AccessService;
  screenings: ScreeningService;
  crossingPoints: CrossingPointService;
  crossings: CrossingService;
  alerts: AlertService;
  protection: ProtectionService;
  rules: RuleService;
  stats: StatsService;
  watchlists: WatchlistService;
  approvals: ApprovalService;
  /** CSV and FtM exports of alerts, matches and manifests. */
  exports: ExportService;
  /** The yente-compatible matching API for analysts' tools (under /api/yente). */
  yente: YenteService;
  /** Offer yente's GET /search, which puts the name in the URL (LIMES_YENTE_GET_SEARCH=1). */
  yenteGetSearch?: boolean;
  cargo: CargoService;
  vehicles: VehicleService;
  firearms: FirearmService;
  cash: CashService;
  partners: PartnerService;
  regional: RegionalService;
  /** False until the watchlists are loaded and indexed (then `/ready` says so). */
  ready: () => boolean;
  /** Largest JSON body accepted, in bytes (default 1 MiB: a batch of 1,000 persons fits). */
  bodyLimit?: number;
  /** Largest watchlist upload accepted, in bytes (default 64 MiB). */
  uploadLimit?: number;
  logger?: boolean | { level: string };
  /** Limits per client address (login), and where their counters live. */
  rateLimit?: RateLimitSettings;
  /** Fastify's trustProxy: which proxies' X-Forwarded-For gives the client address (default: none). */
  trustProxy?: boolean | number | string[];
  /** The audit signing key and checkpoint file: verify checks the chains against the checkpoints. */
  auditSigning?: AuditSigning;
  /** Remote posts and the centre on NATS (issue 18); absent on a single node. */
  sync?: SyncDeps["sync"];
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_UPLOAD_LIMIT = 64 * 1024 * 1024;
