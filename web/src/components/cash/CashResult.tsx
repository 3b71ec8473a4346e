// A recorded cash declaration or finding: each sum converted to euros with the rate and its date, the
// total against the threshold, and for a control what it found.
import { formatNumber, t } from "../../i18n";
import type { Reply } from "../../lib/api";
import { euros } from "../../lib/cash";
import { type Column, DataTable } from "../DataTable";

export type DeclarationReply = Reply<"/api/v1/cash/declarations", "post">;
export type DetectionReply = Reply<"/api/v1/cash/detections", "post">;
export type CashReply = DeclarationReply | DetectionReply;

const itemColumns = (): Column<CashReply["items"][number]>[] => [
  { key: "kind", header: t.cash.kind, cell: (i) => t.cash.kinds[i.kind] ?? i.kind },
  {
    key: "amount",
    header: t.cash.amount,
    className: "num",
    cell: (i) => `${i.currency} ${formatNumber(i.amount)}`,
  },
  {
    key: "rate",
    header: t.cash.rate,
    className: "num",
    cell: (i) =>
      i.currency === "EUR" ? "—" : `${formatNumber(i.rate.perEur)} (${t.cash.rateDate} ${i.rate.date})`,
  },
  { key: "eur", header: t.cash.eur, className: "num", cell: (i) => euros(i.eurCents) },
];

export function CashResult({ result }: { result: CashReply }) {
  const finding = "finding" in result ? result.finding : undefined;
  return (
    <section className="card" aria-labelledby="cash-result" data-testid="cash-result">
      <h2 id="cash-result">{t.cash.resultTitle}</h2>
      <DataTable
        caption={t.cash.resultTitle}
        columns={itemColumns()}
        rows={result.items}
        rowKey={(i) => `${i.kind}-${i.currency}-${i.amount}`}
        footer={
          <tr>
            <th scope="row" colSpan={3}>
              {t.cash.total}
            </th>
            <td className="num" data-testid="cash-total">
              {t.cash.eur} {euros(result.totalEurCents)}
            </td>
          </tr>
        }
      />
      <p data-testid="cash-threshold">{t.cash.threshold(formatNumber(result.thresholdEur))}</p>
      <p className={`notice ${result.reachesThreshold ? "notice-pending" : "notice-ok"}`}>
        {result.reachesThreshold ? t.cash.reaches : t.cash.below}
      </p>
      {finding && (
        <p
          className={`notice ${finding === "undeclared" || finding === "incomplete" ? "notice-bad" : "notice-ok"}`}
        >
          {t.cash.findings[finding]}
        </p>
      )}
      <p className="muted">
        {t.cash.recordId}: <span className="mono">{result.id}</span>
      </p>
    </section>
  );
}
