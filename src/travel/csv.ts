// Reading the traveller CSV formats (SLTD, FAL 5/6): header-named columns, every bad row reported at once.
import { parse } from "csv-parse/sync";
import { InvalidError } from "../shared/errors.js";

export interface CsvRow {
  /** 1-based line of the record in the file (the header is line 1). */
  line: number;
  get(column: string): string;
}

/**
 * Parses CSV text with a header row. Column names are matched case-insensitively with blanks and dashes
 * read as underscores, so `Issuing Country` and `issuing_country` are the same column.
 */
export function readCsv(text: string, what: string, required: readonly string[]): CsvRow[] {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (e) {
    throw new InvalidError(`${what}: not readable as CSV: ${(e as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new InvalidError(`${what}: the file is empty`);
  const index = new Map(header.map((h, i) => [columnKey(h), i]));
  const missing = required.filter((c) => !index.has(c));
  if (missing.length > 0) throw new InvalidError(`${what}: missing column(s) ${missing.join(", ")}`);
  return rows.map((cells, i) => ({
    line: i + 2,
    get: (column: string) => {
      const at = index.get(column);
      return at === undefined ? "" : (cells[at] ?? "");
    },
  }));
}

function columnKey(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** Collects per-row problems so a file is rejected with all of them, not just the first. */
export function rejectIfProblems(what: string, problems: string[]): void {
  if (problems.length > 0) {
    throw new InvalidError(`${what}: ${problems.length} invalid row(s): ${problems.slice(0, 5).join("; ")}`, {
      problems,
    });
  }
}
