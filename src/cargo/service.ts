// The cargo service: binds the use cases to a database and keeps the in-memory indexes (parties, craft,
// HS nomenclature) in step with the live list version. The indexes are built on first use, so a process
// that never screens cargo pays nothing for them.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import { createScreener } from "../screening/index.js";
import { createCraftIndex } from "../vessels/index.js";
import type { Entity } from "../watchlists/index.js";
import { type AircraftCheckInput, checkAircraft, recordFal1 } from "./check-craft.js";
import { DEFAULT_GOODS_RULES } from "./default-rules.js";
import type { HsNomenclature } from "./hs.js";
import { loadHsNomenclature } from "./hs-file.js";
import { DEFAULT_DUAL_USE_CODES, DEFAULT_PRECURSOR_CODES } from "./indicators.js";
import { readCargoManifest } from "./read-manifest.js";
import { recordCargoManifest } from "./record-manifest.js";
import type { CargoConfig, CargoScreeners } from "./screen.js";

// src/cargo in a checkout, dist/cargo in a build: the repository root is two levels up in both.
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The HS nomenclature kept in the repository (data/real/goods/README.md). */
export const HS_NOMENCLATURE = join(REPO_ROOT, "data", "real", "goods", "hs-nomenclature.csv");

export interface CargoOptions {
  entities: readonly Entity[];
  /** The HS nomenclature CSV; HS_NOMENCLATURE by default. */
  hsPath?: string;
  config?: Partial<CargoConfig>;
  now?: () => Date;
}

export function createCargoService(db: Db, opts: CargoOptions) {
  let entities = opts.entities;
  let screeners: CargoScreeners | undefined;
  let hs: HsNomenclature | undefined;
  const config: CargoConfig = {
    precursorCodes: DEFAULT_PRECURSOR_CODES,
    dualUseCodes: DEFAULT_DUAL_USE_CODES,
    transshipmentPorts: [],
    rules: DEFAULT_GOODS_RULES,
    ...opts.config,
  };
  const build = (): CargoScreeners => {
    hs ??= loadHsNomenclature(opts.hsPath ?? HS_NOMENCLATURE);
    screeners ??= {
      parties: createScreener(entities.filter((e) => e.schema === "organization" || e.schema === "person")),
      craft: createCraftIndex(entities),
      hs,
    };
    return screeners;
  };
  const deps = { db, screeners: build, config, now: opts.now ?? (() => new Date()) };
  return {
    /** A new list version: the next screening builds its indexes from it. */
    swap(next: readonly Entity[]) {
      entities = next;
      screeners = undefined;
    },
    recordManifest: (p: Principal, file: string | Uint8Array, purpose: string, crossingPointId?: string) =>
      recordCargoManifest(deps, p, file, purpose, crossingPointId),
    getManifest: (p: Principal, id: string, purpose: string) => readCargoManifest(db, p, id, purpose),
    checkAircraft: (p: Principal, input: AircraftCheckInput) => checkAircraft(deps, p, input),
    /** A ship's FAL Form 1 as CSV text; its vessel screened against every list that holds vessels. */
    recordFal1: (p: Principal, csv: string, purpose: string, crossingPointId?: string) =>
      recordFal1(deps, p, csv, purpose, crossingPointId),
  };
}

export type CargoService = ReturnType<typeof createCargoService>;
