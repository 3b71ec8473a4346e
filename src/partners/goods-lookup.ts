// Vehicles and firearms a partner may ask about (query kinds `vehicle` and `firearm`), answered from this
// node's stolen-vehicle and firearms lists (issue 17). A hit is only what identifies the object on its
// own: a VIN or a whole plate of the same country, or a serial read exactly with the make agreeing or
// unknown. Partial plates and confusable serials ask a person to look closer here; they are not a hit a
// partner can act on. The listed record's id stays on this node, under the answer's reference.
import type { FirearmIndex } from "../firearms/index.js";
import { normalisePlate, type StolenVehicleIndex } from "../vehicles/index.js";

export interface VehicleQuestion {
  plateNumber?: string;
  plateCountry?: string;
  vin?: string;
}

export interface FirearmQuestion {
  serial: string;
  make?: string;
}

export interface GoodsLookup {
  /** Ids (`vehicle:<record>`) of the listed vehicles the question identifies. */
  vehicle(q: VehicleQuestion): string[];
  /** Ids (`firearm:<record>`) of the listed firearms the question identifies. */
  firearm(q: FirearmQuestion): string[];
}

/** Read at each query, so a list swapped in later answers at once. */
export function goodsLookup(lists: {
  vehicles: () => Pick<StolenVehicleIndex, "search">;
  firearms: () => Pick<FirearmIndex, "search">;
}): GoodsLookup {
  return {
    vehicle(q) {
      const plate = q.plateNumber ? normalisePlate(q.plateCountry ?? "", q.plateNumber) : undefined;
      const vin = q.vin?.toUpperCase().replace(/[^A-Z0-9]/g, "");
      return lists
        .vehicles()
        .search({ ...(plate ? { plate } : {}), ...(vin ? { vin } : {}) })
        .filter((h) => h.match !== "partial_plate")
        .map((h) => `vehicle:${h.record.recordId}`);
    },
    firearm(q) {
      return lists
        .firearms()
        .search({ serial: q.serial, ...(q.make ? { make: q.make } : {}) })
        .filter((h) => h.priority === "high")
        .map((h) => `firearm:${h.record.recordId}`);
    },
  };
}

/** No goods lists: every vehicle or firearm question is a no-hit. */
export const NO_GOODS: GoodsLookup = { vehicle: () => [], firearm: () => [] };
