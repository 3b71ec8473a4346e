export {
  CrossingPointNotAllowedError,
  recordingPoint,
  UnknownCrossingPointError,
} from "./recording-point.js";
export { type CrossingPoint, type CrossingPointService, createCrossingPointService } from "./service.js";
