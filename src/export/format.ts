// The two export formats, pure: CSV (RFC 4180, through csv-stringify) and FollowTheMoney JSON lines.
import { stringify } from "csv-stringify/sync";

export type ExportFormat = "csv" | "ftm";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["csv", "ftm"];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  ftm: "application/x-ndjson; charset=utf-8",
};

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula, so a
 * name or remark crafted that way could run in the analyst's spreadsheet (CSV injection). Such cells get a
 * leading apostrophe, which spreadsheets show as text. Numbers are written as numbers.
 */
function safe(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell !== "string") return String(cell);
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return stringify(
    rows.map((r) => columns.map((c) => safe(r[c]))),
    { header: true, columns: [...columns], record_delimiter: "\r\n" },
  );
}

/** One FtM entity per line: what `ftm` tools and the Limes importer (ftm-jsonl.ts) read. */
export function toJsonl(entities: readonly object[]): string {
  return entities.map((e) => `${JSON.stringify(e)}\n`).join("");
}

/** A traveller as an FtM Person: only the properties the source gave. */
export function travellerToFtm(
  id: string,
  t: { surname: string; givenNames: string; birthDate?: string | null; nationality?: string | null },
  extra: Record<string, (string | undefined)[]> = {},
) {
  const properties: Record<string, string[]> = {};
  const put = (k: string, vs: (string | null | undefined)[]) => {
    const kept = vs.filter((v): v is string => !!v && v.trim() !== "");
    if (kept.length > 0) properties[k] = kept;
  };
  put("name", [[t.givenNames, t.surname].filter(Boolean).join(" ")]);
  put("firstName", [t.givenNames]);
  put("lastName", [t.surname]);
  put("birthDate", [t.birthDate]);
  put("nationality", [t.nationality?.toLowerCase()]);
  for (const [k, vs] of Object.entries(extra)) put(k, vs);
  return { id, schema: "Person", properties };
}
