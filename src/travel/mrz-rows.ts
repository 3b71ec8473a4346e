// The rows of an MRZ as scanned or typed, made parseable: split into the layout's rows, upper-cased,
// blanks turned into filler, and OCR's K read for filler repaired. Every change is reported as a
// correction, because a silent repair could hide a forged or misread document.
import { InvalidError } from "../shared/errors.js";

export type MrzFormat = "TD1" | "TD2" | "TD3" | "MRV-A" | "MRV-B";

export interface MrzCorrection {
  /** 1-based line and column of the first corrected character. */
  line: number;
  column: number;
  from: string;
  to: string;
  reason: string;
}

const LAYOUTS: { lines: number; length: number }[] = [
  { lines: 3, length: 30 },
  { lines: 2, length: 36 },
  { lines: 2, length: 44 },
];

/** The rows, cleaned and repaired, the layout they fit and each correction made. */
export function readRows(text: string): { format: MrzFormat; lines: string[]; corrections: MrzCorrection[] } {
  const corrections: MrzCorrection[] = [];
  const lines = fitLayout(splitLines(text)).map((row, i) => cleanLine(row, i, corrections));
  const format = formatOf(lines);
  const nameZone = lines.length === 3 ? 2 : 0;
  const nameStart = lines.length === 3 ? 0 : 5;
  const fixed = lines.map((line, i) =>
    i === nameZone ? repairNameFiller(line, i, nameStart, corrections) : repairFiller(line, i, corrections),
  );
  return { format, lines: fixed, corrections };
}

/** Rows as read, without leading blanks; trailing blanks are kept because they may be filler read as blanks. */
function splitLines(text: string): string[] {
  const rows = text
    .split(/\r\n|\n|\r/)
    .map((r) => r.trimStart())
    .filter((r) => r.length > 0);
  if (rows.length === 0) throw new InvalidError("MRZ is empty", undefined, "mrz_empty");
  return rows.length === 1 ? splitOneRow(rows[0]!.trimEnd()) : rows;
}

/**
 * One row holding all lines separated by blanks. Blanks may also be filler read as spaces, so a split is
 * accepted only where it yields a known layout: first on blank runs, then at the fixed line length with a
 * single separator character.
 */
function splitOneRow(row: string): string[] {
  const tokens = row.split(/\s+/);
  const len = tokens[0]!.length;
  if (
    tokens.every((t) => t.length === len) &&
    LAYOUTS.some((l) => l.lines === tokens.length && l.length === len)
  ) {
    return tokens;
  }
  for (const layout of LAYOUTS) {
    const step = layout.length + 1;
    if (row.length !== layout.lines * step - 1) continue;
    const pieces = Array.from({ length: layout.lines }, (_, i) =>
      row.slice(i * step, i * step + layout.length),
    );
    const separators = pieces.slice(1).map((_, i) => row[(i + 1) * step - 1]!);
    if (separators.every((c) => /\s/.test(c))) return pieces;
  }
  return [row];
}

/**
 * Picks the layout every row fits and cuts the rows to its length. A row may reach the length only with
 * trailing blanks (trailing filler read as blanks, repaired and flagged later); blanks past the length are
 * line-end noise. A row too short or too long is an error: missing characters are not guessed.
 */
function fitLayout(rows: string[]): string[] {
  if (rows.length < 2 || rows.length > 3) {
    throw new InvalidError(`MRZ must have 2 or 3 lines, found ${rows.length}`, undefined, "mrz_line_count", {
      lines: rows.length,
    });
  }
  const lengths = LAYOUTS.filter((l) => l.lines === rows.length).map((l) => l.length);
  const text = rows.map((r) => r.trimEnd());
  const length = lengths.find((l) => rows.every((r, i) => text[i]!.length <= l && r.length >= l));
  if (length !== undefined) return rows.map((r) => r.slice(0, length));
  const known = lengths.find((l) => text.some((t) => t.length === l));
  const bad = text.findIndex((t) => t.length !== known);
  if (known !== undefined) {
    throw lineLength(bad + 1, text[bad]!.length, String(known));
  }
  throw lineLength(
    bad + 1,
    text[bad]!.length,
    rows.length === 3 ? "30 (TD1)" : "36 (TD2, MRV-B) or 44 (TD3, MRV-A)",
  );
}

function lineLength(line: number, length: number, expected: string): InvalidError {
  return new InvalidError(
    `MRZ line ${line} has ${length} characters; expected ${expected}`,
    undefined,
    "mrz_line_length",
    { line, length, expected },
  );
}

