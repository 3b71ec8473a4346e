// The listed party as the screening engine reads it: source-neutral, informed by FollowTheMoney's
// Person/Organization schema. Watchlist importers (src/watchlists/) map their formats onto it.
import type { Script } from "../shared/script.js";

export type Schema = "person" | "organization" | "vessel" | "aircraft";

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
