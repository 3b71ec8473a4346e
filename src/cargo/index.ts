// Public surface of cargo manifests: readers, checks, screening and the service.

export {
  CATEGORIES,
  type ContainerCheck,
  checkContainer,
  containerCheckDigit,
  normaliseContainer,
} from "./container.js";
export { parseCuscar } from "./cuscar.js";
export { DEFAULT_GOODS_RULES } from "./default-rules.js";
export { createHsNomenclature, type HsEntry, type HsLookup, type HsNomenclature, parseHsCsv } from "./hs.js";
export { loadHsNomenclature } from "./hs-file.js";
export { DEFAULT_DUAL_USE_CODES, DEFAULT_PRECURSOR_CODES, SENSITIVE_CHAPTERS } from "./indicators.js";
export { parseCargoManifest } from "./manifest-file.js";
export { CargoManifestJson } from "./manifest-json.js";
export type * from "./model.js";
export type { CargoConfig, CargoScreeners, CargoScreening, ConsignmentOutcome } from "./screen.js";
export { screenCargo } from "./screen.js";
export { type CargoOptions, type CargoService, createCargoService, HS_NOMENCLATURE } from "./service.js";
export type { CargoManifestView, ConsignmentView } from "./view.js";
