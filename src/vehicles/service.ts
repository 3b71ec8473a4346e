// Vehicle checks bound to a database, the crossing service's two halves (for the occupants, written in
// the vehicle's transaction) and the current list.
import type { Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import { checkVehicle, type VehicleCheckDeps, type VehicleCheckInput } from "./check.js";
import { createStolenVehicleIndex, type StolenVehicleIndex } from "./search.js";

export function createVehicleService(
  db: Db,
  occupants: VehicleCheckDeps["occupants"],
  opts: { index?: StolenVehicleIndex; now?: () => Date } = {},
) {
  let index = opts.index ?? createStolenVehicleIndex([]);
  const deps: VehicleCheckDeps = {
    db,
    index: () => index,
    occupants,
    now: opts.now ?? (() => new Date()),
  };
  return {
    check: (p: Principal, input: VehicleCheckInput) => checkVehicle(deps, p, input),
    swapList(next: StolenVehicleIndex) {
      index = next;
    },
    listSize: () => index.size,
  };
}

export type VehicleService = ReturnType<typeof createVehicleService>;
