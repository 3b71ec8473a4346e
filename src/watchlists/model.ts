// Watchlist import model: formats, issues, counts. The entity itself is the screening engine's contract
// (src/screening/entity.ts): every importer maps its source format onto it.
import type { Entity, Schema } from "../screening/index.js";

export type {
  Alias,
  AliasQuality,
  BirthDate,
  Entity,
  IdentityDocument,
  NameParts,
  Schema,
} from "../screening/index.js";
export type { Script } from "../shared/script.js";

export type SourceFormat = "un-xml" | "ofac-csv" | "ftm-jsonl" | "csv";
export const SOURCE_FORMATS: readonly SourceFormat[] = ["un-xml", "ofac-csv", "ftm-jsonl", "csv"];

/** A malformed or partly unreadable record. Never dropped silently: importers return these. */
export interface ImportIssue {
  severity: "error" | "warning";
  /** `file:line` for text formats, element path for XML. */
  location: string;
  reason: string;
  sourceRef?: string;
}

export interface ImportCounts {
  entities: number;
  bySchema: Partial<Record<Schema, number>>;
  aliases: number;
  documents: number;
  /** Number of remark fragments that could not be interpreted (OFAC). */
  unparsedRemarks: number;
  unmappedCountries: number;
}

export interface ImportResult {
  list: string;
  format: SourceFormat;
  entities: Entity[];
  issues: ImportIssue[];
  counts: ImportCounts;
  /** Free-form metadata, e.g. the UN list's dateGenerated. */
  meta: Record<string, string>;
}

/** Progress callback: bytes read so far and total bytes (when known). */
export type ProgressFn = (done: number, total: number) => void;

export interface ImportOptions {
  /** Overrides the default list id of the format. */
  list?: string;
  onProgress?: ProgressFn;
  /**
   * When true (default), an `error` issue makes the import throw `ImportError` with all issues,
   * so nothing is partially imported. When false, bad records are skipped and returned as issues.
   */
  strict?: boolean;
}

export function countEntities(entities: readonly Entity[], extra: Partial<ImportCounts> = {}): ImportCounts {
  const bySchema: Partial<Record<Schema, number>> = {};
  let aliases = 0;
  let documents = 0;
  for (const e of entities) {
    bySchema[e.schema] = (bySchema[e.schema] ?? 0) + 1;
    aliases += e.aliases.length;
    documents += e.documents.length;
  }
  return {
    entities: entities.length,
    bySchema,
    aliases,
    documents,
    unparsedRemarks: extra.unparsedRemarks ?? 0,
    unmappedCountries: extra.unmappedCountries ?? 0,
  };
}
