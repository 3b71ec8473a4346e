// Public surface of cash: declarations and detections at the post, retention through four-eyes, the rate
// table and the statistics by crossing point and currency.
export { CASH_KINDS, type CashItem, type CashKind, DEFAULT_THRESHOLD_EUR } from "./declaration.js";
export { createRateTable, parseRateCsv, type Rate, type RateTable } from "./rates.js";
export type { CashInput, CashParty, DetectionInput } from "./record.js";
export { RETAIN_CASH_KIND } from "./retain.js";
export { type CashService, createCashService } from "./service.js";
