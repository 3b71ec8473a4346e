// Public surface of the yente-compatible matching API (OpenSanctions yente's routes and shapes).
export { ALGORITHM, DEFAULT_DATASET, FEATURE_DOCS } from "./catalog.js";
export { entityToFtm, exampleToQuery, type FtmEntity, type FtmExample, QUERY_SCHEMAS } from "./ftm.js";
export {
  MAX_MATCH_BATCH,
  MAX_MATCH_LIMIT,
  type MatchOptions,
  type MatchResponse,
  purposeOf,
} from "./match.js";
export { RECONCILE_TYPES, type ReconcileQuery } from "./reconcile.js";
export { EXTEND_PROPERTIES } from "./reconcile-extend.js";
export { createYenteService, type YenteService } from "./service.js";
