// The overview's table of cash declared and found, by crossing point, currency and kind of record, over
// the overview's period: the sums in their currency and in euros.
import { formatNumber, t } from "../../i18n";
import { call, type Reply } from "../../lib/api";
import { euros } from "../../lib/cash";
import { useCrossingPoints } from "../../lib/crossingPoints";
import { useApi } from "../../lib/useApi";
import { type Column, DataTable } from "../DataTable";
import { Async } from "../State";

type Row = Reply<"/api/v1/cash/statistics", "get">["rows"][number];

function statColumns(pointLabel: (id: string | null) => string): Column<Row>[] {
  return [
    { key: "point", header: t.cash.colPoint, rowHeader: true, cell: (r) => pointLabel(r.crossingPointId) },
    { key: "currency", header: t.cash.colCurrency, cell: (r) => r.currency },
    { key: "kind", header: t.cash.colKind, cell: (r) => t.cash.recordKinds[r.kind] ?? r.kind },
    { key: "records", header: t.cash.colRecords, className: "num", cell: (r) => formatNumber(r.records) },
    { key: "amount", header: t.cash.colAmount, className: "num", cell: (r) => formatNumber(r.amount) },
    { key: "eur", header: t.cash.colEur, className: "num", cell: (r) => euros(r.eurCents) },
  ];
}

export function CashStatistics({ days }: { days: number }) {
  const points = useCrossingPoints();
  const stats = useApi(
    async (signal) =>
      (await call("get", "/api/v1/cash/statistics", { query: { days: String(days) } }, { signal })).data,
    [days],
  );
  const pointLabel = (id: string | null) =>
    id === null ? t.overview.unknownCrossingPoint : (points.data?.find((p) => p.id === id)?.code ?? id);
  return (
    <section aria-labelledby="cash-stats-title">
      <h2 id="cash-stats-title">{t.cash.statsTitle}</h2>
      <Async
        resource={stats}
        errorTitle={t.cash.statsFailed}
        isEmpty={(s) => s.rows.length === 0}
        empty={t.cash.statsEmpty}
      >
        {(s) => (
          <DataTable
            caption={t.cash.statsTitle}
            testId="cash-statistics"
            columns={statColumns(pointLabel)}
            rows={s.rows}
            rowKey={(r) => `${r.crossingPointId}-${r.currency}-${r.kind}`}
          />
        )}
      </Async>
    </section>
  );
}
