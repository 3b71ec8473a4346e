// The consignments of a screened cargo manifest, refers on top (the API's order): each one's result, the
// risk indicators that fired, and, for roles that read screening details, each party with its match and
// the goods and containers with their checks.
import { t } from "../i18n";
import { type Consignment, flagText } from "../lib/cargo";
import { Link } from "../lib/router";
import { ConsignmentGoods, ConsignmentParties } from "./ConsignmentDetails";
import { type Column, DataTable } from "./DataTable";

function consignmentColumns(details: boolean): Column<Consignment>[] {
  const all: (Column<Consignment> | false)[] = [
    {
      key: "result",
      header: t.cargo.colResult,
      cell: (c) => (
        <span className={`badge badge-${c.decision}`}>
          {c.decision === "refer" ? t.cargo.refer : t.cargo.clear}
        </span>
      ),
    },
    {
      key: "reference",
      header: t.cargo.colReference,
      rowHeader: true,
      cell: (c) => (
        <>
          <span className="mono">{c.reference}</span>
          <div className="muted">
            {t.cargo.colLine} {c.index + 1}
            {c.details && ` · ${c.details.source}`}
          </div>
        </>
      ),
    },
    {
      key: "flags",
      header: t.cargo.colFlags,
      cell: (c) =>
        c.flags.length > 0 ? (
          <ul className="flags" data-testid="flags">
            {c.flags.map((f) => (
              <li key={f} data-flag={f}>
                {flagText(f)}
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t.cargo.noFlags}</span>
        ),
    },
    details && {
      key: "parties",
      header: t.cargo.colParties,
      cell: (c) => c.details && <ConsignmentParties details={c.details} />,
    },
    details && {
      key: "goods",
      header: t.cargo.colGoods,
      cell: (c) => c.details && <ConsignmentGoods details={c.details} />,
    },
    {
      key: "alert",
      header: t.cargo.colAlert,
      cell: (c) =>
        c.alertId && (
          <Link href={`/alerts/${encodeURIComponent(c.alertId)}`} aria-label={t.cargo.alertFor(c.reference)}>
            {t.cargo.openAlert}
          </Link>
        ),
    },
  ];
  return all.filter((c): c is Column<Consignment> => c !== false);
}

export function ConsignmentTable({ consignments }: { consignments: Consignment[] }) {
  const details = consignments.some((c) => c.details);
  return (
    <>
      {!details && consignments.length > 0 && <p className="muted">{t.cargo.detailsHidden}</p>}
      <DataTable
        caption={t.cargo.results}
        showCaption
        className="cargo"
        testId="consignments"
        columns={consignmentColumns(details)}
        rows={consignments}
        rowKey={(c) => c.index}
        rowClassName={(c) => (c.decision === "refer" ? "row-refer" : undefined)}
        rowProps={(c) => ({ "data-testid": "consignment", "data-decision": c.decision })}
      />
    </>
  );
}
