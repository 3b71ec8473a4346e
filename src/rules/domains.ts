// The declared domain of every fact a rule may test, in one table: its type, its values or range, how often
// it is present, and how its values are spread. The guard reasons over these to tell a test that selects a
// few travellers from one that selects nearly everyone (src/rules/selectivity.ts). The figures are
// deliberately coarse: they decide "selective or not", and the data check over a real or synthetic
// population (src/rules/population.ts) backs them with counts. Keep them in step with
// data/population/README.md, which documents the synthetic population drawn from the same marginals.
import type { Field } from "./model.js";

/** A prohibited ground a rule may name only beside a selective behavioural or travel fact (ETIAS Art. 33). */
export type Ground = "nationality" | "sex" | "age";

interface Base {
  /** Share of screened travellers for whom the sources give this fact at all. */
  presence: number;
  ground?: Ground;
}

/** An open set of codes (places, countries, document types): known values with their shares, any other
 * value valid if it fits `pattern`, each with `otherShare`. */
export interface CodeDomain extends Base {
  type: "code";
  pattern: RegExp;
  known: Record<string, number>;
  otherShare: number;
}

/** A closed set of values: anything else can never occur. */
export interface EnumDomain extends Base {
  type: "enum";
  values: Record<string, number>;
}

export interface BooleanDomain extends Base {
  type: "boolean";
  trueShare: number;
}

/** Whole numbers in [min, max]; `cdf` gives P(value ≤ x) at a few points, linear in between. */
export interface IntegerDomain extends Base {
  type: "integer";
  min: number;
  max: number;
  cdf: readonly (readonly [number, number])[];
}

/** A list of codes (the places a trip passes through); `otherShare` is how often one given code is in it. */
export interface CodeListDomain extends Base {
  type: "codes";
  pattern: RegExp;
  otherShare: number;
}

export type Domain = CodeDomain | EnumDomain | BooleanDomain | IntegerDomain | CodeListDomain;

/** Places come as IATA or UN/LOCODE codes, or as written at a land post: any short printable text. */
const PLACE = /^[^\u0000-\u001f]{1,64}$/;

export const DOMAINS: Record<Field, Domain> = {
  "route.origin": { type: "code", presence: 0.97, pattern: PLACE, known: {}, otherShare: 0.02 },
  "route.destination": { type: "code", presence: 0.97, pattern: PLACE, known: {}, otherShare: 0.02 },
  "route.transit": { type: "codes", presence: 0.22, pattern: PLACE, otherShare: 0.04 },
  // Booking facts come from a carrier's PNR: air travellers only, and not every carrier sends them.
  "booking.hoursBeforeDeparture": {
    type: "integer",
    presence: 0.42,
    min: 0,
    max: 8760,
    cdf: [
      [0, 0.01],
      [24, 0.05],
      [72, 0.12],
      [168, 0.25],
      [720, 0.6],
      [2160, 0.9],
      [8760, 1],
    ],
  },
  "booking.paymentMethod": {
    type: "enum",
    presence: 0.42,
    values: { card: 0.82, invoice: 0.06, miles: 0.05, cash: 0.04, voucher: 0.03 },
  },
  "booking.oneWay": { type: "boolean", presence: 0.42, trueShare: 0.3 },
  "document.type": {
    type: "code",
    presence: 0.99,
    pattern: /^[^\u0000-\u001f]{1,40}$/,
    known: { P: 0.86, I: 0.1, V: 0.02, PM: 0.01 },
    otherShare: 0.002,
  },
  "document.expiresInDays": {
    type: "integer",
    presence: 0.97,
    min: -3650,
    max: 3650,
    cdf: [
      [-1, 0.01],
      [30, 0.02],
      [90, 0.05],
      [365, 0.15],
      [1825, 0.6],
      [3650, 1],
    ],
  },
  "document.issuedDaysAgo": {
    type: "integer",
    presence: 0.6,
    min: 0,
    max: 3650,
    cdf: [
      [7, 0.005],
      [30, 0.02],
      [365, 0.17],
      [1825, 0.6],
      [3650, 1],
    ],
  },
  "travel.tripsLast90Days": {
    type: "integer",
    presence: 1,
    min: 0,
    max: 90,
    cdf: [
      [0, 0.55],
      [1, 0.72],
      [2, 0.82],
      [4, 0.91],
      [10, 0.97],
      [30, 0.995],
      [90, 1],
    ],
  },
  "travel.shortTripsLast90Days": {
    type: "integer",
    presence: 1,
    min: 0,
    max: 90,
    cdf: [
      [0, 0.8],
      [1, 0.9],
      [3, 0.97],
      [10, 0.995],
      [90, 1],
    ],
  },
  // Only on a manifest (several persons screened together): air and sea, not a land post.
  "manifest.watchlistedCoTravellers": {
    type: "integer",
    presence: 0.7,
    min: 0,
    max: 500,
    cdf: [
      [0, 0.995],
      [1, 0.998],
      [5, 1],
    ],
  },
  "traveller.nationality": {
    type: "code",
    presence: 0.99,
    pattern: /^[A-Z<]{1,3}$/,
    known: {},
    otherShare: 0.02,
    ground: "nationality",
  },
  "traveller.sex": { type: "enum", presence: 0.97, values: { M: 0.52, F: 0.47, X: 0.01 }, ground: "sex" },
  "traveller.age": {
    type: "integer",
    presence: 0.95,
    min: 0,
    max: 120,
    cdf: [
      [17, 0.12],
      [29, 0.3],
      [49, 0.68],
      [64, 0.9],
      [120, 1],
    ],
    ground: "age",
  },
};

/** P(value ≤ x) of an integer domain, linear between the declared points. */
export function cdfAt(d: IntegerDomain, x: number): number {
  if (x < d.min) return 0;
  if (x >= d.max) return 1;
  let prev: readonly [number, number] = [d.min - 1, 0];
  for (const point of d.cdf) {
    if (x <= point[0]) return prev[1] + ((point[1] - prev[1]) * (x - prev[0])) / (point[0] - prev[0]);
    prev = point;
  }
  return 1;
}
