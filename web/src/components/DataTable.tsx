// The one table of the UI: a caption (hidden unless asked to show), column headers with scope, optional
// sorting through SortHeader and sortRows, an empty state, and rows whose first cell may head the row.
import { type ReactNode, useState } from "react";
import { type Direction, sortRows } from "../lib/sort";
import { SortHeader } from "./SortHeader";
import { Empty } from "./State";

export interface Column<T> {
  /** Names the column; for a sortable column, the key of the sort. */
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** The class of the column's cells (`num`, `mono`). */
  className?: string;
  headerClassName?: string;
  /** The cell is a `<th scope="row">`: what the row is about. */
  rowHeader?: boolean;
  /** Makes the column sortable by this value. */
  sortBy?: (row: T) => string | number;
}

export interface Sort {
  column: string;
  dir: Direction;
}

export function DataTable<T>({
  caption,
  showCaption = false,
  columns,
  rows,
  rowKey,
  rowClassName,
  className,
  empty,
  initialSort,
}: {
  caption: string;
  /** Tables under a heading of their own keep the caption for screen readers only. */
  showCaption?: boolean;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  rowClassName?: (row: T) => string | undefined;
  /** Extra classes beside `data`. */
  className?: string;
  /** Shown instead of the table when there are no rows; without it an empty table renders. */
  empty?: ReactNode;
  initialSort?: Sort;
}) {
  const [sort, setSort] = useState<Sort | undefined>(initialSort);
  if (rows.length === 0 && empty !== undefined) return <Empty>{empty}</Empty>;
  const onSort = (column: string) =>
    setSort((s) => ({
      column,
      dir: s?.column === column && s.dir === "ascending" ? "descending" : "ascending",
    }));
  const by = columns.find((c) => c.key === sort?.column)?.sortBy;
  const shown = sort && by ? sortRows(rows, by, sort.dir) : rows;
  const current = sort ?? { column: "", dir: "ascending" };
  return (
    <table className={className ? `data ${className}` : "data"}>
      <caption className={showCaption ? undefined : "visually-hidden"}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) =>
            c.sortBy ? (
              <SortHeader key={c.key} label={c.header} column={c.key} sort={current} onSort={onSort} />
            ) : (
              <th key={c.key} scope="col" className={c.headerClassName}>
                {c.header}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {shown.map((row) => (
          <tr key={rowKey(row)} className={rowClassName?.(row)}>
            {columns.map((c) =>
              c.rowHeader ? (
                <th key={c.key} scope="row" className={c.className}>
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.key} className={c.className}>
                  {c.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
