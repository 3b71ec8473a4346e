// Plain-text tables and number formats for the benchmark report.

export type Cell = string | number | undefined;

/** A left-aligned first column and right-aligned figures; `undefined` prints as "–". */
export function renderTable(
  title: string,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
): string {
  const text = rows.map((r) => headers.map((_, i) => (r[i] === undefined ? "–" : String(r[i]))));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [title, line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...text.map(line), ""].join(
    "\n",
  );
}

export const fixed = (x: number | undefined, digits = 3) =>
  x === undefined || Number.isNaN(x) ? undefined : x.toFixed(digits);

export const pct = (x: number | undefined, digits = 1) =>
  x === undefined || Number.isNaN(x) ? undefined : `${(x * 100).toFixed(digits)}%`;

export const ms = (x: number | undefined) =>
  x === undefined || Number.isNaN(x) ? undefined : x < 10 ? `${x.toFixed(3)} ms` : `${x.toFixed(1)} ms`;

export const rate = (x: number | undefined) =>
  x === undefined || Number.isNaN(x) ? undefined : `${Math.round(x).toLocaleString("en-US")}/s`;

export const bytes = (x: number | undefined) =>
  x === undefined || Number.isNaN(x)
    ? undefined
    : `${(x / 1024 / 1024).toFixed(x < 100 * 1024 * 1024 ? 1 : 0)} MB`;

export const ratio = (x: number | undefined) =>
  x === undefined || Number.isNaN(x) || !Number.isFinite(x)
    ? undefined
    : `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×`;

/** "✓" or "✗" after a figure, when a target applies to it. */
export const check = (ok: boolean | undefined) => (ok === undefined ? "" : ok ? " ✓" : " ✗");
