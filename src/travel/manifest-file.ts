// One entry point for an uploaded manifest file, so callers need not know which format a carrier sent.
import { InvalidError } from "../shared/errors.js";
import { parseFalCsv } from "./fal.js";
import type { Manifest } from "./model.js";
import { parsePaxlst } from "./paxlst.js";

/**
 * PAXLST when the text starts with an EDIFACT service or message segment; otherwise a FAL CSV, Form 5 when
 * its column header (the first line that is not blank or a `#` comment) has a rank column and Form 6 when it
 * has a transit column.
 */
export function parseManifestFile(text: string): Manifest {
  const start = text.replace(/^[\s\uFEFF]+/, "");
  if (/^(UNA|UNB|UNG|UNH|BGM)/.test(start)) return parsePaxlst(text);
  const header = (start.split(/\r?\n/).find((l) => l.trim() !== "" && !l.trimStart().startsWith("#")) ?? "")
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  if (/\brank_or_rating\b/.test(header)) return parseFalCsv(text, 5);
  if (/\btransit\b/.test(header)) return parseFalCsv(text, 6);
  throw new InvalidError(
    "manifest file is neither PAXLST (EDIFACT) nor a FAL Form 5/6 CSV (rank_or_rating or transit column)",
  );
}
