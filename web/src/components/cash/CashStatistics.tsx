// The overview's table of cash declared and found, by crossing point, currency and kind of record, over
// the overview's period: the sums in their currency and in euros.
import { formatNumber, t } from "../../i18n";
import { call } from "../../lib/api";
import { euros } from "../../lib/cash";
import { useCrossingPoints } from "../../lib/crossingPoints";
import { useApi } from "../../lib/useApi";
import { Async } from "../State";

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
          <table className="data" data-testid="cash-statistics">
            <thead>
              <tr>
                <th scope="col">{t.cash.colPoint}</th>
                <th scope="col">{t.cash.colCurrency}</th>
                <th scope="col">{t.cash.colKind}</th>
                <th scope="col">{t.cash.colRecords}</th>
                <th scope="col">{t.cash.colAmount}</th>
                <th scope="col">{t.cash.colEur}</th>
              </tr>
            </thead>
            <tbody>
              {s.rows.map((r) => (
                <tr key={`${r.crossingPointId}-${r.currency}-${r.kind}`}>
                  <th scope="row">{pointLabel(r.crossingPointId)}</th>
                  <td>{r.currency}</td>
                  <td>{t.cash.recordKinds[r.kind] ?? r.kind}</td>
                  <td className="num">{formatNumber(r.records)}</td>
                  <td className="num">{formatNumber(r.amount)}</td>
                  <td className="num">{euros(r.eurCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Async>
    </section>
  );
}
