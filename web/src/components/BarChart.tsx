// A small horizontal bar chart in SVG, with the numbers in text too (and a table for screen readers):
// enough for counts per group, without a chart library. Drawn in CSS pixels at the width it is given
// (useWidth), not scaled through a viewBox, so its labels keep the page's text size at any width. In a
// right-to-left language the chart is mirrored: labels on the right, bars growing leftwards. The SVG itself
// is set left to right so that its coordinates and text anchors mean the same in every language.
import { useRef } from "react";
import { LOCALES, locale, t } from "../i18n";
import { useWidth } from "../lib/useWidth";
import { ChartFigure } from "./ChartFigure";
import { type Column, DataTable } from "./DataTable";

export interface Bar {
  label: string;
  value: number;
  /** Shown after the bar instead of the value (e.g. a rate). */
  text?: string;
  tone?: "default" | "warn" | "muted";
}

const ROW = 26;
const LABEL_W = 130;
/** Room after the longest bar for its value text. */
const VALUE_W = 110;

/** The figures for screen readers, a row per bar. */
const barColumns = (): Column<Bar>[] => [
  { key: "label", header: t.charts.colLabel, rowHeader: true, cell: (b) => b.label },
  { key: "value", header: t.charts.colValue, cell: (b) => b.text ?? b.value },
];

export function BarChart({ title, bars, max }: { title: string; bars: readonly Bar[]; max?: number }) {
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const barW = Math.max(40, width - LABEL_W - VALUE_W);
  const rtl = LOCALES[locale].dir === "rtl";
  /** An x measured from the start side (left, or right in a right-to-left language). */
  const at = (x: number) => (rtl ? width - x : x);
  const anchor = (a: "start" | "end") => (rtl ? (a === "start" ? "end" : "start") : a);
  const data = {
    header: [t.charts.colLabel, t.charts.colValue],
    rows: bars.map((b) => [b.label, b.text ?? b.value]),
  };
  return (
    <ChartFigure title={title} data={data}>
      {(svgRef) => (
        <div ref={box}>
          <svg
            ref={svgRef}
            width={width}
            height={bars.length * ROW + 4}
            role="img"
            aria-label={title}
            direction="ltr"
          >
            {bars.map((b, i) => {
              const w = Math.max(b.value > 0 ? 2 : 0, (b.value / top) * barW);
              const y = i * ROW + 2;
              return (
                <g key={b.label}>
                  <text
                    x={at(LABEL_W - 6)}
                    y={y + ROW / 2}
                    dy="0.35em"
                    textAnchor={anchor("end")}
                    className="chart-label"
                  >
                    {b.label}
                  </text>
                  <rect
                    x={rtl ? width - LABEL_W - w : LABEL_W}
                    y={y + 4}
                    width={w}
                    height={ROW - 8}
                    className={`bar bar-${b.tone ?? "default"}`}
                  />
                  <text
                    x={at(LABEL_W + w + 6)}
                    y={y + ROW / 2}
                    dy="0.35em"
                    textAnchor={anchor("start")}
                    className="chart-value"
                  >
                    {b.text ?? String(b.value)}
                  </text>
                </g>
              );
            })}
          </svg>
          <DataTable
            caption={title}
            showCaption
            hidden
            columns={barColumns()}
            rows={bars}
            rowKey={(b) => b.label}
          />
        </div>
      )}
    </ChartFigure>
  );
}
