// Reading persons to screen from CSV or JSON lines, in the columns of the screening benchmark files:
// full_name, first_name, middle_name, last_name, gender, date_of_birth, place_of_birth, nationality.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parse } from "csv-parse";
import type { ScreeningQuery } from "../screening/index.js";
import { InvalidError } from "../shared/errors.js";

export const PERSON_COLUMNS = [
  "full_name",
  "first_name",
  "middle_name",
  "last_name",
  "gender",
  "date_of_birth",
  "place_of_birth",
  "nationality",
] as const;

/** Optional extra columns: document number and issuing country, other names (';'-separated). */
const EXTRA_COLUMNS = ["document_number", "document_country", "other_names", "schema"] as const;

type Row = Partial<Record<(typeof PERSON_COLUMNS)[number] | (typeof EXTRA_COLUMNS)[number], string>>;

const GENDERS: Record<string, ScreeningQuery["gender"]> = {
  male: "male",
  m: "male",
  female: "female",
  f: "female",
  other: "other",
  x: "other",
};

/** Maps one input row to a screening query; throws InvalidError with the reason on a bad value. */
export function rowToQuery(row: Row): ScreeningQuery {
  const q: ScreeningQuery = {};
  const v = (k: keyof Row) => row[k]?.trim() || undefined;
  const name = v("full_name");
  if (name) q.name = name;
  const first = v("first_name");
  const middle = v("middle_name");
  const last = v("last_name");
  if (first) q.firstName = first;
  if (middle) q.middleName = middle;
  if (last) q.lastName = last;
  if (!name && !first && !last)
    throw new InvalidError(
      "no name: full_name or first_name/last_name is required",
      undefined,
      "person_no_name",
    );
  const gender = v("gender");
  if (gender) {
    const g = GENDERS[gender.toLowerCase()];
    if (!g)
      throw new InvalidError(`unknown gender "${gender}" (male, female, other)`, undefined, "person_gender", {
        gender,
      });
    q.gender = g;
  }
  const dob = v("date_of_birth");
  if (dob) {
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(dob))
      throw new InvalidError(
        `date_of_birth "${dob}" is not YYYY, YYYY-MM or YYYY-MM-DD`,
        undefined,
        "person_birth_date",
        {
          value: dob,
        },
      );
    q.birthDate = dob;
  }
  const pob = v("place_of_birth");
  if (pob) q.placeOfBirth = pob;
  const nat = v("nationality");
  if (nat)
    q.nationalities = nat
      .split(";")
      .map((s) => s.trim())
      .filter(Boolean);
  const doc = v("document_number");
  if (doc) {
    const country = v("document_country");
    q.documents = [country ? { number: doc, country } : { number: doc }];
  }
  const other = v("other_names");
  if (other)
    q.otherNames = other
      .split(";")
      .map((s) => s.trim())
      .filter(Boolean);
  const schema = v("schema");
  if (schema) {
    if (!["person", "organization", "vessel", "aircraft"].includes(schema))
      throw new InvalidError(`unknown schema "${schema}"`, undefined, "person_schema", { schema });
    q.schema = schema as ScreeningQuery["schema"];
  }
  return q;
}

/** Streams persons from a `.csv` or `.jsonl` file; each comes with its row number (from 1). */
export async function* readPersons(path: string): AsyncGenerator<{ row: number; query: ScreeningQuery }> {
  const known = new Set<string>([...PERSON_COLUMNS, ...EXTRA_COLUMNS]);
  if (/\.jsonl?$/i.test(path)) {
    yield* readJsonLines(path, known);
    return;
  }
  if (!/\.csv$/i.test(path))
    throw new InvalidError(`${path}: input must be .csv or .jsonl`, undefined, "persons_file_type", { path });
  const parser = createReadStream(path).pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, trim: true }),
  );
  let row = 0;
  try {
    for await (const rec of parser as AsyncIterable<Record<string, string>>) {
      row++;
      if (row === 1) {
        const unknown = Object.keys(rec).filter((k) => !known.has(k));
        if (unknown.length)
          throw new InvalidError(
            `${path}: unknown column(s) ${unknown.join(", ")}; expected ${PERSON_COLUMNS.join(", ")}`,
            undefined,
            "persons_columns",
            { path, columns: unknown.join(", "), expected: PERSON_COLUMNS.join(", ") },
          );
      }
      yield { row, query: withLocation(path, row + 1, () => rowToQuery(rec)) };
    }
  } catch (e) {
    if (e instanceof InvalidError) throw e;
    throw new InvalidError(`${path}: ${(e as Error).message}`, undefined, "persons_unreadable", {
      path,
      reason: (e as Error).message,
    });
  }
}

/** The `.jsonl` form: one JSON object a line, blank lines skipped. */
async function* readJsonLines(
  path: string,
  known: ReadonlySet<string>,
): AsyncGenerator<{ row: number; query: ScreeningQuery }> {
  const lines = createInterface({
    input: createReadStream(path, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  let row = 0;
  for await (const text of lines) {
    line++;
    if (!text.trim()) continue;
    row++;
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch (e) {
      throw new InvalidError(
        `${path}:${line}: invalid JSON (${(e as Error).message})`,
        undefined,
        "persons_json",
        {
          path,
          line,
          reason: (e as Error).message,
        },
      );
    }
    if (!obj || typeof obj !== "object" || Array.isArray(obj))
      throw new InvalidError(`${path}:${line}: expected a JSON object`, undefined, "persons_not_object", {
        path,
        line,
      });
    const unknown = Object.keys(obj).filter((k) => !known.has(k));
    if (unknown.length)
      throw new InvalidError(
        `${path}:${line}: unknown field(s) ${unknown.join(", ")}`,
        undefined,
        "persons_fields",
        {
          path,
          line,
          fields: unknown.join(", "),
        },
      );
    yield {
      row,
      query: withLocation(path, line, () => rowToQuery(stringify(obj as Record<string, unknown>))),
    };
  }
}

function stringify(obj: Record<string, unknown>): Row {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj))
    if (v !== null && v !== undefined) out[k] = Array.isArray(v) ? v.join(";") : String(v);
  return out as Row;
}

function withLocation<T>(path: string, line: number, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw new InvalidError(`${path}:${line}: ${(e as Error).message}`, undefined, "persons_row", {
      path,
      line,
      reason: (e as Error).message,
    });
  }
}
