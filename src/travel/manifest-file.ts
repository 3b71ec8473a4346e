// One entry point for an uploaded manifest file, so callers need not know which format a carrier sent.
import { InvalidError } from "../shared/errors.js";
import { invalidUtf8 } from "./edifact-charset.js";
import { parseFalCsv } from "./fal.js";
import type { Manifest } from "./model.js";
import { parsePaxlst } from "./paxlst.js";

/**
 * PAXLST when the text starts with an EDIFACT service or message segment; otherwise a FAL CSV, Form 5 when
 * its column header (the first line that is not blank or a `#` comment) has a rank column and Form 6 when it
 * has a transit column. Raw bytes are decoded here: EDIFACT by the set its UNB names, a CSV as UTF-8, and a
 * byte that is not valid there is refused with its offset rather than replaced.
 */
export function parseManifestFile(input: string | Uint8Array): Manifest {
  const head = typeof input === "string" ? input : Buffer.from(input.subarray(0, 64)).toString("latin1");
  const start = head.replace(/^[\s\uFEFF\u00EF\u00BB\u00BF]+/, "");
  if (/^(UNA|UNB|UNG|UNH|BGM)/.test(start)) return parsePaxlst(input);
  const text = typeof input === "string" ? input : decodeUtf8Csv(input);
  const header = (text.split(/\r?\n/).find((l) => l.trim() !== "" && !l.trimStart().startsWith("#")) ?? "")
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  if (/\brank_or_rating\b/.test(header)) return parseFalCsv(text, 5);
  if (/\btransit\b/.test(header)) return parseFalCsv(text, 6);
  throw new InvalidError(
    "manifest file is neither PAXLST (EDIFACT) nor a FAL Form 5/6 CSV (rank_or_rating or transit column)",
    undefined,
    "manifest_format",
  );
}

function decodeUtf8Csv(bytes: Uint8Array): string {
  const bad = invalidUtf8(bytes);
  if (bad !== undefined) {
    const line = 1 + bytes.subarray(0, bad).filter((b) => b === 0x0a).length;
    const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, "0");
    throw new InvalidError(
      `line ${line}, byte offset ${bad}: byte 0x${byte} is not valid UTF-8`,
      { line, offset: bad, byte: bytes[bad] },
      "manifest_not_unicode",
      { line, offset: bad, byte },
    );
  }
  return new TextDecoder("utf-8").decode(bytes);
}
