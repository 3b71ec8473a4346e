// The dashboard: activity per day (on a time axis) and per crossing point, and the alerts still open or
// overdue. Each chart downloads as PNG, SVG and CSV for analysts' reports (ChartFigure).
import { useState } from "react";
import { type Bar, BarChart } from "../components/BarChart";
import { CashStatistics } from "../components/cash/CashStatistics";
import { ScreenTitle } from "../components/Heading";
import { Async } from "../components/State";
import { TimeChart } from "../components/TimeChart";
import { t } from "../i18n";
import { call } from "../lib/api";
import { useCrossingPoints } from "../lib/crossingPoints";
import { COUNTERS, type Counter, hasActivity, totalsByCrossingPoint } from "../lib/overview";
import { useApi } from "../lib/useApi";

const PERIODS = [7, 14, 30] as const;
const tone = (c: Counter): Bar["tone"] => (c === "refers" || c === "alertsOpened" ? "warn" : "default");

export function Overview() {
  const [days, setDays] = useState<number>(14);
  const points = useCrossingPoints();
  const stats = useApi(
    async (signal) =>
      (await call("get", "/api/v1/stats/overview", { query: { days: String(days) } }, { signal })).data,
    [days],
  );
  const pointLabel = (id: string | null) =>
    id === null ? t.overview.unknownCrossingPoint : (points.data?.find((p) => p.id === id)?.code ?? id);
  return (
    <section aria-labelledby="overview-title">
      <ScreenTitle id="overview-title">{t.overview.title}</ScreenTitle>
      <form className="card inline-form" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t.overview.period}
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {PERIODS.map((n) => (
              <option key={n} value={n}>
                {t.overview.days(n)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Async resource={stats} errorTitle={t.overview.failed}>
        {(s) => (
          <>
            <p className="muted">{t.overview.range(s.from, s.to)}</p>
            <dl className="facts card kpis">
              <div>
                <dt>{t.overview.openAlerts}</dt>
                <dd className="kpi" data-testid="open-alerts">
                  {s.openAlerts}
                </dd>
              </div>
              <div className={s.overdueAlerts > 0 ? "overdue" : undefined}>
                <dt>{t.overview.overdueAlerts}</dt>
                <dd className="kpi" data-testid="overdue-alerts">
                  {s.overdueAlerts}
                </dd>
              </div>
            </dl>
            {!hasActivity(s) ? (
              <p className="state empty">{t.overview.empty}</p>
            ) : (
              <>
                <h2>{t.overview.perDay}</h2>
                <div className="charts">
                  {COUNTERS.map((c) => (
                    <TimeChart
                      key={c}
                      title={t.overview.chartLabel(t.overview[c], t.overview.perDay)}
                      days={s.daily.map((d) => ({ date: d.date, value: d[c] }))}
                      tone={tone(c) === "warn" ? "warn" : undefined}
                    />
                  ))}
                </div>
                <h2>{t.overview.perCrossingPoint}</h2>
                <div className="charts">
                  {COUNTERS.map((c) => (
                    <BarChart
                      key={c}
                      title={t.overview.chartLabel(t.overview[c], t.overview.perCrossingPoint)}
                      bars={totalsByCrossingPoint(s.byCrossingPoint).map((p) => ({
                        label: pointLabel(p.crossingPointId),
                        value: p[c],
                        tone: tone(c),
                      }))}
                    />
                  ))}
                </div>
              </>
            )}
          </>
        )}
      </Async>
      <CashStatistics days={days} />
    </section>
  );
}
