// Sorting table rows by a column, stable, with the column's own comparison.
export type Direction = "ascending" | "descending";

export function sortRows<T>(rows: readonly T[], key: (row: T) => string | number, dir: Direction): T[] {
  const sign = dir === "ascending" ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, k: key(row) }))
    .sort((a, b) => {
      const c =
        typeof a.k === "number" && typeof b.k === "number"
          ? a.k - b.k
          : String(a.k).localeCompare(String(b.k));
      return c === 0 ? a.i - b.i : sign * c;
    })
    .map((x) => x.row);
}
