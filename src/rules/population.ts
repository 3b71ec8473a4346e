// The populations a rule's behavioural part is run over (the guard's data check): depersonalised rows of
// `screened_travellers`, turned back into facts, or the committed synthetic population of 10,000 travellers
// (data/population/README.md) when the agency has screened too few. Ages and expiry are kept as bands: a
// band's lower bound stands for the value, which can only make the check select more, never less.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import type { ScreenedTravellerFacts } from "../db/index.js";
import type { Population } from "./guard.js";
import type { Facts } from "./model.js";

const AGE_BANDS = [0, 18, 30, 50, 65] as const;
export const EXPIRY_BANDS = [-3650, -365, -90, -30, 0, 30, 90, 180, 365, 730, 1825, 3650] as const;

export function ageBand(age: number): string {
  const i = AGE_BANDS.findLastIndex((b) => age >= b);
  const next = AGE_BANDS[i + 1];
  return next === undefined ? `${AGE_BANDS[i]}+` : `${AGE_BANDS[Math.max(i, 0)]}-${next - 1}`;
}

export function expiryBand(days: number): number {
  return EXPIRY_BANDS.findLast((b) => days >= b) ?? EXPIRY_BANDS[0];
}

/** What `screened_travellers` keeps of one traveller's facts: nothing that names or numbers them. */
export function depersonalise(f: Facts): ScreenedTravellerFacts {
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  const transit = f["route.transit"];
  const expiry = num(f["document.expiresInDays"]);
  const age = num(f["traveller.age"]);
  const oneWay = f["booking.oneWay"];
  return {
    age_band: age === null ? null : ageBand(age),
    document_type: str(f["document.type"]),
    document_expiry_band: expiry === null ? null : expiryBand(expiry),
    route_origin: str(f["route.origin"]),
    route_destination: str(f["route.destination"]),
    route_transit: Array.isArray(transit) ? transit.join(" ") : null,
    booking_hours: num(f["booking.hoursBeforeDeparture"]),
    booking_payment: str(f["booking.paymentMethod"]),
    booking_one_way: typeof oneWay === "boolean" ? Number(oneWay) : null,
    trips_90d: num(f["travel.tripsLast90Days"]),
    short_trips_90d: num(f["travel.shortTripsLast90Days"]),
    co_travellers_watchlisted: num(f["manifest.watchlistedCoTravellers"]),
  };
}

type Row = { [K in keyof ScreenedTravellerFacts]?: ScreenedTravellerFacts[K] | undefined } & {
  nationality?: string | null;
  sex?: string | null;
};

/** The facts a depersonalised row still gives; protected facts are never needed for the data check. */
export function factsOfRow(r: Row): Facts {
  const f: Facts = {};
  const put = (k: keyof Facts, v: string | number | boolean | string[] | null | undefined) => {
    if (v !== null && v !== undefined && v !== "") f[k] = v;
  };
  put("traveller.nationality", r.nationality);
  put("traveller.sex", r.sex);
  put("document.type", r.document_type);
  put("document.expiresInDays", r.document_expiry_band);
  put("route.origin", r.route_origin);
  put("route.destination", r.route_destination);
  put("route.transit", r.route_transit ? r.route_transit.split(" ") : null);
  put("booking.hoursBeforeDeparture", r.booking_hours);
  put("booking.paymentMethod", r.booking_payment);
  put(
    "booking.oneWay",
    r.booking_one_way === null || r.booking_one_way === undefined ? null : !!r.booking_one_way,
  );
  put("travel.tripsLast90Days", r.trips_90d);
  put("travel.shortTripsLast90Days", r.short_trips_90d);
  put("manifest.watchlistedCoTravellers", r.co_travellers_watchlisted);
  return f;
}

export const SYNTHETIC_FILE = fileURLToPath(
  new URL("../../data/population/synthetic-10000.csv", import.meta.url),
);

/** The columns of a population row, in the order of the synthetic fixture's header. */
export const POPULATION_COLUMNS = [
  "nationality",
  "sex",
  "age_band",
  "document_type",
  "document_expiry_band",
  "route_origin",
  "route_destination",
  "route_transit",
  "booking_hours",
  "booking_payment",
  "booking_one_way",
  "trips_90d",
  "short_trips_90d",
  "co_travellers_watchlisted",
] as const;

const INTEGER_COLUMNS = new Set([
  "document_expiry_band",
  "booking_hours",
  "booking_one_way",
  "trips_90d",
  "short_trips_90d",
  "co_travellers_watchlisted",
]);

let synthetic: Population | undefined;

/** The committed synthetic population, read once. */
export function syntheticPopulation(): Population {
  if (!synthetic) {
    const rows = parse(readFileSync(SYNTHETIC_FILE, "utf8"), {
      columns: true,
      cast: (v, ctx) => (v === "" ? null : INTEGER_COLUMNS.has(String(ctx.column)) ? Number(v) : v),
    }) as Row[];
    synthetic = { label: "the synthetic population (data/population)", facts: rows.map(factsOfRow) };
  }
  return synthetic;
}
