export { listScreenings, SCREENING_PAGE, type ScreeningSummary } from "./list.js";
export {
  MAX_BATCH,
  type PreparedScreening,
  prepareScreening,
  recordScreening,
  type ScreeningRequest,
} from "./record.js";
export {
  createScreeningService,
  type DetailedResult,
  type FirstLineResult,
  type ScreeningRecord,
  type ScreeningService,
} from "./service.js";
