// The dashboard: activity per day and per crossing point, and the alerts still open or overdue.
import { useState } from "react";
import { type Bar, BarChart } from "../components/BarChart";
import { ScreenTitle } from "../components/Heading";
import { Async } from "../components/State";
import { t } from "../i18n";
import { api } from "../lib/api";
import { useCrossingPoints } from "../lib/crossingPoints";
import { useApi } from "../lib/useApi";

type Counts = { crossings?: number; screenings?: number; refers?: number; alerts?: number };

interface OverviewStats {
  days?: (Counts & { date?: string; day?: string })[];
  perDay?: (Counts & { date?: string; day?: string })[];
  crossingPoints?: (Counts & { crossingPointId: string | null; name?: string; code?: string })[];
  perCrossingPoint?: (Counts & { crossingPointId: string | null; name?: string; code?: string })[];
  openAlerts: number;
  overdueAlerts: number;
}

const METRICS = ["crossings", "screenings", "refers", "alerts"] as const;
const PERIODS = [7, 14, 30] as const;

export function Overview() {
  const [days, setDays] = useState<number>(14);
  const points = useCrossingPoints();
  const stats = useApi(
    async (signal) =>
      (
        await api<OverviewStats>("GET", "/stats/overview", undefined, {
          query: { days: String(days) },
          signal,
        })
      ).data,
    [days],
  );
  const pointLabel = (id: string | null, code?: string, name?: string) => {
    if (code || name) return code ?? name ?? "";
    const p = points.data?.find((x) => x.id === id);
    return p ? p.code : (id ?? t.overview.unknownCrossingPoint);
  };
  return (
    <section aria-labelledby="overview-title">
      <ScreenTitle id="overview-title">{t.overview.title}</ScreenTitle>
      <form className="card inline-form" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t.overview.title}
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
        {(s) => {
          const perDay = s.perDay ?? s.days ?? [];
          const perPoint = s.perCrossingPoint ?? s.crossingPoints ?? [];
          const anything = [...perDay, ...perPoint].some((c) => METRICS.some((m) => (c[m] ?? 0) > 0));
          return (
            <>
              <dl className="facts card kpis">
                <div>
                  <dt>{t.overview.openAlerts}</dt>
                  <dd className="kpi">{s.openAlerts}</dd>
                </div>
                <div className={s.overdueAlerts > 0 ? "overdue" : undefined}>
                  <dt>{t.overview.overdueAlerts}</dt>
                  <dd className="kpi">{s.overdueAlerts}</dd>
                </div>
              </dl>
              {!anything ? (
                <p className="state empty">{t.overview.empty}</p>
              ) : (
                <>
                  <h2>{t.overview.perDay}</h2>
                  <div className="charts">
                    {METRICS.map((m) => {
                      const bars: Bar[] = perDay.map((d) => ({
                        label: (d.date ?? d.day ?? "").slice(5),
                        value: d[m] ?? 0,
                        tone: m === "refers" || m === "alerts" ? "warn" : "default",
                      }));
                      return (
                        <BarChart
                          key={m}
                          title={t.overview.chartLabel(t.overview[m], t.overview.perDay)}
                          bars={bars}
                        />
                      );
                    })}
                  </div>
                  <h2>{t.overview.perCrossingPoint}</h2>
                  <div className="charts">
                    {METRICS.map((m) => (
                      <BarChart
                        key={m}
                        title={t.overview.chartLabel(t.overview[m], t.overview.perCrossingPoint)}
                        bars={perPoint.map((p) => ({
                          label: pointLabel(p.crossingPointId, p.code, p.name),
                          value: p[m] ?? 0,
                          tone: m === "refers" || m === "alerts" ? "warn" : "default",
                        }))}
                      />
                    ))}
                  </div>
                </>
              )}
            </>
          );
        }}
      </Async>
    </section>
  );
}
