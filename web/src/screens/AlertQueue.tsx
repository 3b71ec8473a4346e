// The second line's queue: overdue first, then by deadline; each deadline counts down on screen. The
// server pages it: the first page loads with the filters, "Show more" appends the next, and the count
// says how many of the total are shown. The queue, with its filters, exports as CSV or FtM JSON lines.
import { useState } from "react";
import { CrossingPointSelect } from "../components/CrossingPointSelect";
import { type Column, DataTable } from "../components/DataTable";
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

/** Still to do, and past its deadline by the server's clock or by the one on screen. */
function late(a: AlertSummary, now: number): boolean {
  const open = a.status === "open" || a.status === "in_review";
  return open && (a.overdue || deadline(a.dueAt, now).overdue);
}

function alertColumns(now: number, pointName: (id: string | null) => string): Column<AlertSummary>[] {
  return [
    {
      key: "priority",
      header: t.alerts.colPriority,
      cell: (a) => <span className={`badge priority-${a.priority}`}>{t.priority[a.priority]}</span>,
    },
    {
      key: "reference",
      header: t.alerts.colReference,
      className: "mono",
      cell: (a) => <Link href={`/alerts/${encodeURIComponent(a.id)}`}>{a.reference}</Link>,
    },
    { key: "traveller", header: t.alerts.colTraveller, cell: (a) => <Name>{fullName(a.traveller)}</Name> },
    { key: "born", header: t.alerts.colBorn, cell: (a) => a.traveller.birthDate ?? "—" },
    { key: "nationality", header: t.alerts.colNationality, cell: (a) => a.traveller.nationality ?? "—" },
    {
      key: "reasons",
      header: t.alerts.colReasons,
      cell: (a) => t.alerts.reasons(a.summary.matches, a.summary.documentHits, a.summary.ruleHits),
    },
    { key: "deadline", header: t.alerts.colDeadline, cell: (a) => <Deadline alert={a} now={now} /> },
    { key: "status", header: t.alerts.colStatus, cell: (a) => t.status[a.status] ?? a.status },
    { key: "point", header: t.alerts.colCrossingPoint, cell: (a) => pointName(a.crossingPointId) },
  ];
}

function Deadline({ alert: a, now }: { alert: AlertSummary; now: number }) {
  if (a.status !== "open" && a.status !== "in_review") return <>—</>;
  const due = deadline(a.dueAt, now);
  const overdue = late(a, now);
  return (
    <time dateTime={a.dueAt} className={overdue ? "overdue" : undefined}>
      {overdue && !due.overdue ? t.alerts.overdue : due.text}
    </time>
  );
}

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
            <DataTable
              caption={t.alerts.title}
              className="queue"
              columns={alertColumns(now, pointName)}
              rows={list}
              rowKey={(a) => a.id}
              rowClassName={(a) => (late(a, now) ? "row-overdue" : undefined)}
            />
            <ShowMore list={alerts} />
          </>
        )}
      </Async>
    </section>
  );
}
