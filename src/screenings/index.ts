export { listScreenings, SCREENING_PAGE, type ScreeningSummary } from "./list.js";
export {
  createScreeningService,
  type DetailedResult,
  type FirstLineResult,
  MAX_BATCH,
  type ScreeningRecord,
  type ScreeningRequest,
  type ScreeningService,
} from "./service.js";
