// The second line's queue: overdue first, then by deadline; each deadline counts down on screen. The
// server pages it: the first page loads with the filters, "Show more" appends the next, and the count
// says how many of the total are shown. The queue, with its filters, exports as CSV or FtM JSON lines.
import { useState } from "react";
import { CrossingPointSelect } from "../components/CrossingPointSelect";
import { ExportFile } from "../components/ExportFile";
import { ScreenTitle } from "../components/Heading";
import { Name } from "../components/Name";
import { ShowMore } from "../components/ShowMore";
import { Async } from "../components/State";
import { t } from "../i18n";
import { ALERT_STATUSES, type AlertSummary } from "../lib/alerts";
import { useCrossingPoints } from "../lib/crossingPoints";
import { deadline, fullName } from "../lib/format";
import { usePaged } from "../lib/paging";
import { Link } from "../lib/router";
import { useNow } from "../lib/useApi";

export function AlertQueue() {
  const points = useCrossingPoints();
  const [status, setStatus] = useState("");
  const [crossingPointId, setCrossingPointId] = useState("");
  const [overdue, setOverdue] = useState(false);
  const now = useNow(1000);
  const query = {
    status: status || undefined,
    // Without a status filter the queue shows the work still to do.
    open: status ? undefined : "true",
    crossingPointId: crossingPointId || undefined,
    overdue: overdue ? "true" : undefined,
  };
  const alerts = usePaged<AlertSummary>("/alerts", "alerts", query, [status, crossingPointId, overdue]);
  const pointName = (id: string | null) => {
    const p = points.data?.find((x) => x.id === id);
    return p ? `${p.code} · ${p.name}` : (id ?? "—");
  };

  return (
    <section aria-labelledby="queue-title">
      <ScreenTitle id="queue-title">{t.alerts.title}</ScreenTitle>
      <form className="card inline-form" aria-label={t.alerts.filters} onSubmit={(e) => e.preventDefault()}>
        <CrossingPointSelect
          label={t.alerts.crossingPoint}
          points={points.data}
          value={crossingPointId}
          onChange={setCrossingPointId}
          emptyLabel={t.alerts.anyCrossingPoint}
        />
        <label>
          {t.alerts.status}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t.alerts.anyStatus}</option>
            {ALERT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.status[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="check-label">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
          {t.alerts.overdueOnly}
        </label>
        {alerts.data && (
          <span className="count">{t.alerts.shown(alerts.data.items.length, alerts.data.total)}</span>
        )}
      </form>
      <ExportFile
        path="/alerts/export"
        query={{ status: query.status, open: query.open, crossingPointId: query.crossingPointId }}
        fallbackName="alerts.csv"
        label={t.exports.alertQueue}
      />
      <Async
        resource={alerts}
        errorTitle={t.alerts.failed}
        isEmpty={(a) => a.items.length === 0}
        empty={t.alerts.empty}
      >
        {({ items: list }) => (
          <>
            <table className="data queue">
              <caption className="visually-hidden">{t.alerts.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.alerts.colPriority}</th>
                  <th scope="col">{t.alerts.colReference}</th>
                  <th scope="col">{t.alerts.colTraveller}</th>
                  <th scope="col">{t.alerts.colBorn}</th>
                  <th scope="col">{t.alerts.colNationality}</th>
                  <th scope="col">{t.alerts.colReasons}</th>
                  <th scope="col">{t.alerts.colDeadline}</th>
                  <th scope="col">{t.alerts.colStatus}</th>
                  <th scope="col">{t.alerts.colCrossingPoint}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((a) => {
                  const open = a.status === "open" || a.status === "in_review";
                  const due = deadline(a.dueAt, now);
                  const late = open && (a.overdue || due.overdue);
                  return (
                    <tr key={a.id} className={late ? "row-overdue" : undefined}>
                      <td>
                        <span className={`badge priority-${a.priority}`}>{t.priority[a.priority]}</span>
                      </td>
                      <td className="mono">
                        <Link href={`/alerts/${encodeURIComponent(a.id)}`}>{a.reference}</Link>
                      </td>
                      <td>
                        <Name>{fullName(a.traveller)}</Name>
                      </td>
                      <td>{a.traveller.birthDate ?? "—"}</td>
                      <td>{a.traveller.nationality ?? "—"}</td>
                      <td>
                        {t.alerts.reasons(a.summary.matches, a.summary.documentHits, a.summary.ruleHits)}
                      </td>
                      <td>
                        {open ? (
                          <time dateTime={a.dueAt} className={late ? "overdue" : undefined}>
                            {late && !due.overdue ? t.alerts.overdue : due.text}
                          </time>
                        ) : (
                          "—"
                        )}
                      </td>
                      <td>{t.status[a.status] ?? a.status}</td>
                      <td>{pointName(a.crossingPointId)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <ShowMore list={alerts} />
          </>
        )}
      </Async>
    </section>
  );
}
