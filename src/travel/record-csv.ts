// One reader for the documented record lists of the checks at the post (stolen vehicles, firearms): a
// CSV with a header row, one record a row, each record known by an id column. The list says, per
// column, what a value must be; the reader reports every bad row with its line and the column at fault,
// all at once, and returns no record when any row is bad: a list is taken whole or not at all.
import { InvalidError } from "../shared/errors.js";
import { type CsvRow, type RowProblem, readCsv, rejectIfProblems } from "./csv.js";
import { isoDate } from "./dates.js";

/** What is wrong with a value, or nothing. `row` gives the other columns, for checks that need them. */
export type ColumnCheck = (value: string, row: CsvRow) => string | false | undefined | null;

export interface RecordListSpec<T> {
  /** Named in every message, e.g. `stolen-vehicle list`. */
  what: string;
  /** Columns the header must have. */
  required: readonly string[];
  /** The column that identifies a record: never empty, never twice. */
  id: string;
  /** Checks per column, in the order they are reported. */
  checks: readonly (readonly [column: string, check: ColumnCheck])[];
  /** Builds a record from a row that passed every check. */
  build: (row: CsvRow) => T;
}

/** A fault's place: the line in the file and the column. */
export interface CellProblem {
  line: number;
  column: string;
  issue: string;
}

export function readRecordCsv<T>(text: string, spec: RecordListSpec<T>): T[] {
  const rows = readCsv(text, spec.what, spec.required);
  if (rows.length === 0)
    throw new InvalidError(`${spec.what}: no records`, { problems: [] }, "csv_no_records", {
      what: spec.what,
    });
  const records: T[] = [];
  const problems: (RowProblem & { cells: CellProblem[] })[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const id = row.get(spec.id);
    const cells: CellProblem[] = [];
    const fault = (column: string, issue: string) => cells.push({ line: row.line, column, issue });
    if (row.issue) fault("*", row.issue);
    if (!id) fault(spec.id, `${spec.id} is empty`);
    else if (seen.has(id)) fault(spec.id, `${spec.id} ${id} appears twice`);
    seen.add(id);
    for (const [column, check] of spec.checks) {
      const issue = check(row.get(column), row);
      if (issue) fault(column, issue);
    }
    if (cells.length > 0) problems.push({ line: row.line, issues: cells.map((c) => c.issue), cells });
    else records.push(spec.build(row));
  }
  rejectIfProblems(spec.what, problems);
  return records;
}

/** A check for an optional `YYYY-MM-DD` column: a real calendar date when given. */
export const optionalDate =
  (column: string): ColumnCheck =>
  (v) =>
    v !== "" && !isoDate(v, false) && `${column} "${v}" is not a YYYY-MM-DD date`;

/** A check for a column holding one of a few words, compared in lower case. */
export const oneOfWords =
  (column: string, words: readonly string[]): ColumnCheck =>
  (v) =>
    !words.includes(v.toLowerCase()) &&
    `${column} "${v}" is not ${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
