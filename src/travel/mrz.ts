// Machine readable zones (ICAO Doc 9303): passports and ID cards (TD1, TD2, TD3) and visas (MRV-A, MRV-B).
// TD1/TD2/TD3 fields and check digits come from the `mrz` package; it has no visa layouts, so MRV-A/MRV-B
// are read here from their fixed positions (Doc 9303 part 7). OCR noise is repaired before parsing and
// every repair is reported, because a silent repair could hide a forged or misread document.
import { type Details, parse as parseTd } from "mrz";
import { countryCode } from "../shared/countries.js";
import { InvalidError } from "../shared/errors.js";
import { sixDigitDate } from "./dates.js";
import type { Gender, TravelDocument, Traveller } from "./model.js";

export type MrzFormat = "TD1" | "TD2" | "TD3" | "MRV-A" | "MRV-B";

export interface MrzCheck {
  /** `documentNumber`, `birthDate`, `expiryDate`, `personalNumber`, `composite` (check digits) or `birthDate:date`, `expiryDate:date` (calendar validity). */
  field: string;
  valid: boolean;
}

export interface MrzCorrection {
  /** 1-based line and column of the first corrected character. */
  line: number;
  column: number;
  from: string;
  to: string;
  reason: string;
}

export interface MrzResult {
  format: MrzFormat;
  /** Every check passed. Corrections and warnings do not change this; read them too. */
  valid: boolean;
  traveller: Traveller;
  document: TravelDocument;
  checks: MrzCheck[];
  failedChecks: string[];
  corrections: MrzCorrection[];
  warnings: string[];
  /** The lines as parsed, after corrections. */
  lines: string[];
  /**
   * The input had lower-case letters and was read as upper case. An MRZ is upper case by definition, so
   * this is typed text, not a scan: it is accepted (the check digits still decide), and flagged.
   */
  caseNormalised: boolean;
}

const LAYOUTS: { lines: number; length: number }[] = [
  { lines: 3, length: 30 },
  { lines: 2, length: 36 },
  { lines: 2, length: 44 },
];

/** Parses an MRZ read by a document scanner or typed by an officer. Throws InvalidError when it is not an MRZ. */
export function parseMrz(text: unknown): MrzResult {
  if (typeof text !== "string") throw new InvalidError("MRZ must be text");
  const corrections: MrzCorrection[] = [];
  const lines = fitLayout(splitLines(text)).map((row, i) => cleanLine(row, i, corrections));
  const format = formatOf(lines);
  const nameZone = lines.length === 3 ? 2 : 0;
  const nameStart = lines.length === 3 ? 0 : 5;
  const fixed = lines.map((line, i) =>
    i === nameZone ? repairNameFiller(line, i, nameStart, corrections) : repairFiller(line, i, corrections),
  );
  const read = format.startsWith("MRV") ? readVisa(fixed) : readTd(fixed, format);
  const warnings = [...read.warnings];
  const issuing = stateCode(read.issuingState, "issuing state", warnings);
  const nationality = stateCode(read.nationality, "nationality", warnings);
  const checks = [
    ...read.checks,
    { field: "birthDate:date", valid: mrzBirthDate(read.birthDate) !== undefined },
    { field: "expiryDate:date", valid: sixDigitDate(read.expiry, "expiry") !== undefined },
  ];
  const failedChecks = checks.filter((c) => !c.valid).map((c) => c.field);
  const document: TravelDocument = { type: read.documentCode.replace(/</g, ""), number: read.documentNumber };
  if (issuing) document.issuingCountry = issuing;
  const expiry = sixDigitDate(read.expiry, "expiry");
  if (expiry) document.expiry = expiry;
  const traveller: Traveller = {
    surname: read.surname,
    givenNames: read.givenNames,
    role: "passenger",
    documents: [document],
  };
  const gender = sexOf(read.sex);
  if (gender) traveller.gender = gender;
  const birthDate = mrzBirthDate(read.birthDate);
  if (birthDate) traveller.birthDate = birthDate;
  if (nationality) traveller.nationality = nationality;
  return {
    format,
    valid: failedChecks.length === 0,
    traveller,
    document,
    checks,
    failedChecks,
    corrections,
    warnings,
    lines: fixed,
    caseNormalised: corrections.some((c) => c.reason === "lower case"),
  };
}

