// The CLI refuses an option value or a persons file with a code of its own and the params it names, and the
// English catalogue words each refusal exactly as the CLI did, so the same text can be worded from code+params.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LimesError } from "../shared/errors.js";
import { messageOf } from "../shared/messages.js";
import { optionError } from "./options.js";
import { readPersons, rowToQuery } from "./persons.js";

const dir = mkdtempSync(join(tmpdir(), "limes-cli-refusals-"));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
async function readAll(path: string): Promise<void> {
  for await (const _ of readPersons(path));
}
async function refusal(run: () => unknown): Promise<LimesError> {
  try {
    await run();
  } catch (e) {
    expect(e).toBeInstanceOf(LimesError);
    return e as LimesError;
  }
  throw new Error("not refused");
}

const badJson = file("bad.jsonl", '{"full_name":"Ana"}\n{oops\n');
const array = file("array.jsonl", "[1]\n");
const extra = file("extra.jsonl", '{"full_name":"Ana","lane":"3"}\n');
const columns = file("columns.csv", "full_name,lane\nAna,3\n");
const badRow = file("row.csv", "full_name,gender\nAna,q\n");

const cases: [string, () => unknown, Record<string, unknown>][] = [
  [
    "cli_option",
    () => Promise.reject(optionError("--limit", "a whole number", "x")),
    { option: "--limit", value: "x" },
  ],
  ["person_no_name", () => rowToQuery({ gender: "m" }), {}],
  ["person_gender", () => rowToQuery({ full_name: "Ana", gender: "q" }), { gender: "q" }],
  [
    "person_birth_date",
    () => rowToQuery({ full_name: "Ana", date_of_birth: "1.2.1990" }),
    { value: "1.2.1990" },
  ],
  ["person_schema", () => rowToQuery({ full_name: "Ana", schema: "ship" }), { schema: "ship" }],
  ["persons_json", () => readAll(badJson), { path: badJson, line: 2 }],
  ["persons_not_object", () => readAll(array), { path: array, line: 1 }],
  ["persons_fields", () => readAll(extra), { path: extra, line: 1, fields: "lane" }],
  ["persons_file_type", () => readAll(join(dir, "persons.txt")), {}],
  ["persons_columns", () => readAll(columns), { columns: "lane" }],
  [
    "persons_row",
    () => readAll(badRow),
    { path: badRow, line: 2, reason: 'unknown gender "q" (male, female, other)' },
  ],
];

describe("CLI refusals", () => {
  it.each(cases)("%s, worded by the catalogue as the CLI words it", async (code, run, params) => {
    const e = await refusal(run);
    expect(e.code).toBe(code);
    expect(e.params).toMatchObject(params);
    expect(messageOf({ code, params: e.params, message: "not the CLI's text" })).toBe(e.message);
  });
});
