// The consignments of a screened cargo manifest, refers on top (the API's order): each one's result, the
// risk indicators that fired, and, for roles that read screening details, each party with its match and
// the goods and containers with their checks.
import { t } from "../i18n";
import { type Consignment, flagText } from "../lib/cargo";
import { Link } from "../lib/router";
import { ConsignmentGoods, ConsignmentParties } from "./ConsignmentDetails";

export function ConsignmentTable({ consignments }: { consignments: Consignment[] }) {
  const details = consignments.some((c) => c.details);
  return (
    <>
      {!details && consignments.length > 0 && <p className="muted">{t.cargo.detailsHidden}</p>}
      <table className="data cargo" data-testid="consignments">
        <caption>{t.cargo.results}</caption>
        <thead>
          <tr>
            <th scope="col">{t.cargo.colResult}</th>
            <th scope="col">{t.cargo.colReference}</th>
            <th scope="col">{t.cargo.colFlags}</th>
            {details && <th scope="col">{t.cargo.colParties}</th>}
            {details && <th scope="col">{t.cargo.colGoods}</th>}
            <th scope="col">{t.cargo.colAlert}</th>
          </tr>
        </thead>
        <tbody>
          {consignments.map((c) => (
            <tr
              key={c.index}
              className={c.decision === "refer" ? "row-refer" : undefined}
              data-testid="consignment"
              data-decision={c.decision}
            >
              <td>
                <span className={`badge badge-${c.decision}`}>
                  {c.decision === "refer" ? t.cargo.refer : t.cargo.clear}
                </span>
              </td>
              <th scope="row">
                <span className="mono">{c.reference}</span>
                <div className="muted">
                  {t.cargo.colLine} {c.index + 1}
                  {c.details && ` · ${c.details.source}`}
                </div>
              </th>
              <td>
                {c.flags.length > 0 ? (
                  <ul className="flags" data-testid="flags">
                    {c.flags.map((f) => (
                      <li key={f} data-flag={f}>
                        {flagText(f)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">{t.cargo.noFlags}</span>
                )}
              </td>
              {details && <td>{c.details && <ConsignmentParties details={c.details} />}</td>}
              {details && <td>{c.details && <ConsignmentGoods details={c.details} />}</td>}
              <td>
                {c.alertId && (
                  <Link
                    href={`/alerts/${encodeURIComponent(c.alertId)}`}
                    aria-label={t.cargo.alertFor(c.reference)}
                  >
                    {t.cargo.openAlert}
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
