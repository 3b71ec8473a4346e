// One entry point for an uploaded manifest file, so callers need not know which format a carrier sent.
import { InvalidError } from "../shared/errors.js";
import { parseFalCsv, type VoyageInfo } from "./fal.js";
import type { Manifest } from "./model.js";
import { parsePaxlst } from "./paxlst.js";

/**
 * PAXLST when the text starts with an EDIFACT service or message segment; otherwise a FAL CSV, Form 5 when
 * its header has a rank column and Form 6 when it has a transit column.
 */
export function parseManifestFile(text: string, voyage?: VoyageInfo): Manifest {
  const start = text.replace(/^[\s\uFEFF]+/, "");
  if (/^(UNA|UNB|UNG|UNH|BGM)/.test(start)) return parsePaxlst(text);
  const header = (start.split(/\r?\n/, 1)[0] ?? "").toLowerCase().replace(/[\s-]+/g, "_");
  if (/\brank_or_role\b/.test(header)) return parseFalCsv(text, 5, voyage);
  if (/\btransit\b/.test(header)) return parseFalCsv(text, 6, voyage);
  throw new InvalidError(
    "manifest file is neither PAXLST (EDIFACT) nor a FAL Form 5/6 CSV (rank_or_role or transit column)",
  );
}
