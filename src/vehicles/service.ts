// Vehicle checks bound to a database, the crossing service (for the occupants) and the current list.
import type { Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import { checkVehicle, type VehicleCheckDeps, type VehicleCheckInput } from "./check.js";
import { createStolenVehicleIndex, type StolenVehicleIndex } from "./search.js";

export function createVehicleService(
  db: Db,
  recordCrossing: VehicleCheckDeps["recordCrossing"],
  opts: { index?: StolenVehicleIndex; now?: () => Date } = {},
) {
  let index = opts.index ?? createStolenVehicleIndex([]);
  const deps: VehicleCheckDeps = {
    db,
    index: () => index,
    recordCrossing,
    now: opts.now ?? (() => new Date()),
  };
  return {
    check: (p: Principal, input: VehicleCheckInput) => checkVehicle(deps, p, input),
    swapList(next: StolenVehicleIndex) {
      index = next;
    },
    listSize: () => index.size,
    /** The list in use now (the partner exchange answers vehicle and firearm queries from it). */
    list: (): StolenVehicleIndex => index,
  };
}

export type VehicleService = ReturnType<typeof createVehicleService>;
