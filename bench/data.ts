// The benchmark's inputs: the real sample data kept in the repository, read once, mapped to screening queries.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { ScreeningQuery } from "../src/screening/index.js";
import type { Entity } from "../src/watchlists/model.js";
import { REAL_DATA, SAMPLES } from "../test/support/paths.js";

export const DATA_FILES = {
  cases: join(REAL_DATA, "bench", "name-pairs", "cases.csv"),
  logicV2: join(REAL_DATA, "bench", "name-pairs", "logicv2-frozen.csv"),
  untreated: join(REAL_DATA, "bench", "screening", "positives_un_untreated.csv"),
  treated: join(REAL_DATA, "bench", "screening", "positives_un_treated.csv"),
  negatives: join(REAL_DATA, "bench", "screening", "negatives_us.csv"),
  unXml: join(SAMPLES, "un-sc-consolidated.xml"),
  ofacSdn: join(SAMPLES, "ofac-sdn", "sdn.csv"),
} as const;

/** Paths of the sample files that are not where CI lays them out (data/real and data/samples). */
export function missingDataFiles(): string[] {
  return Object.values(DATA_FILES).filter((p) => !existsSync(p));
}

export function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true, skip_empty_lines: true, bom: true });
}

/** One row of the screening benchmark files, in their own column names. */
export interface PersonRow {
  full_name: string;
  first_name: string;
  middle_name: string;
  last_name: string;
  gender: string;
  date_of_birth: string;
  place_of_birth: string;
  nationality: string;
}

export function readPersons(path: string): PersonRow[] {
  return readCsv(path).map((r) => ({
    full_name: r.full_name ?? "",
    first_name: r.first_name ?? "",
    middle_name: r.middle_name ?? "",
    last_name: r.last_name ?? "",
    gender: r.gender ?? "",
    date_of_birth: r.date_of_birth ?? "",
    place_of_birth: r.place_of_birth ?? "",
    nationality: r.nationality ?? "",
  }));
}

const GENDERS: Record<string, ScreeningQuery["gender"]> = { male: "male", female: "female", other: "other" };

/**
 * Input-edge clean-up of a birth date: the treated positives write some dates unpadded (`1969-7-16`),
 * which an entry form would pad before screening. Anything else that is not `YYYY[-MM[-DD]]` is dropped.
 */
export function normaliseBirthDate(s: string): string | undefined {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(s.trim());
  if (!m) return undefined;
  return [m[1], m[2]?.padStart(2, "0"), m[3]?.padStart(2, "0")].filter(Boolean).join("-");
}

export function rowToQuery(row: PersonRow): ScreeningQuery {
  const q: ScreeningQuery = {};
  const set = <K extends keyof ScreeningQuery>(k: K, v: ScreeningQuery[K] | "" | undefined) => {
    if (v) q[k] = v;
  };
  set("name", row.full_name.trim());
  set("firstName", row.first_name.trim());
  set("middleName", row.middle_name.trim());
  set("lastName", row.last_name.trim());
  set("gender", GENDERS[row.gender.trim().toLowerCase()]);
  set("birthDate", normaliseBirthDate(row.date_of_birth));
  if (row.nationality.trim()) q.nationalities = [row.nationality.trim()];
  set("placeOfBirth", row.place_of_birth.trim());
  return q;
}

/** The name string a name-only baseline searches with. */
export function queryName(q: ScreeningQuery): string {
  return q.name ?? [q.firstName, q.middleName, q.lastName].filter(Boolean).join(" ");
}

/** Every n-th element, starting with the first: a deterministic sample. */
export function everyNth<T>(xs: readonly T[], n: number): T[] {
  return xs.filter((_, i) => i % n === 0);
}

export interface Watchlists {
  un: Entity[];
  ofac: Entity[];
  /** UN and OFAC together, as the screener loads them. */
  all: Entity[];
}

export async function loadWatchlists(): Promise<Watchlists> {
  // Loaded on demand so that the name-pair section runs without the importers.
  const { importUnXml } = await import("../src/watchlists/un-xml.js");
  const { importOfacCsv } = await import("../src/watchlists/ofac-csv.js");
  const un = (await importUnXml(DATA_FILES.unXml)).entities;
  const ofac = (await importOfacCsv(DATA_FILES.ofacSdn)).entities;
  return { un, ofac, all: [...un, ...ofac] };
}
