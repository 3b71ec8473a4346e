// Source-neutral watchlist entity model, informed by FollowTheMoney's Person/Organization schema.
// Every importer maps its source format onto these types; screening reads only these.

export type Schema = "person" | "organization" | "vessel" | "aircraft";

export type SourceFormat = "un-xml" | "ofac-csv" | "ftm-jsonl" | "csv";
export const SOURCE_FORMATS: readonly SourceFormat[] = ["un-xml", "ofac-csv", "ftm-jsonl", "csv"];

/** Writing system of a name, detected from its characters. */
export type Script =
  | "latin"
  | "cyrillic"
  | "greek"
  | "arabic"
  | "hebrew"
  | "han"
  | "hangul"
  | "kana"
  | "thai"
  | "devanagari"
  | "other";

export type AliasQuality = "strong" | "weak";

export interface NameParts {
  first?: string;
  second?: string;
  third?: string;
  fourth?: string;
  /** Given names when the source separates them from the family name. */
  given?: string;
  family?: string;
}

export interface Alias {
  name: string;
  quality: AliasQuality;
  /** Present when the name is written in, or declared as, a particular script. */
  script?: Script;
  /** ISO 639-1 language code where the source states it. */
  lang?: string;
  /** True for the NAME_ORIGINAL_SCRIPT kind of alias: the name in the listed person's own script. */
  originalScript?: boolean;
}

/**
 * A birth date at its real precision. `date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 * A range has `from`/`to` years (inclusive); `approximate` widens comparison tolerance.
 */
export type BirthDate =
  | { kind: "date"; date: string; approximate?: boolean }
  | { kind: "range"; from: string; to: string; approximate?: boolean };

export interface IdentityDocument {
  /** Free text type as the source gives it, e.g. "Passport", "National Identification Number". */
  type: string;
  number: string;
  /** ISO 3166-1 alpha-2, when the issuing country could be mapped. */
  country?: string;
  /** The source's country text, kept when it could not be mapped (and for traceability). */
  countryText?: string;
  issued?: string;
  expires?: string;
  note?: string;
}

export interface Entity {
  /** Stable Limes id: `<list>:<sourceRef>`; stays the same across list versions. */
  id: string;
  /** Watchlist id, e.g. `un-sc`, `ofac-sdn`. */
  list: string;
  /** The list's own reference: UN REFERENCE_NUMBER, OFAC ent_num, FtM id, CSV id. */
  sourceRef: string;
  schema: Schema;
  name: string;
  nameParts?: NameParts;
  aliases: Alias[];
  birthDates: BirthDate[];
  placesOfBirth: string[];
  /** ISO 3166-1 alpha-2 codes. */
  nationalities: string[];
  /** Country names that could not be mapped to a code; kept as text, reported by the importer. */
  nationalitiesText?: string[];
  gender?: "male" | "female" | "other";
  documents: IdentityDocument[];
  /** List programme(s), e.g. UN `Al-Qaida`, OFAC `SDGT`. */
  programmes: string[];
  listedOn?: string;
  remarks?: string;
}

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