/**
 * The document code decides between the layouts of one size (Doc 9303 parts 4 to 7). Any other code is
 * not an ICAO MRZ, and reading it as one would give plausible-looking but wrong fields.
 */
function formatOf(lines: string[]): MrzFormat {
  const code = lines[0]!.slice(0, 2);
  const size = `${lines.length}×${lines[0]!.length}`;
  if (code[0] === "V" && lines.length === 2) return lines[0]!.length === 44 ? "MRV-A" : "MRV-B";
  if (lines.length === 3 || lines[0]!.length === 36) {
    if (/^[ACI][A-UW-Z<]$/.test(code)) return lines.length === 3 ? "TD1" : "TD2";
    const expected =
      lines.length === 3 ? "A, C or I (identity card)" : "A, C or I (identity card) or V (visa)";
    throw documentCode(code, size, expected);
  }
  if (code[0] === "P") return "TD3";
  throw documentCode(code, size, "P (passport) or V (visa)");
}

function documentCode(code: string, size: string, expected: string): InvalidError {
  return new InvalidError(
    `MRZ document code "${code}" does not fit a ${size} MRZ: expected ${expected}`,
    undefined,
    "mrz_document_code",
    { code, size, expected },
  );
}

/** Upper-cases and turns blanks into filler, recording each run changed. */
function cleanLine(row: string, index: number, corrections: MrzCorrection[]): string {
  for (const m of row.matchAll(/\s+/g)) {
    corrections.push({
      line: index + 1,
      column: m.index + 1,
      from: m[0],
      to: "<".repeat(m[0].length),
      reason: "blank read as filler",
    });
  }
  for (const m of row.matchAll(/[a-z]+/g)) {
    corrections.push({
      line: index + 1,
      column: m.index + 1,
      from: m[0],
      to: m[0].toUpperCase(),
      reason: "lower case",
    });
  }
  // Checked before upper-casing: "ß" or "ﬁ" would otherwise become two valid letters and shift the line.
  const bad = /[^A-Za-z0-9<\s]/.exec(row);
  const line = row.replace(/\s/g, "<").toUpperCase();
  if (bad) {
    throw new InvalidError(
      `MRZ line ${index + 1} column ${bad.index + 1}: character "${bad[0]}" is not allowed (A-Z, 0-9 and < only)`,
      undefined,
      "mrz_character",
      { line: index + 1, column: bad.index + 1, character: bad[0] },
    );
  }
  return line;
}

function replaceAt(line: string, at: number, ch: string): string {
  return line.slice(0, at) + ch + line.slice(at + 1);
}

function flagK(line: number, column: number, corrections: MrzCorrection[]): void {
  corrections.push({
    line: line + 1,
    column: column + 1,
    from: "K",
    to: "<",
    reason: "K read inside filler",
  });
}

/**
 * Outside the name, a K with filler (or another K) on both sides and at least one real `<` in its run is
 * filler read as K. Real document and personal numbers rarely hold a K between fillers; a K at a
 * line end is left alone because check digits sit there.
 */
function repairFiller(line: string, index: number, corrections: MrzCorrection[]): string {
  let out = line;
  for (const run of line.matchAll(/[<K]{3,}/g)) {
    if (!run[0].includes("<")) continue;
    for (let i = 1; i < run[0].length - 1; i++) {
      if (run[0][i] !== "K") continue;
      const at = run.index + i;
      out = replaceAt(out, at, "<");
      flagK(index, at, corrections);
    }
  }
  return out;
}

/**
 * In the name, a K is filler only in the trailing run, after two or more fillers, and where it cannot
 * start a given name: either the surname separator `<<` came earlier or three fillers precede it.
 * This keeps `ERIK<<` and the one-letter given name in `SMITH<<K<<<` intact.
 */
function repairNameFiller(line: string, index: number, start: number, corrections: MrzCorrection[]): string {
  const zone = line.slice(start);
  const trail = /[<K]*$/.exec(zone)!;
  let out = line;
  const before = zone.slice(0, trail.index);
  const separatorEarlier = before.includes("<<");
  for (let i = 0; i < trail[0].length; i++) {
    if (trail[0][i] !== "K") continue;
    const preceding = /[<K]*$/.exec(trail[0].slice(0, i))![0].length;
    if (preceding >= 3 || (preceding >= 2 && separatorEarlier)) {
      const at = start + trail.index + i;
      out = replaceAt(out, at, "<");
      flagK(index, at, corrections);
    }
  }
  return out;
}
