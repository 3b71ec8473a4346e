// One entry point for an uploaded cargo manifest: CUSCAR when it starts with an EDIFACT segment, JSON when
// it starts with `{`, else the CSV form. EDIFACT bytes are decoded by their UNB syntax identifier.

import { InvalidError } from "../shared/errors.js";
import { parseCuscar } from "./cuscar.js";
import { parseCargoCsv } from "./manifest-csv.js";
import { parseCargoJson } from "./manifest-json.js";
import type { CargoManifest } from "./model.js";

export function parseCargoManifest(input: string | Uint8Array): CargoManifest {
  const head =
    typeof input === "string" ? input.slice(0, 64) : Buffer.from(input.subarray(0, 64)).toString("latin1");
  const start = head.replace(/^[\s\uFEFF\u00EF\u00BB\u00BF]+/, "");
  if (/^(UNA|UNB|UNH)/.test(start)) return parseCuscar(input);
  const text = typeof input === "string" ? input : utf8(input);
  if (start.startsWith("{")) return parseCargoJson(text);
  return parseCargoCsv(text);
}

/** CSV and JSON are UTF-8; a byte that is not is refused, never replaced. */
function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InvalidError("cargo manifest: the file is not valid UTF-8 (CSV and JSON manifests are UTF-8)");
  }
}
