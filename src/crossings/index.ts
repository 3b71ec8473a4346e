// Public surface of crossings: the crossing and manifest use cases, bound to a database by the service.
export type { CrossingInput } from "./input.js";
export type { CrossingHook, PreparedCrossing } from "./record-crossing.js";
export type { PersonOutcome, RuleRunner } from "./screen.js";
export { type CrossingService, createCrossingService } from "./service.js";
