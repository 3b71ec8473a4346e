// Importer for the simple CSV format in which a national authority can keep its own list (data/samples/README.md).
//
// A header row is required; columns may come in any order and all but `id` are optional:
//   id              the list's own reference, unique in the file (becomes sourceRef)
//   schema          person | organization | vessel | aircraft (empty: person)
//   name            full name as listed; when empty, "first_name last_name"
//   first_name      given name(s)
//   last_name       family name
//   aliases         other names, separated by ';'
//   weak_aliases    weak aliases (nicknames, short forms), separated by ';'
//   birth_dates     separated by ';', each YYYY, YYYY-MM, YYYY-MM-DD or a YYYY..YYYY range; a leading '~'
//                   marks it approximate
//   place_of_birth  free text
//   nationalities   country names or ISO 3166-1 alpha-2 codes, separated by ';'
//   gender          male | female | other (or m | f)
//   documents       separated by ';', each type:number:country (country optional), e.g. Passport:AB123456:RS
//   programme       programme(s) or legal basis, separated by ';'
//   listed_on       YYYY, YYYY-MM or YYYY-MM-DD
//   remarks         free text
// Lines starting with '#' are comments. A row with a bad value is reported with its file:line and the
// reason; a CSV syntax error (such as an unclosed quote) or an unknown column rejects the whole file.
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { CsvError, parse } from "csv-parse";
import { countryCode } from "../shared/countries.js";
import { ImportError } from "../shared/errors.js";
import { alias, finishImport, uniqueValues, watchlistFileSize } from "./import-support.js";
import type {
  BirthDate,
  Entity,
  IdentityDocument,
  ImportIssue,
  ImportOptions,
  ImportResult,
  Schema,
} from "./model.js";
import { parseBirthDate, partialDate } from "./partial-date.js";

export const CSV_DEFAULT_LIST = "national";

export const CSV_COLUMNS = [
  "id",
  "schema",
  "name",
  "first_name",
  "last_name",
  "aliases",
  "weak_aliases",
  "birth_dates",
  "place_of_birth",
  "nationalities",
  "gender",
  "documents",
  "programme",
  "listed_on",
  "remarks",
] as const;

type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

const SCHEMAS: readonly Schema[] = ["person", "organization", "vessel", "aircraft"];
const GENDERS: Record<string, "male" | "female" | "other"> = {
  male: "male",
  m: "male",
  female: "female",
  f: "female",
  other: "other",
};

function split(cell: string | undefined): string[] {
  return uniqueValues((cell ?? "").split(";"));
}

interface RowOutcome {
  entity?: Entity;
  problems: string[];
  warnings: string[];
  unmapped: number;
}

