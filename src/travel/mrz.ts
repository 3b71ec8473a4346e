// Machine readable zones (ICAO Doc 9303): passports and ID cards (TD1, TD2, TD3) and visas (MRV-A, MRV-B).
// TD1/TD2/TD3 fields and check digits come from the `mrz` package; it has no visa layouts, so MRV-A/MRV-B
// are read here from their fixed positions (Doc 9303 part 7). OCR noise is repaired before parsing and
// every repair is reported, because a silent repair could hide a forged or misread document.
import { type Details, parse as parseTd } from "mrz";
import { countryCode } from "../shared/countries.js";
import { InvalidError } from "../shared/errors.js";
import { sixDigitDate } from "./dates.js";
import type { Gender, TravelDocument, Traveller } from "./model.js";
import { type MrzCorrection, type MrzFormat, readRows } from "./mrz-rows.js";

export type { MrzCorrection, MrzFormat } from "./mrz-rows.js";

export interface MrzCheck {
  /** `documentNumber`, `birthDate`, `expiryDate`, `personalNumber`, `composite` (check digits) or `birthDate:date`, `expiryDate:date` (calendar validity). */
  field: string;
  valid: boolean;
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

/** Parses an MRZ read by a document scanner or typed by an officer. Throws InvalidError when it is not an MRZ. */
export function parseMrz(text: unknown): MrzResult {
  if (typeof text !== "string") throw new InvalidError("MRZ must be text", undefined, "mrz_not_text");
  const { format, lines: fixed, corrections } = readRows(text);
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
    throw new InvalidError(`MRZ not readable: ${(e as Error).message}`, undefined, "mrz_unreadable", {
      reason: (e as Error).message,
    });
  }
  // The package reads a 2×36 zone with digits in the name line as the pre-2021 French identity card, a
  // national layout whose fields differ from TD2's.
  if (!result.format.startsWith("TD")) {
    throw new InvalidError(
      `MRZ reads as the ${result.format} layout, not ICAO ${td}; not supported`,
      undefined,
      "mrz_layout",
      { format: result.format, td },
    );
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
