// The lists and rates of the checks at the post (issue 17), read once at start: a list a watchlist
// manager uploaded (PUT /goods-lists/...) when there is one, else the configured files, or the fictional
// samples in data/samples so a fresh clone can demonstrate the checks.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { createRateTable, parseRateCsv } from "../cash/index.js";
import type { Config } from "../config.js";
import type { Db } from "../db/index.js";
import { createFirearmIndex, parseFirearmListCsv } from "../firearms/index.js";
import { findGoodsList, type GoodsListKind } from "../goods-lists/index.js";
import { createStolenVehicleIndex, parseStolenVehicleCsv } from "../vehicles/index.js";

const sample = (path: string) => fileURLToPath(new URL(`../../data/samples/${path}`, import.meta.url));

export async function loadAtPostLists(config: Config, db: Db) {
  const files = config.atPost ?? {};
  const read = (path: string | undefined, fallback: string) => readFile(path ?? sample(fallback), "utf8");
  const list = async (kind: GoodsListKind, path: string | undefined, fallback: string) =>
    (await findGoodsList(db.kysely, kind))?.csv ?? (await read(path, fallback));
  return {
    stolenVehicles: createStolenVehicleIndex(
      parseStolenVehicleCsv(
        await list("stolen_vehicles", files.stolenVehicles, "vehicles/stolen-vehicles.csv"),
      ),
    ),
    firearms: createFirearmIndex(
      parseFirearmListCsv(await list("firearms", files.firearms, "firearms/firearms-list.csv")),
    ),
    cashRates: createRateTable(parseRateCsv(await read(files.cashRates, "cash/rates.csv"))),
    ...(files.cashThresholdEur ? { cashThresholdEur: files.cashThresholdEur } : {}),
  };
}
