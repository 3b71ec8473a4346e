// Public surface of vehicles: the check at a land post, the stolen-vehicle list and its search, VINs.
export type { OccupantRecorder, VehicleCheckInput } from "./check.js";
export { normalisePlate, type Plate, plateKey } from "./plate.js";
export { createStolenVehicleIndex, type StolenVehicleIndex, type VehicleHit } from "./search.js";
export { createVehicleService, type VehicleService } from "./service.js";
export { parseStolenVehicleCsv, type StolenVehicle } from "./stolen-list.js";
export { type VinResult, validateVin } from "./vin.js";
