// One entry point for every watchlist format, and the `format:path` spec the CLI and config use.
import { InvalidError } from "../shared/errors.js";
import { importCsvList } from "./csv.js";
import { importFtmJsonl } from "./ftm-jsonl.js";
import { watchlistFileSize } from "./import-support.js";
import { type ImportOptions, type ImportResult, SOURCE_FORMATS, type SourceFormat } from "./model.js";
import { importOfacCsv } from "./ofac-csv.js";
import { importUnXml } from "./un-xml.js";

const IMPORTERS: Record<SourceFormat, (path: string, opts?: ImportOptions) => Promise<ImportResult>> = {
  "un-xml": importUnXml,
  "ofac-csv": importOfacCsv,
  "ftm-jsonl": importFtmJsonl,
  csv: importCsvList,
};

export function isSourceFormat(text: string): text is SourceFormat {
  return (SOURCE_FORMATS as readonly string[]).includes(text);
}

export function checkSourceFormat(text: string): SourceFormat {
  if (!isSourceFormat(text)) {
    throw new InvalidError(
      `unknown watchlist format "${text}"; expected one of: ${SOURCE_FORMATS.join(", ")}`,
    );
  }
  return text;
}

/**
 * Imports one watchlist file; the format is checked at run time because it usually comes from a user. For `ofac-csv`, `path` is sdn.csv; alt.csv and add.csv
 * are read beside it.
 */
export async function importWatchlist(
  format: string,
  path: string,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  const importer = IMPORTERS[checkSourceFormat(format)];
  await watchlistFileSize(path);
  return importer(path, opts);
}

/** Parses `format:path` (e.g. `un-xml:data/samples/un-sc-consolidated.xml`), split at the first colon. */
export function parseWatchlistSpec(spec: string): { format: SourceFormat; path: string } {
  const colon = spec.indexOf(":");
  if (colon < 0) {
    throw new InvalidError(
      `watchlist "${spec}" must be written format:path, e.g. un-xml:un-sc-consolidated.xml`,
    );
  }
  const format = checkSourceFormat(spec.slice(0, colon));
  const path = spec.slice(colon + 1);
  if (!path) throw new InvalidError(`watchlist "${spec}" has no file path after the colon`);
  return { format, path };
}
