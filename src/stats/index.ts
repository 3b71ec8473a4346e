// Public surface of the overview statistics: aggregate counts for the dashboard, no personal data.
export {
  type Counts,
  type DayCounts,
  dayWindow,
  foldCounts,
  MAX_DAYS,
  type PointDayCounts,
} from "./model.js";
export { createStatsService, OVERVIEW_PERMISSIONS, type StatsService } from "./service.js";