function birthDatesIn(cell: string | undefined, problems: string[]): BirthDate[] {
  const birthDates: BirthDate[] = [];
  for (const text of split(cell)) {
    try {
      birthDates.push(parseBirthDate(text));
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  return birthDates;
}

function nationalitiesIn(cell: string | undefined, warnings: string[]) {
  const nationalities: string[] = [];
  const nationalitiesText: string[] = [];
  for (const text of split(cell)) {
    const code = countryCode(text);
    if (code) {
      if (!nationalities.includes(code)) nationalities.push(code);
    } else {
      nationalitiesText.push(text);
      warnings.push(`nationality "${text}" not mapped to a country code; kept as text`);
    }
  }
  return { nationalities, nationalitiesText };
}

/** `type:number` or `type:number:country`, separated by semicolons. */
function documentsIn(cell: string | undefined, problems: string[], warnings: string[]): IdentityDocument[] {
  const documents: IdentityDocument[] = [];
  for (const text of split(cell)) {
    const [type, number, country, ...rest] = text.split(":").map((s) => s.trim());
    if (!type || !number || rest.length > 0) {
      problems.push(`bad document "${text}": expected type:number or type:number:country`);
      continue;
    }
    const doc: IdentityDocument = { type, number };
    if (country) {
      const code = countryCode(country);
      if (code) doc.country = code;
      else {
        doc.countryText = country;
        warnings.push(`document country "${country}" not mapped to a country code; kept as text`);
      }
    }
    documents.push(doc);
  }
  return documents;
}

/** Maps one data row to an entity, collecting every problem in it rather than stopping at the first. */
export function rowToEntity(row: Row, list: string): RowOutcome {
  const problems: string[] = [];
  const warnings: string[] = [];
  const v = (c: Column) => row[c]?.replace(/\s+/g, " ").trim() ?? "";

  const id = v("id");
  if (!id) problems.push("missing id");
  const schemaText = v("schema").toLowerCase() || "person";
  const schema = SCHEMAS.find((s) => s === schemaText);
  if (!schema) problems.push(`unknown schema "${schemaText}": expected ${SCHEMAS.join(", ")}`);
  const given = v("first_name");
  const family = v("last_name");
  const name = v("name") || [given, family].filter(Boolean).join(" ");
  if (!name) problems.push("no name: name or first_name/last_name is required");

  const birthDates = birthDatesIn(row.birth_dates, problems);
  const { nationalities, nationalitiesText } = nationalitiesIn(row.nationalities, warnings);
  const documents = documentsIn(row.documents, problems, warnings);
  // Each country kept as text was worded as one warning.
  const unmapped = nationalitiesText.length + documents.filter((d) => d.countryText !== undefined).length;

  const genderText = v("gender").toLowerCase();
  const gender = genderText ? GENDERS[genderText] : undefined;
  if (genderText && !gender) problems.push(`unknown gender "${genderText}": expected male, female or other`);

  const listedText = v("listed_on");
  const listedOn = listedText ? partialDate(listedText) : undefined;
  if (listedText && !listedOn)
    problems.push(`bad listed_on "${listedText}": expected YYYY, YYYY-MM or YYYY-MM-DD`);

  if (problems.length > 0 || !schema) return { problems, warnings, unmapped };

  const strong = split(row.aliases).filter((a) => a !== name);
  const weak = split(row.weak_aliases).filter((a) => a !== name && !strong.includes(a));
  const entity: Entity = {
    id: `${list}:${id}`,
    list,
    sourceRef: id,
    schema,
    name,
    aliases: [...strong.map((a) => alias(a, "strong")), ...weak.map((a) => alias(a, "weak"))],
    birthDates,
    placesOfBirth: split(row.place_of_birth),
    nationalities,
    documents,
    programmes: split(row.programme),
  };
  if (given || family) entity.nameParts = { ...(given ? { given } : {}), ...(family ? { family } : {}) };
  if (nationalitiesText.length > 0) entity.nationalitiesText = nationalitiesText;
  if (gender) entity.gender = gender;
  if (listedOn) entity.listedOn = listedOn;
  const remarks = v("remarks");
  if (remarks) entity.remarks = remarks;
  return { entity, problems, warnings, unmapped };
}

function checkHeader(header: string[], file: string): Column[] {
  const columns = header.map((h) => h.trim().toLowerCase());
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) {
    const columns = unknown.map((c) => `"${c}"`).join(", ");
    const allowed = CSV_COLUMNS.join(", ");
    throw new ImportError(
      `${file}:1: unknown column(s) ${columns}; allowed: ${allowed}`,
      undefined,
      "csv_unknown_columns",
      { file, columns, allowed },
    );
  }
  const dup = columns.find((c, i) => columns.indexOf(c) !== i);
  if (dup)
    throw new ImportError(`${file}:1: column "${dup}" appears twice`, undefined, "csv_duplicate_column", {
      file,
      column: dup,
    });
  if (!columns.includes("id"))
    throw new ImportError(`${file}:1: the header has no "id" column`, undefined, "csv_no_id_column", {
      file,
    });
  return columns as Column[];
}

/** A file the CSV parser cannot read: the whole file is refused, at the line of the broken record. */
function malformed(err: CsvError, file: string, lastLine: number): ImportError {
  // An unclosed quote swallows the rest of the file, so the broken record starts after the last good one.
  const line = err.code === "CSV_QUOTE_NOT_CLOSED" ? lastLine + 1 : Number(err.lines ?? lastLine + 1);
  const location = `${file}:${line}`;
  return new ImportError(
    `${location}: ${err.message}`,
    [{ severity: "error", location, reason: err.message }],
    "list_malformed",
    { location, reason: err.message },
  );
}

/** Reads a national list in the CSV format above. Locations are `file:line`; sourceRef is the `id` column. */
export async function importCsvList(path: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const total = await watchlistFileSize(path);
  const file = basename(path);
  const list = opts.list ?? CSV_DEFAULT_LIST;
  const issues: ImportIssue[] = [];
  const entities: Entity[] = [];
  const firstSeen = new Map<string, string>();
  let unmappedCountries = 0;
  let columns: Column[] | undefined;

  const input = createReadStream(path);
  let done = 0;
  input.on("data", (chunk) => {
    done += chunk.length;
    opts.onProgress?.(done, total);
  });
  const parser = input.pipe(
    parse({
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      comment: "#",
      comment_no_infix: true,
    }),
  );
  let lastLine = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const location = `${file}:${info.lines}`;
      lastLine = info.lines;
      if (!columns) {
        columns = checkHeader(record, file);
        continue;
      }
      if (record.length !== columns.length) {
        issues.push({
          severity: "error",
          location,
          reason: `expected ${columns.length} columns, found ${record.length}`,
        });
        continue;
      }
      const row: Row = {};
      columns.forEach((c, i) => {
        row[c] = record[i];
      });
      const id = row.id?.trim() || undefined;
      const outcome = rowToEntity(row, list);
      const ref = id ? { sourceRef: id } : {};
      for (const reason of outcome.problems) issues.push({ severity: "error", location, reason, ...ref });
      for (const reason of outcome.warnings) issues.push({ severity: "warning", location, reason, ...ref });
      if (!outcome.entity) continue;
      const seen = firstSeen.get(outcome.entity.sourceRef);
      if (seen) {
        issues.push({ severity: "error", location, reason: `duplicate id (first at ${seen})`, ...ref });
        continue;
      }
      firstSeen.set(outcome.entity.sourceRef, location);
      unmappedCountries += outcome.unmapped;
      entities.push(outcome.entity);
    }
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    input.destroy();
    throw malformed(err, file, lastLine);
  }
  if (!columns) throw new ImportError(`${file}: no header row`, undefined, "csv_no_header", { file });
  return finishImport({ list, format: "csv", path, entities, issues, meta: {}, unmappedCountries }, opts);
}