/** Rows as read, without leading blanks; trailing blanks are kept because they may be filler read as blanks. */
function splitLines(text: string): string[] {
  const rows = text
    .split(/\r\n|\n|\r/)
    .map((r) => r.trimStart())
    .filter((r) => r.length > 0);
  if (rows.length === 0) throw new InvalidError("MRZ is empty");
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
    throw new InvalidError(`MRZ must have 2 or 3 lines, found ${rows.length}`);
  }
  const lengths = LAYOUTS.filter((l) => l.lines === rows.length).map((l) => l.length);
  const text = rows.map((r) => r.trimEnd());
  const length = lengths.find((l) => rows.every((r, i) => text[i]!.length <= l && r.length >= l));
  if (length !== undefined) return rows.map((r) => r.slice(0, length));
  const known = lengths.find((l) => text.some((t) => t.length === l));
  const bad = text.findIndex((t) => t.length !== known);
  if (known !== undefined) {
    throw new InvalidError(`MRZ line ${bad + 1} has ${text[bad]!.length} characters; expected ${known}`);
  }
  const expected = rows.length === 3 ? "30 (TD1)" : "36 (TD2, MRV-B) or 44 (TD3, MRV-A)";
  throw new InvalidError(`MRZ line ${bad + 1} has ${text[bad]!.length} characters; expected ${expected}`);
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
    throw new InvalidError(`MRZ document code "${code}" does not fit a ${size} MRZ: expected ${expected}`);
  }
  if (code[0] === "P") return "TD3";
  throw new InvalidError(
    `MRZ document code "${code}" does not fit a ${size} MRZ: expected P (passport) or V (visa)`,
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

interface RawRead {
  documentCode: string;
  issuingState: string;
  nationality: string;
  documentNumber: string;
  surname: string;
  givenNames: string;
  birthDate: string;
  expiry: string;
  sex: string;
  checks: MrzCheck[];
  warnings: string[];
}

const CHECK_FIELDS: Record<string, string> = {
  documentNumberCheckDigit: "documentNumber",
  birthDateCheckDigit: "birthDate",
  expirationDateCheckDigit: "expiryDate",
  personalNumberCheckDigit: "personalNumber",
  compositeCheckDigit: "composite",
};

// Field checks the `mrz` package makes that this module reports in its own terms instead.
const REPORTED_ELSEWHERE = new Set(["issuingState", "nationality", "birthDate", "expirationDate"]);

function readTd(lines: string[], td: MrzFormat): RawRead {
  let result: ReturnType<typeof parseTd>;
  try {
    result = parseTd(lines);
  } catch (e) {
    throw new InvalidError(`MRZ not readable: ${(e as Error).message}`);
  }
  // The package reads a 2×36 zone with digits in the name line as the pre-2021 French identity card, a
  // national layout whose fields differ from TD2's.
  if (!result.format.startsWith("TD")) {
    throw new InvalidError(`MRZ reads as the ${result.format} layout, not ICAO ${td}; not supported`);
  }
  const raw = (field: string): string => rawOf(result.details.find((d) => d.field === field));
  const checks: MrzCheck[] = [];
  const warnings: string[] = [];
  for (const d of result.details) {
    const check = d.field ? CHECK_FIELDS[d.field] : undefined;
    if (check) checks.push({ field: check, valid: d.valid });
    else if (!d.valid && d.field && !REPORTED_ELSEWHERE.has(d.field)) warnings.push(`${d.label}: ${d.error}`);
  }
  return {
    documentCode: raw("documentCode"),
    issuingState: raw("issuingState"),
    nationality: raw("nationality"),
    documentNumber: result.documentNumber ?? raw("documentNumber").replace(/</g, ""),
    surname: result.fields.lastName ?? "",
    givenNames: result.fields.firstName ?? "",
    birthDate: raw("birthDate"),
    expiry: raw("expirationDate"),
    sex: raw("sex"),
    checks,
    warnings,
  };
}

/** The characters a field was read from; the typings omit `raw`, which the package sets on every range. */
function rawOf(detail: Details | undefined): string {
  const range = detail?.ranges[0] as { raw?: string } | undefined;
  return range?.raw ?? "";
}

/** MRV-A and MRV-B share the TD3/TD2 second line up to the expiry check digit, then carry optional data only. */
function readVisa(lines: string[]): RawRead {
  const [l1, l2] = lines as [string, string];
  const [surname, givenNames] = splitName(l1.slice(5));
  const digit = (field: string, at: number): boolean => {
    const c = l2[at]!;
    return /\d/.test(c) && Number(c) === checkDigit(field);
  };
  return {
    documentCode: l1.slice(0, 2),
    issuingState: l1.slice(2, 5),
    nationality: l2.slice(10, 13),
    documentNumber: l2.slice(0, 9).replace(/</g, ""),
    surname,
    givenNames,
    birthDate: l2.slice(13, 19),
    expiry: l2.slice(21, 27),
    sex: l2[20]!,
    checks: [
      { field: "documentNumber", valid: digit(l2.slice(0, 9), 9) },
      { field: "birthDate", valid: digit(l2.slice(13, 19), 19) },
      { field: "expiryDate", valid: digit(l2.slice(21, 27), 27) },
    ],
    warnings: [],
  };
}

function splitName(zone: string): [string, string] {
  const sep = zone.indexOf("<<");
  const words = (s: string) => s.replace(/<+/g, " ").trim();
  return sep < 0 ? [words(zone), ""] : [words(zone.slice(0, sep)), words(zone.slice(sep + 2))];
}

/** ICAO 9303 part 3 check digit: weights 7, 3, 1; A=10 … Z=35; `<` = 0. */
function checkDigit(field: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    const value = c === 60 ? 0 : c >= 65 ? c - 55 : c - 48;
    sum += value * weights[i % 3]!;
  }
  return sum % 10;
}

/** Unknown birth day or month are written as `<<` (Doc 9303 part 3); keep what is known. */
function mrzBirthDate(raw: string): string | undefined {
  if (/^\d{4}<<$/.test(raw)) return sixDigitDate(`${raw.slice(0, 4)}01`, "birth")?.slice(0, 7);
  if (/^\d{2}<{4}$/.test(raw)) return sixDigitDate(`${raw.slice(0, 2)}0101`, "birth")?.slice(0, 4);
  return sixDigitDate(raw, "birth");
}

function sexOf(c: string): Gender | undefined {
  if (c === "M") return "male";
  if (c === "F") return "female";
  if (c === "X") return "other";
  return undefined;
}

/** ICAO state code → alpha-2 where known; specimen and unknown codes are kept as text with a warning. */
function stateCode(raw: string, what: string, warnings: string[]): string | undefined {
  const code = raw.replace(/</g, "");
  if (!code) return undefined;
  const mapped = countryCode(code);
  if (mapped) return mapped;
  warnings.push(`${what} code "${code}" is not a known country`);
  return code;
}
