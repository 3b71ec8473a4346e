// Public surface of exports: CSV and FtM JSON lines of alerts, a screening's matches and a manifest.
export {
  CONTENT_TYPES,
  EXPORT_FORMATS,
  type ExportFormat,
  toCsv,
  toJsonl,
  travellerToFtm,
} from "./format.js";
export { createExportService, type ExportFile, type ExportService, MAX_EXPORT_ROWS } from "./service.js";
