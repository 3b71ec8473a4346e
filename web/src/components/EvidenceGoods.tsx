// A consignment's evidence: each container number with its ISO 6346 check-digit verdict, and each HS code
// beside the declared description and the nomenclature's own text.
import { t } from "../i18n";
import { type ContainerVerdict, containers, type GoodsLine, goodsLines } from "../lib/evidence";
import { type Column, DataTable } from "./DataTable";

const containerColumns = (): Column<ContainerVerdict>[] => [
  { key: "number", header: t.evidence.container, rowHeader: true, className: "mono", cell: (c) => c.number },
  {
    key: "verdict",
    header: t.evidence.verdict,
    cellProps: (c) => ({ "data-valid": c.valid === undefined ? "unknown" : String(c.valid) }),
    cell: (c) =>
      c.valid === true ? `✓ ${t.evidence.checkDigitOk}` : c.valid === false ? `✗ ${c.reason ?? ""}` : "—",
  },
];

export function ContainersTable({ list }: { list: ContainerVerdict[] }) {
  if (list.length === 0) return null;
  return (
    <DataTable
      caption={t.evidence.containers}
      showCaption
      className="evidence-containers"
      testId="evidence-containers"
      columns={containerColumns()}
      rows={list}
      rowKey={(c) => c.number}
      rowClassName={(c) => (c.valid === false ? "row-light-mismatch" : undefined)}
    />
  );
}

const goodsColumns = (): Column<GoodsLine & { line: number }>[] => [
  {
    key: "hsCode",
    header: t.evidence.hsCode,
    rowHeader: true,
    className: "mono",
    cell: (g) => g.hsCode ?? "—",
  },
  { key: "description", header: t.evidence.description, cell: (g) => g.description },
  {
    key: "nomenclature",
    header: t.evidence.nomenclature,
    cell: (g) => (
      <>
        {g.hsDescription ?? "—"}
        {g.hs && g.hs !== "exact" && <span className="muted"> · {t.evidence.hsFound[g.hs] ?? g.hs}</span>}
      </>
    ),
  },
];

export function GoodsTable({ lines }: { lines: GoodsLine[] }) {
  if (lines.length === 0) return null;
  return (
    <DataTable
      caption={t.evidence.goods}
      showCaption
      className="evidence-goods"
      testId="evidence-goods"
      columns={goodsColumns()}
      // Goods lines have no identity beyond their place.
      rows={lines.map((g, line) => ({ ...g, line }))}
      rowKey={(g) => g.line}
    />
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
