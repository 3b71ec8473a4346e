// The facts a rule can test, read from one traveller and their trip. Pure. A fact the sources do not give
// stays absent, and an absent fact never matches (see evaluate.ts): missing data is not suspicion.
import type { Leg, Traveller } from "../travel/index.js";
import type { Facts } from "./model.js";

export interface TripContext {
  legs?: readonly Leg[];
  /** Other persons on the same manifest referred by watchlist screening. */
  watchlistedCoTravellers?: number;
  /** Crossings of the same identity in the 90 days before this one (from the screened population). */
  tripsLast90Days?: number;
  shortTripsLast90Days?: number;
  /** Booking facts where the carrier sends them (PNR); API data carries none. */
  booking?: { hoursBeforeDeparture?: number; paymentMethod?: string; oneWay?: boolean };
}

const DAY = 86_400_000;

/** ICAO 9303 sex codes, as rule authors write them. */
const SEX = { male: "M", female: "F", other: "X" } as const;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY);
}

/** Whole years on `today`, only from a full birth date: a year alone would guess. */
export function ageOn(birthDate: string | undefined, today: string): number | undefined {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return undefined;
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export function factsFor(t: Traveller, ctx: TripContext, today: string): Facts {
  const f: Facts = {};
  if (t.nationality) f["traveller.nationality"] = t.nationality;
  if (t.gender) f["traveller.sex"] = SEX[t.gender];
  const age = ageOn(t.birthDate, today);
  if (age !== undefined) f["traveller.age"] = age;

  const doc = t.documents[0];
  if (doc?.type) f["document.type"] = doc.type;
  if (doc?.expiry && /^\d{4}-\d{2}-\d{2}$/.test(doc.expiry))
    f["document.expiresInDays"] = daysBetween(today, doc.expiry);

  const legs = ctx.legs ?? [];
  const origin = legs[0]?.departure?.location ?? t.embarkation;
  const destination = legs.at(-1)?.arrival?.location ?? t.disembarkation;
  if (origin) f["route.origin"] = origin;
  if (destination) f["route.destination"] = destination;
  // Every place the trip touches between origin and destination.
  const transit = legs
    .flatMap((l) => [l.departure?.location, l.arrival?.location])
    .filter((x): x is string => !!x && x !== origin && x !== destination);
  if (legs.length > 1) f["route.transit"] = [...new Set(transit)];

  const b = ctx.booking;
  if (b?.hoursBeforeDeparture !== undefined) f["booking.hoursBeforeDeparture"] = b.hoursBeforeDeparture;
  if (b?.paymentMethod) f["booking.paymentMethod"] = b.paymentMethod;
  if (b?.oneWay !== undefined) f["booking.oneWay"] = b.oneWay;
  if (ctx.tripsLast90Days !== undefined) f["travel.tripsLast90Days"] = ctx.tripsLast90Days;
  if (ctx.shortTripsLast90Days !== undefined) f["travel.shortTripsLast90Days"] = ctx.shortTripsLast90Days;
  if (ctx.watchlistedCoTravellers !== undefined)
    f["manifest.watchlistedCoTravellers"] = ctx.watchlistedCoTravellers;
  return f;
}
