// The one table of the UI: a caption (hidden unless asked to show), column headers with scope, optional
// sorting through SortHeader and sortRows, an empty state, rows whose cells may head the row or span the
// cells after them, and an optional footer.
import { type ReactNode, useState } from "react";
import { type Direction, sortRows } from "../lib/sort";
import { SortHeader } from "./SortHeader";
import { Empty } from "./State";

export interface Column<T> {
  /** Names the column; for a sortable column, the key of the sort. */
  key: string;
  /** The header's text (a sortable column's name in "sort by"). */
  header: string;
  /** What the header shows instead of its text, where it shows more (or hides it visually). */
  headerContent?: ReactNode;
  cell: (row: T) => ReactNode;
  /** Attributes of the cell beyond its class (`dir`, `data-*`). */
  cellProps?: (row: T) => Attributes;
  /** The cell spans this many columns; the cells it covers are left out. */
  colSpan?: (row: T) => number | undefined;
  /** The class of the column's cells (`num`, `mono`). */
  className?: string;
  headerClassName?: string;
  /** The cell is a `<th scope="row">`: what the row is about. */
  rowHeader?: boolean;
  /** Makes the column sortable by this value. */
  sortBy?: (row: T) => string | number;
}

type Attributes = Record<string, string | boolean | undefined>;

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
  rowProps,
  className,
  hidden = false,
  testId,
  empty,
  footer,
  initialSort,
}: {
  caption: string;
  /** Tables under a heading of their own keep the caption for screen readers only. */
  showCaption?: boolean;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  rowClassName?: (row: T) => string | undefined;
  /** Attributes of a row beyond its class (`aria-selected`, `data-*`). */
  rowProps?: (row: T) => Attributes;
  /** Extra classes beside `data`. */
  className?: string;
  /** A chart's figures for screen readers: the table is hidden from sight and styled as nothing. */
  hidden?: boolean;
  testId?: string;
  /** Shown instead of the table when there are no rows; without it an empty table renders. */
  empty?: ReactNode;
  /** The rows of a `<tfoot>` (a total). */
  footer?: ReactNode;
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
    <table
      className={hidden ? "visually-hidden" : className ? `data ${className}` : "data"}
      data-testid={testId}
    >
      <caption className={showCaption ? undefined : "visually-hidden"}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) =>
            c.sortBy ? (
              <SortHeader key={c.key} label={c.header} column={c.key} sort={current} onSort={onSort} />
            ) : (
              <th key={c.key} scope="col" className={c.headerClassName}>
                {c.headerContent ?? c.header}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {shown.map((row) => (
          <tr key={rowKey(row)} className={rowClassName?.(row)} {...rowProps?.(row)}>
            {cells(columns, row)}
          </tr>
        ))}
      </tbody>
      {footer && <tfoot>{footer}</tfoot>}
    </table>
  );
}

/** A row's cells; a cell that spans columns takes the place of those it covers. */
function cells<T>(columns: readonly Column<T>[], row: T): ReactNode[] {
  const out: ReactNode[] = [];
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i]!;
    const span = c.colSpan?.(row);
    const props = { className: c.className, colSpan: span, ...c.cellProps?.(row) };
    out.push(
      c.rowHeader ? (
        <th key={c.key} scope="row" {...props}>
          {c.cell(row)}
        </th>
      ) : (
        <td key={c.key} {...props}>
          {c.cell(row)}
        </td>
      ),
    );
    if (span) i += span - 1;
  }
  return out;
}
