// Public surface of vessels and aircraft: identifier checks, the FAL Form 1 reader and list screening.

export { type CraftIndex, createCraftIndex, identifierKey } from "./craft-index.js";
export { type GeneralDeclaration, parseFal1Csv } from "./fal1.js";
export { imoCheckDigit, isValidImo, normaliseImo } from "./imo.js";
export { MID_COUNTRIES } from "./mid.js";
export { checkMmsi, type MmsiCheck, type MmsiKind } from "./mmsi.js";
export type * from "./model.js";
