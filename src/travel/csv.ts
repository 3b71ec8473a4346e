// Reading the traveller CSV formats (SLTD, FAL 5/6): header-named columns, every bad row reported at once.
import { parse } from "csv-parse/sync";
import { InvalidError } from "../shared/errors.js";

export interface CsvRow {
  /** 1-based line on which the record starts in the file, counting comment and blank lines. */
  line: number;
  get(column: string): string;
  /** Set when the row has another number of fields than the header: its columns cannot be trusted. */
  issue?: string;
}

interface Parsed {
  record: string[];
  info: { lines: number };
}

/**
 * Parses CSV text with a header row. Column names are matched case-insensitively with blanks and dashes
 * read as underscores, so `Issuing Country` and `issuing_country` are the same column. Lines starting
 * with `#` are comments (a `#` inside a field is data).
 */
export function readCsv(text: string, what: string, required: readonly string[]): CsvRow[] {
  let records: Parsed[];
  try {
    // With `info`, csv-parse returns { record, info } pairs; its typings do not follow the option.
    records = parse(text.replace(/^\uFEFF/, ""), {
      comment: "#",
      comment_no_infix: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as Parsed[];
  } catch (e) {
    throw new InvalidError(
      `${what}: not readable as CSV: ${(e as Error).message}`,
      undefined,
      "csv_unreadable",
      {
        what,
        reason: (e as Error).message,
      },
    );
  }
  const [first, ...rows] = records;
  if (!first) throw new InvalidError(`${what}: the file is empty`, undefined, "csv_empty", { what });
  const header = first.record;
  const index = new Map(header.map((h, i) => [columnKey(h), i]));
  const missing = required.filter((c) => !index.has(c));
  if (missing.length > 0)
    throw new InvalidError(
      `${what}: missing column(s) ${missing.join(", ")}`,
      undefined,
      "csv_missing_columns",
      {
        what,
        columns: missing.join(", "),
      },
    );
  return rows.map(({ record, info }) => {
    const row: CsvRow = {
      // csv-parse counts the line where the record ends; a quoted field may span lines.
      line: info.lines - record.join("").split("\n").length + 1,
      get: (column: string) => {
        const at = index.get(column);
        return at === undefined ? "" : (record[at] ?? "");
      },
    };
    if (record.length !== header.length) {
      row.issue = `${record.length} field(s) where the header has ${header.length}`;
    }
    return row;
  });
}

export interface HeaderField {
  /** 1-based line in the file. */
  line: number;
  /** The field's name read like a column name: lower case, blanks and dashes as underscores. */
  key: string;
  value: string;
}

/**
 * The `# field: value` comment lines above the column header (FAL lists, cargo manifests), in file
 * order; the first line that is not a comment ends them. A field not in `known` is left out with a
 * warning, since a misspelt field would otherwise vanish without a word.
 */
export function headerFields(text: string, known: ReadonlySet<string>, warnings: string[]): HeaderField[] {
  const fields: HeaderField[] = [];
  for (const [i, raw] of text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .entries()) {
    const line = raw.trim();
    if (line === "") continue;
    if (!line.startsWith("#")) break;
    const m = /^#\s*([^:]+?)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = columnKey(m[1]!);
    if (known.has(key)) fields.push({ line: i + 1, key, value: m[2]!.trim() });
    else warnings.push(`line ${i + 1}: unknown header field "${m[1]}" ignored`);
  }
  return fields;
}

function columnKey(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

export interface RowProblem {
  line: number;
  issues: string[];
}

/** Rejects a file with every bad row: all line numbers in the message, the first rows' reasons spelled out. */
export function rejectIfProblems(what: string, problems: RowProblem[]): void {
  if (problems.length === 0) return;
  const lines = problems.map((p) => p.line).join(", ");
  const reasons = problems
    .slice(0, 5)
    .map((p) => `line ${p.line}: ${p.issues.join(", ")}`)
    .join("; ");
  throw new InvalidError(
    `${what}: ${problems.length} invalid row(s), line(s) ${lines}: ${reasons}`,
    { problems },
    "csv_invalid_rows",
    { what, rows: problems.length, lines, reasons },
  );
}
