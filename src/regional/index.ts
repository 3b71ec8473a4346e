// Public surface of the regional risk-analysis exchange (issue 16, item 6): monthly signed bundles of
// aggregate indicators per border section and crossing point, small cells withheld; their import.
export { SignedBundleShape } from "./import-bundle.js";
export {
  ALERT_OUTCOMES,
  buildBundle,
  CATEGORIES,
  cellsOf,
  DETECTION_KINDS,
  INDICATORS,
  MIN_CELL,
  previousMonth,
  publishable,
  type RegionalBundle,
} from "./model.js";
export { type Published, publishMonth } from "./publish-month.js";
export type { ImportedBundle } from "./read.js";
export { createRegionalService, type RegionalService } from "./service.js";
export { type SignedBundle, signBundle } from "./sign.js";
