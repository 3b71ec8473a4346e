// Traveller data as Limes receives it from documents, manifests and officers, before screening.
import type { ScreeningQuery } from "../screening/index.js";
import { countryCode } from "../shared/countries.js";

export type Gender = "male" | "female" | "other";
export type TravellerRole = "passenger" | "crew" | "transit";

export interface TravelDocument {
  /** Document type code as given (ICAO `P`, `I`, `V`…, PAXLST `P`, or free text from a form). */
  type?: string;
  number: string;
  /** ISO alpha-2 where the source code maps, else the text as given. */
  issuingCountry?: string;
  /** `YYYY-MM-DD`. */
  expiry?: string;
}

export interface Traveller {
  surname: string;
  /** Given names separated by single spaces; empty when the source has none. */
  givenNames: string;
  gender?: Gender;
  /** `YYYY-MM-DD`, or a partial `YYYY-MM` / `YYYY` when that is all the source says. */
  birthDate?: string;
  /** ISO alpha-2 where the source code maps, else the text as given. */
  nationality?: string;
  placeOfBirth?: string;
  /** Country of residence (alpha-2 where mappable). */
  residence?: string;
  role: TravellerRole;
  documents: TravelDocument[];
  /** Port or airport where the person boards / leaves the conveyance. */
  embarkation?: string;
  disembarkation?: string;
  /** Rank or function on board (crew lists). */
  rank?: string;
  /** Carrier references such as booking or seat numbers (PAXLST RFF), `qualifier` as sent. */
  references?: { qualifier: string; value: string }[];
}

export interface LegEnd {
  location: string;
  /** ISO local date-time `YYYY-MM-DDTHH:MM` as sent (API times carry no zone), or `YYYY-MM-DD` when only the day is given. */
  time?: string;
}

export interface Leg {
  /** Flight or voyage number of this leg when the source gives one per leg. */
  number?: string;
  departure?: LegEnd;
  arrival?: LegEnd;
}

/** The ship of a voyage, as the FAL forms identify it. */
export interface Vessel {
  name?: string;
  /** IMO ship identification number, 7 digits (check digit verified). */
  imo?: string;
  callSign?: string;
  /** ISO alpha-2 where the source code maps, else the text as given. */
  flagState?: string;
}

export interface Manifest {
  kind: "flight" | "voyage" | "bus";
  /** Airline code for flights; for voyages the ship's name, as FAL lists do not name the operator. */
  carrier?: string;
  /** Flight or voyage number. */
  number?: string;
  vessel?: Vessel;
  legs: Leg[];
  listType: "passengers" | "crew";
  persons: Traveller[];
  /** Person count the sender declared (PAXLST CNT), for comparison with `persons.length`. */
  declaredCount?: number;
  /** Non-fatal problems found while reading; shown to the officer with the manifest. */
  warnings: string[];
}

export interface ManualEntry {
  person: Traveller;
  document?: TravelDocument;
  vehiclePlate?: string;
  direction: "entry" | "exit";
  crossingPointId: string;
}

/** Country text from a document or form → alpha-2 when it maps, else the trimmed text (never lost). */
export function countryOrText(text: string | undefined): string | undefined {
  const raw = text?.trim();
  if (!raw) return undefined;
  return countryCode(raw) ?? raw;
}

export function toScreeningQuery(t: Traveller): ScreeningQuery {
  const given = t.givenNames.split(/\s+/).filter(Boolean);
  const query: ScreeningQuery = {
    name: [...given, t.surname].filter(Boolean).join(" "),
    lastName: t.surname,
    schema: "person",
  };
  if (given[0]) query.firstName = given[0];
  if (given.length > 1) query.middleName = given.slice(1).join(" ");
  if (t.gender) query.gender = t.gender;
  if (t.birthDate) query.birthDate = t.birthDate;
  if (t.nationality) query.nationalities = [t.nationality];
  if (t.placeOfBirth) query.placeOfBirth = t.placeOfBirth;
  if (t.documents.length > 0) {
    query.documents = t.documents.map((d) => ({
      number: d.number,
      ...(d.issuingCountry ? { country: d.issuingCountry } : {}),
      ...(d.type ? { type: d.type } : {}),
    }));
  }
  return query;
}
