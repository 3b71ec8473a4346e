// Loading the HS nomenclature from a file: the only I/O of the goods capability's reference data.
import { readFileSync } from "node:fs";
import { createHsNomenclature, type HsNomenclature, parseHsCsv } from "./hs.js";

export function loadHsNomenclature(path: string): HsNomenclature {
  return createHsNomenclature(parseHsCsv(readFileSync(path, "utf8")));
}
