import { describe, expect, it } from "vitest";
import { InvalidError } from "../shared/errors.js";
import { oneOfWords, optionalDate, readRecordCsv } from "./record-csv.js";

const spec = {
  what: "test list",
  required: ["id", "status"],
  id: "id",
  checks: [
    ["status", oneOfWords("status", ["lost", "stolen"])],
    ["date", optionalDate("date")],
  ] as const,
  build: (row: { get(c: string): string }) => ({ id: row.get("id"), status: row.get("status") }),
};

function fault(text: string): InvalidError {
  try {
    readRecordCsv(text, spec);
  } catch (e) {
    if (e instanceof InvalidError) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("readRecordCsv", () => {
  it("builds every row when all pass", () => {
    expect(readRecordCsv("id,status,date\nA,Lost,2024-02-29\nB,stolen,\n", spec)).toEqual([
      { id: "A", status: "Lost" },
      { id: "B", status: "stolen" },
    ]);
  });

  it("reports every bad row at once with its line and column, and returns nothing", () => {
    const e = fault("id,status,date\nA,lost,\nA,found,2023-02-29\n,stolen,\nD,stolen,x,extra\n");
    const cells = (e.details as { problems: { cells: unknown[] }[] }).problems.flatMap((p) => p.cells);
    expect(cells).toEqual([
      { line: 3, column: "id", issue: "id A appears twice" },
      { line: 3, column: "status", issue: 'status "found" is not lost or stolen' },
      { line: 3, column: "date", issue: 'date "2023-02-29" is not a YYYY-MM-DD date' },
      { line: 4, column: "id", issue: "id is empty" },
      { line: 5, column: "*", issue: "4 field(s) where the header has 3" },
      { line: 5, column: "date", issue: 'date "x" is not a YYYY-MM-DD date' },
    ]);
    expect(e.message).toMatch(/^test list: 3 invalid row\(s\), line\(s\) 3, 4, 5: /);
  });

  it("refuses a missing column and a list with no records", () => {
    expect(fault("id,date\nA,\n").message).toBe("test list: missing column(s) status");
    expect(fault("id,status\n").message).toBe("test list: no records");
  });
});
