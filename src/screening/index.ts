// Public surface of the screening engine: pure, in-memory, no I/O.

export type * from "./entity.js";
export { normaliseDocumentNumber } from "./features.js";
export { alignNamePair, compareNames } from "./names.js";
export { createScreener } from "./screener.js";
export { DEFAULT_THRESHOLDS } from "./thresholds.js";
export { tokenizeName } from "./tokens.js";
export type * from "./types.js";
