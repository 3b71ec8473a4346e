// Generates the synthetic screened population the guard's data check falls back on (10,000 travellers),
// seeded so the committed file is reproducible: `npx tsx bench/population/generate.ts` rewrites
// data/population/synthetic-10000.csv byte for byte. The marginals are documented in
// data/population/README.md; keep the two in step.
import { writeFileSync } from "node:fs";
import type { Facts } from "../../src/rules/index.js";
import { ageBand, depersonalise, POPULATION_COLUMNS, SYNTHETIC_FILE } from "../../src/rules/population.js";
import { prng } from "../../test/support/prng.js";

const SEED = 20261201;
const SIZE = 10_000;

const rand = prng(SEED);

function pick<T extends string>(weights: Record<T, number>): T {
  const total = Object.values<number>(weights).reduce((a, b) => a + b, 0);
  let r = rand() * total;
  for (const [k, w] of Object.entries<number>(weights)) {
    r -= w;
    if (r < 0) return k as T;
  }
  return Object.keys(weights)[0] as T;
}

/** Zipf weights (exponent 1.1) over a list: a few common values and a long tail. */
function zipf(values: readonly string[]): Record<string, number> {
  return Object.fromEntries(values.map((v, i) => [v, 1 / (i + 1) ** 1.1]));
}

const NATIONALITIES = zipf(
  "DEU FRA ITA ESP POL ROU NLD GBR USA TUR UKR SRB ALB MAR CHN IND BRA NGA EGY RUS PAK SYR IRQ AFG BGD VNM PHL MEX COL JPN".split(
    " ",
  ),
);
const AIRPORTS = zipf(
  "FRA LHR CDG AMS IST MAD FCO MUC WAW VIE DXB DOH JFK ATH BCN OTP BEG TIA CMN CAI LOS DEL PEK GRU KBP TLV BKK SIN NBO ADD".split(
    " ",
  ),
);
const PORTS = zipf("DEHAM NLRTM ITGOA GRPIR ESALG MTMLA TRIST HRSPU FRMRS NOOSL".split(" "));
const LAND = zipf("RSHOR HUROS MKBOG ALKAK UABOR PLMED BYBRE ROSTN BGKAP TRKAP".split(" "));

function geometric(pZero: number, mean: number): number {
  if (rand() < pZero) return 0;
  return Math.min(90, 1 + Math.floor(-Math.log(1 - rand()) * mean));
}

function traveller(): Facts {
  const f: Facts = {};
  const mode = pick({ air: 60, land: 30, sea: 10 });
  if (rand() < 0.99) f["traveller.nationality"] = pick(NATIONALITIES);
  if (rand() < 0.97) f["traveller.sex"] = pick({ M: 52, F: 47, X: 1 });
  if (rand() < 0.95) {
    const band = pick({ child: 12, young: 18, mid: 38, older: 22, senior: 10 });
    const [lo, hi] = { child: [0, 17], young: [18, 29], mid: [30, 49], older: [50, 64], senior: [65, 95] }[
      band
    ];
    f["traveller.age"] = lo! + Math.floor(rand() * (hi! - lo! + 1));
  }
  if (rand() < 0.99)
    f["document.type"] = pick(
      mode === "land"
        ? { P: 70, I: 27, V: 1, PM: 1, emergency: 1 }
        : { P: 93, I: 3, V: 2, PM: 1, emergency: 1 },
    );
  if (rand() < 0.97)
    f["document.expiresInDays"] = rand() < 0.01 ? -Math.ceil(rand() * 365) : Math.floor(3650 * rand() ** 0.9);
  const places = mode === "air" ? AIRPORTS : mode === "sea" ? PORTS : LAND;
  if (rand() < 0.97) f["route.origin"] = pick(places);
  if (rand() < 0.97) f["route.destination"] = pick(places);
  if (mode === "air" && rand() < 0.36)
    f["route.transit"] = rand() < 0.8 ? [pick(AIRPORTS)] : [pick(AIRPORTS), pick(AIRPORTS)];
  // Booking facts come from a PNR: air travellers only, on the carriers that send one.
  if (mode === "air" && rand() < 0.7) {
    f["booking.hoursBeforeDeparture"] = Math.min(8760, Math.floor(-Math.log(1 - rand()) * 900));
    f["booking.paymentMethod"] = pick({ card: 82, invoice: 6, miles: 5, cash: 4, voucher: 3 });
    f["booking.oneWay"] = rand() < 0.3;
  }
  const trips = geometric(0.55, 2.5);
  f["travel.tripsLast90Days"] = trips;
  f["travel.shortTripsLast90Days"] = Array.from({ length: trips }, () => rand() < 0.3).filter(Boolean).length;
  if (mode !== "land") f["manifest.watchlistedCoTravellers"] = rand() < 0.995 ? 0 : rand() < 0.8 ? 1 : 2;
  return f;
}

const lines = [POPULATION_COLUMNS.join(",")];
for (let i = 0; i < SIZE; i++) {
  const f = traveller();
  const row: Record<string, unknown> = {
    ...depersonalise(f),
    nationality: f["traveller.nationality"] ?? null,
    sex: f["traveller.sex"] ?? null,
  };
  if (typeof f["traveller.age"] === "number") row.age_band = ageBand(f["traveller.age"]);
  lines.push(
    POPULATION_COLUMNS.map((c) => (row[c] === null || row[c] === undefined ? "" : String(row[c]))).join(","),
  );
}
writeFileSync(SYNTHETIC_FILE, `${lines.join("\n")}\n`);
process.stdout.write(`${SIZE} travellers written to ${SYNTHETIC_FILE}\n`);
