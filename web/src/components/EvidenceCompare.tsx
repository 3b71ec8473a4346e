// The pieces of a side-by-side view: a table of what was declared beside what is listed, and a serial or
// number written character by character with the confusable, unreadable and differing ones marked (by a
// <mark> and its title, and listed in words below, so the marks never rest on colour alone).
import type { ReactNode } from "react";
import { t } from "../i18n";
import type { MarkedChar } from "../lib/evidence";
import { confusableGroup } from "../lib/evidence";

export interface CompareRow {
  label: string;
  declared: ReactNode;
  listed: ReactNode;
  verdict?: ReactNode;
}

export function CompareTable({ caption, rows }: { caption?: string; rows: CompareRow[] }) {
  return (
    <table className="data compare evidence-compare">
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t.evidence.field}</th>
          <th scope="col">{t.evidence.declared}</th>
          <th scope="col">{t.evidence.listed}</th>
          <th scope="col">{t.evidence.verdict}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td>{r.declared ?? "—"}</td>
            <td>{r.listed ?? "—"}</td>
            <td>{r.verdict}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
