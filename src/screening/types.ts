// The screening contract other capabilities rely on. Keep it stable: extend, don't break.
import type { BirthDate, Entity, Schema } from "./entity.js";

/** A person (or organisation) to screen: what a border officer, a manifest or a document gives us. */
export interface ScreeningQuery {
  /** Full name as written; used when the parts are missing. */
  name?: string;
  firstName?: string;
  middleName?: string;
  lastName?: string;
  /** Other names the person uses (e.g. name in original script from a document). */
  otherNames?: string[];
  schema?: Schema;
  gender?: "male" | "female" | "other";
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  birthDate?: string;
  /** ISO 3166-1 alpha-2 codes (or country names, which are mapped when possible). */
  nationalities?: string[];
  placeOfBirth?: string;
  documents?: { number: string; country?: string; type?: string }[];
}

export type Decision = "refer" | "clear";

export interface TokenAlignment {
  query: string;
  candidate: string;
  /** Similarity of the aligned pair, 0..1. */
  similarity: number;
  /** How the tokens were found to align: exact, transliteration variant, phonetic, skeleton, edit distance, initial, nickname, compound. */
  method: string;
}

export interface FeatureContribution {
  feature: "name" | "birthDate" | "nationality" | "gender" | "document" | "schema";
  /** What was compared and what came out, readable by a reviewer. */
  detail: string;
  /** Signed change this feature made to the score. */
  contribution: number;
  outcome: "match" | "partial" | "mismatch" | "missing";
}

export interface Explanation {
  queryName: string;
  matchedName: string;
  /** Whether the aligned watchlist name is the primary name, a strong alias or a weak alias. */
  matchedNameKind: "primary" | "strong-alias" | "weak-alias" | "original-script";
  nameScore: number;
  alignment: TokenAlignment[];
  /** Query tokens that found no partner, and watchlist tokens left over. */
  unmatchedQuery: string[];
  unmatchedCandidate: string[];
  features: FeatureContribution[];
}

export interface Match {
  entityId: string;
  sourceRef: string;
  list: string;
  name: string;
  score: number;
  decision: Decision;
  explanation: Explanation;
}

export interface ScreeningResult {
  matches: Match[];
}

export interface Thresholds {
  /** Score at or above which a match is worth a human look. */
  refer: number;
  /** Matches below this are not returned at all. */
  report: number;
}

export interface ScreenerOptions {
  thresholds?: Partial<Thresholds>;
  /** Maximum matches returned per query (default 10). */
  limit?: number;
}

export interface Screener {
  readonly size: number;
  readonly thresholds: Thresholds;
  screen(query: ScreeningQuery): ScreeningResult;
  screenBatch(queries: readonly ScreeningQuery[]): ScreeningResult[];
}

export type { BirthDate, Entity };
