// Vehicles and firearms a partner may ask about (query kinds `vehicle` and `firearm`), answered from this
// node's stolen-vehicle and firearms lists (issue 17). A hit is only what identifies the object on its
// own: a VIN or a whole plate of the same country, or a serial read exactly with the make agreeing or
// unknown. Partial plates and confusable serials ask a person to look closer here; they are not a hit a
// partner can act on. The listed record's id stays on this node, under the answer's reference.
import type { FirearmIndex, ListedFirearm } from "../firearms/index.js";
import { normalisePlate, type StolenVehicle, type StolenVehicleIndex } from "../vehicles/index.js";

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
  /** The listed records behind such ids, still on the lists; for a follow-up on a hit. */
  records(ids: readonly string[]): GoodsRecord[];
}

export type GoodsRecord =
  | { kind: "vehicle"; record: StolenVehicle }
  | { kind: "firearm"; record: ListedFirearm };

/** Read at each query, so a list swapped in later answers at once. */
export function goodsLookup(lists: {
  vehicles: () => Pick<StolenVehicleIndex, "search" | "record">;
  firearms: () => Pick<FirearmIndex, "search" | "record">;
}): GoodsLookup {
  return {
    records(ids) {
      const out: GoodsRecord[] = [];
      for (const id of ids) {
        const [kind, recordId = ""] = id.split(/:(.*)/s);
        const vehicle = kind === "vehicle" ? lists.vehicles().record(recordId) : undefined;
        const firearm = kind === "firearm" ? lists.firearms().record(recordId) : undefined;
        if (vehicle) out.push({ kind: "vehicle", record: vehicle });
        if (firearm) out.push({ kind: "firearm", record: firearm });
      }
      return out;
    },
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
export const NO_GOODS: GoodsLookup = { vehicle: () => [], firearm: () => [], records: () => [] };
