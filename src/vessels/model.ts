// What a vessel or an aircraft is declared as, and what screening it against the lists finds.

export interface VesselDeclared {
  name?: string;
  imo?: string;
  mmsi?: string;
  callSign?: string;
  /** ISO 3166-1 alpha-2 where known, else the text as declared. */
  flag?: string;
}

export interface AircraftDeclared {
  /** Registration (tail) mark, e.g. `EP-GOM`. */
  registration?: string;
  /** Manufacturer serial number (MSN) or construction number. */
  serial?: string;
  operator?: string;
}

/**
 * How far a hit identifies the listed craft. An exact IMO number, MMSI, registration mark or serial is
 * near-conclusive: the number is the ship's or aircraft's own. A call sign is strong (call signs are
 * reassigned when a ship changes flag), and so is an aircraft's operator found on a list as an
 * organisation (the aircraft may be another of its fleet). A fuzzy name alone is weak: many ships share
 * names.
 */
export type Strength = "conclusive" | "strong" | "weak";

export type CraftBasis = "imo" | "mmsi" | "call_sign" | "registration" | "serial" | "name" | "operator";

export interface CraftHit {
  entityId: string;
  list: string;
  listedName: string;
  basis: CraftBasis;
  strength: Strength;
  /** 1 for an identical identifier; the name score for a name match. */
  score: number;
  declared: string;
  listed: string;
  /** Set when the listed identifier is itself malformed (fails its check digit, wrong length). */
  dataIssue?: string;
  programmes: string[];
}

/** A listed identifier that does not pass its own format: kept searchable, reported, never dropped. */
export interface ListDataIssue {
  entityId: string;
  list: string;
  name: string;
  field: string;
  value: string;
  reason: string;
}
