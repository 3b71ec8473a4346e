// A consignment's evidence: each container number with its ISO 6346 check-digit verdict, and each HS code
// beside the declared description and the nomenclature's own text.
import { t } from "../i18n";
import { type ContainerVerdict, containers, type GoodsLine, goodsLines } from "../lib/evidence";

export function ContainersTable({ list }: { list: ContainerVerdict[] }) {
  if (list.length === 0) return null;
  return (
    <table className="data evidence-containers" data-testid="evidence-containers">
      <caption>{t.evidence.containers}</caption>
      <thead>
        <tr>
          <th scope="col">{t.evidence.container}</th>
          <th scope="col">{t.evidence.verdict}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((c) => (
          <tr key={c.number} className={c.valid === false ? "row-light-mismatch" : undefined}>
            <th scope="row" className="mono">
              {c.number}
            </th>
            <td data-valid={c.valid === undefined ? "unknown" : String(c.valid)}>
              {c.valid === true
                ? `✓ ${t.evidence.checkDigitOk}`
                : c.valid === false
                  ? `✗ ${c.reason ?? ""}`
                  : "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function GoodsTable({ lines }: { lines: GoodsLine[] }) {
  if (lines.length === 0) return null;
  return (
    <table className="data evidence-goods" data-testid="evidence-goods">
      <caption>{t.evidence.goods}</caption>
      <thead>
        <tr>
          <th scope="col">{t.evidence.hsCode}</th>
          <th scope="col">{t.evidence.description}</th>
          <th scope="col">{t.evidence.nomenclature}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((g, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: goods lines have no identity beyond their place
          <tr key={i}>
            <th scope="row" className="mono">
              {g.hsCode ?? "—"}
            </th>
            <td>{g.description}</td>
            <td>
              {g.hsDescription ?? "—"}
              {g.hs && g.hs !== "exact" && (
                <span className="muted"> · {t.evidence.hsFound[g.hs] ?? g.hs}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The consignment as declared: its goods and containers, whatever the hits were. */
export function ConsignmentEvidence({ subject }: { subject: Record<string, unknown> }) {
  return (
    <>
      <GoodsTable lines={goodsLines(subject.goods)} />
      <ContainersTable list={containers(subject.containers)} />
    </>
  );
}
