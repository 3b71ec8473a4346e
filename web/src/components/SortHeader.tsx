// A sortable column header: a button inside the <th>, with aria-sort telling the current order.
import { t } from "../i18n";
import type { Direction } from "../lib/sort";

export function SortHeader<K extends string>({
  label,
  column,
  sort,
  onSort,
}: {
  label: string;
  column: K;
  sort: { column: K; dir: Direction };
  onSort: (column: K) => void;
}) {
  const active = sort.column === column;
  return (
    <th scope="col" aria-sort={active ? sort.dir : "none"}>
      <button type="button" className="sort" onClick={() => onSort(column)} title={t.manifests.sortBy(label)}>
        {label}
        <span aria-hidden="true">{active ? (sort.dir === "ascending" ? " ▲" : " ▼") : " ↕"}</span>
      </button>
    </th>
  );
}
