// The lists and rates of the checks at the post (issue 17), read once at start: the configured files, or
// the fictional samples in data/samples so a fresh clone can demonstrate the checks.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { createRateTable, parseRateCsv } from "../cash/index.js";
import type { Config } from "../config.js";
import { createFirearmIndex, parseFirearmListCsv } from "../firearms/index.js";
import { createStolenVehicleIndex, parseStolenVehicleCsv } from "../vehicles/index.js";

const sample = (path: string) => fileURLToPath(new URL(`../../data/samples/${path}`, import.meta.url));

export async function loadAtPostLists(config: Config) {
  const files = config.atPost ?? {};
  const read = (path: string | undefined, fallback: string) => readFile(path ?? sample(fallback), "utf8");
  return {
    stolenVehicles: createStolenVehicleIndex(
      parseStolenVehicleCsv(await read(files.stolenVehicles, "vehicles/stolen-vehicles.csv")),
    ),
    firearms: createFirearmIndex(
      parseFirearmListCsv(await read(files.firearms, "firearms/firearms-list.csv")),
    ),
    cashRates: createRateTable(parseRateCsv(await read(files.cashRates, "cash/rates.csv"))),
    ...(files.cashThresholdEur ? { cashThresholdEur: files.cashThresholdEur } : {}),
  };
}
