import type { Thresholds } from "./types.js";

/**
 * Defaults chosen on the name-pair and screening benchmarks (bench/README.md, "Default thresholds", gives the precision and
 * recall they reach): `refer` sends a traveller to second line; below `report` nothing is returned.
 */
export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({ refer: 0.75, report: 0.5 });
