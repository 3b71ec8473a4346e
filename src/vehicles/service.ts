// Vehicle checks bound to a database, the crossing service's two halves (for the occupants, written in
// the vehicle's transaction) and the current list.
import type { Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import { replaceGoodsList } from "../goods-lists/index.js";
import { checkVehicle, type VehicleCheckDeps, type VehicleCheckInput } from "./check.js";
import { createStolenVehicleIndex, type StolenVehicleIndex } from "./search.js";
import { parseStolenVehicleCsv } from "./stolen-list.js";

export function createVehicleService(
  db: Db,
  occupants: VehicleCheckDeps["occupants"],
  opts: { index?: StolenVehicleIndex; now?: () => Date } = {},
) {
  let index = opts.index ?? createStolenVehicleIndex([]);
  const now = opts.now ?? (() => new Date());
  const deps: VehicleCheckDeps = { db, index: () => index, occupants, now };
  const upload = {
    kind: "stolen_vehicles" as const,
    parse: parseStolenVehicleCsv,
    swap: (records: ReturnType<typeof parseStolenVehicleCsv>) => {
      index = createStolenVehicleIndex(records);
    },
  };
  return {
    check: (p: Principal, input: VehicleCheckInput) => checkVehicle(deps, p, input),
    /** A watchlist manager's upload: stored, audited, then live; a bad row refuses it whole. */
    uploadList: (p: Principal, csv: string, reason?: string) =>
      replaceGoodsList(db, p, upload, csv, { now: now(), ...(reason ? { reason } : {}) }),
    swapList(next: StolenVehicleIndex) {
      index = next;
    },
    listSize: () => index.size,
    /** The list in use now (the partner exchange answers vehicle and firearm queries from it). */
    list: (): StolenVehicleIndex => index,
  };
}

export type VehicleService = ReturnType<typeof createVehicleService>;
