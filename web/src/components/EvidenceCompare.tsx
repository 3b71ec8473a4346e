// The pieces of a side-by-side view: a table of what was declared beside what is listed, and a serial or
// number written character by character with the confusable, unreadable and differing ones marked (by a
// <mark> and its title, and listed in words below, so the marks never rest on colour alone).
import type { ReactNode } from "react";
import { t } from "../i18n";
import type { MarkedChar } from "../lib/evidence";
import { confusableGroup } from "../lib/evidence";
import { type Column, DataTable } from "./DataTable";

export interface CompareRow {
  label: string;
  declared: ReactNode;
  listed: ReactNode;
  verdict?: ReactNode;
}

const compareColumns = (): Column<CompareRow>[] => [
  { key: "field", header: t.evidence.field, rowHeader: true, cell: (r) => r.label },
  { key: "declared", header: t.evidence.declared, cell: (r) => r.declared ?? "—" },
  { key: "listed", header: t.evidence.listed, cell: (r) => r.listed ?? "—" },
  { key: "verdict", header: t.evidence.verdict, cell: (r) => r.verdict },
];

/** Without a caption of its own, the table is named for screen readers as the evidence. */
export function CompareTable({ caption, rows }: { caption?: string; rows: CompareRow[] }) {
  return (
    <DataTable
      caption={caption ?? t.evidence.title}
      showCaption={caption !== undefined}
      className="compare evidence-compare"
      columns={compareColumns()}
      rows={rows}
      rowKey={(r) => r.label}
    />
  );
}

const MARK_TEXT: Record<string, () => string> = {
  confusable: () => t.evidence.confusableMark,
  unreadable: () => t.evidence.unreadableMark,
  differs: () => t.evidence.differs,
};

/** One side of a comparison, character by character; `testId` names it for tests and tools. */
export function MarkedText({
  chars,
  side,
  testId,
}: {
  chars: MarkedChar[];
  side: "declared" | "listed";
  testId?: string;
}) {
  return (
    <span className="mono marked" data-testid={testId}>
      {chars.map((c) => {
        const ch = c[side] || "·";
        if (c.mark === "same") return <span key={c.position}>{ch}</span>;
        return (
          <mark key={c.position} className={`mark-${c.mark}`} title={MARK_TEXT[c.mark]?.()}>
            {ch}
          </mark>
        );
      })}
    </span>
  );
}

/** The marked positions in words: which characters were confused, unreadable or differ. */
export function MarkLegend({ chars }: { chars: MarkedChar[] }) {
  const marked = chars.filter((c) => c.mark !== "same");
  if (marked.length === 0) return null;
  return (
    <ul className="mark-legend" aria-label={t.evidence.marksLegend} data-testid="mark-legend">
      {marked.map((c) => (
        <li key={c.position} className={`legend-${c.mark}`}>
          {c.mark === "confusable"
            ? `${t.evidence.confusable(c.position, c.declared, c.listed)} ${confusableGroup(c.declared, c.listed) ?? ""}`.trim()
            : c.mark === "unreadable"
              ? t.evidence.unreadable(c.position, c.listed)
              : t.evidence.differsAt(c.position, c.declared || "—", c.listed || "—")}
        </li>
      ))}
    </ul>
  );
}
