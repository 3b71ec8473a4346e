// Public surface of the watchlists capability: the entity model, importers, versions and the sample lists.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { importWatchlist } from "./import.js";
import type { ImportResult, SourceFormat } from "./model.js";

export { activationHandler } from "./activate.js";
export { CSV_COLUMNS, CSV_DEFAULT_LIST, importCsvList } from "./csv.js";
export { canonical, changedFields, diffEntities, type EntityDiff } from "./diff.js";
export { FTM_DEFAULT_LIST, importFtmJsonl } from "./ftm-jsonl.js";
export { checkSourceFormat, importWatchlist, isSourceFormat, parseWatchlistSpec } from "./import.js";
export * from "./model.js";
export { importOfacCsv } from "./ofac-csv.js";
export {
  ACTIVATE_KIND,
  entitiesOf,
  getEntities,
  getWatchlist,
  insertEntities,
  listWatchlists,
  loadLatestEntities,
  type StagedVersionView,
  searchEntities,
  type WatchlistVersionView,
  type WatchlistView,
} from "./repository.js";
export { type Breach, type BreachCode, checkSafety, DEFAULT_LIST_LIMITS, type ListLimits } from "./safety.js";
export { createWatchlistService, type ImportProgress, type WatchlistService } from "./service.js";
export { type SavedListVersion, type SaveMeta, saveWatchlistVersion } from "./stage.js";
export { summarise, type WatchlistSummary } from "./summary.js";
export { importUnXml } from "./un-xml.js";
export { checkOfacFilesBeside, OFAC_FILES, resolveUpload, type UploadFile } from "./upload-files.js";

// src/watchlists in a checkout, dist/watchlists in a build: the repository root is two levels up in both.
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The real public lists shipped in data/samples (see its README), so a fresh clone has data to screen. */
export const SAMPLE_WATCHLISTS: readonly { format: SourceFormat; path: string }[] = [
  { format: "un-xml", path: join(REPO_ROOT, "data", "samples", "un-sc-consolidated.xml") },
  { format: "ofac-csv", path: join(REPO_ROOT, "data", "samples", "ofac-sdn", "sdn.csv") },
];

export async function loadSampleWatchlists(): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const { format, path } of SAMPLE_WATCHLISTS) results.push(await importWatchlist(format, path));
  return results;
}
