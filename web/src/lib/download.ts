// Files the browser saves: the API's exports, fetched with the session token in a header (never in a URL,
// so no token and no name reaches a log or the history), and the charts' own PNG, SVG and CSV.
import { stringify } from "csv-stringify/browser/esm/sync";
import { ApiError, queryString, session } from "./api";

/** Saves a blob under `filename` through a temporary link: the browser's own download, nothing stored. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken the blob once the click is handled; the URL must not outlive the page's need.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** `attachment; filename="alerts-2026-12-01.csv"` → the name; `fallback` when the header has none. */
export function filenameOf(disposition: string | null, fallback: string): string {
  const m = disposition?.match(/filename="([^"]+)"/);
  return m?.[1] ?? fallback;
}

/** GETs an export of the API and saves it; the purpose and format go in the query, the token in a header. */
export async function downloadExport(
  path: string,
  query: Record<string, string | undefined>,
  fallbackName: string,
): Promise<string> {
  const token = session.token();
  const res = await fetch(`/api/v1${path}${queryString(query)}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    cache: "no-store",
  }).catch(() => {
    throw new ApiError(0, "network", "The server cannot be reached. Check the connection.", {});
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as
      | { error?: { code: string; message: string; details?: unknown; params?: Record<string, string> } }
      | undefined;
    const e = body?.error;
    throw new ApiError(
      res.status,
      e?.code ?? "http",
      e?.message ?? `HTTP ${res.status}`,
      e?.details,
      e?.params,
    );
  }
  const name = filenameOf(res.headers.get("content-disposition"), fallbackName);
  saveBlob(await res.blob(), name);
  return name;
}

/** Rows as CSV (RFC 4180, via csv-stringify) with a header line. */
export function csvText(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return stringify([header, ...rows] as (string | number)[][]);
}

/** The file name of a chart's download: its title in lower-case ASCII words, dashed. */
export function chartFilename(title: string, ext: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
  return `${base || "chart"}.${ext}`;
}
