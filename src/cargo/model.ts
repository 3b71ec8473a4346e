// A cargo manifest as Limes reads it from CUSCAR, CSV or JSON, before screening.
import type { VesselDeclared } from "../vessels/index.js";

export type PartyRole = "consignor" | "consignee" | "notify" | "carrier";
export const PARTY_ROLES: readonly PartyRole[] = ["consignor", "consignee", "notify", "carrier"];

export interface Party {
  role: PartyRole;
  name: string;
  /** ISO 3166-1 alpha-2 where given. */
  country?: string;
}

export interface GoodsItem {
  /** HS code as declared, digits only (6 digits or a national extension of 8 or 10). */
  hsCode?: string;
  description: string;
  packages?: number;
  grossKg?: number;
  /** Containers this item is stowed in. */
  containers: string[];
}

export interface Consignment {
  /** The transport document (bill of lading) number, or the consignment's number in the message. */
  reference: string;
  parties: Party[];
  goods: GoodsItem[];
  /** Every container of the consignment, as declared (not yet validated). */
  containers: string[];
  placeOfLoading?: string;
  placeOfDischarge?: string;
  /** Ports the goods pass through between loading and discharge. */
  transshipment: string[];
  /** Where the consignment starts in the source (`segment 12`, `line 7`), for messages to the sender. */
  source: string;
}

export interface CargoManifest {
  format: "cuscar" | "csv" | "json";
  /** The message's own reference (BGM document number), when given. */
  reference?: string;
  vessel?: VesselDeclared;
  voyage?: string;
  carrier?: string;
  consignments: Consignment[];
  warnings: string[];
}
