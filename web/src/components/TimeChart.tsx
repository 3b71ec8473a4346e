// Counts per day on a real time axis: a hand-made SVG on TimeAxes (d3-scale, d3-time). Chosen over a chart
// library because the chart must export as a standalone SVG and PNG (ChartFigure) and keep the page's text
// size: canvas libraries (Chart.js) give no SVG, and the SVG ones (Recharts, Victory) weigh 100+ kB for one
// line chart; d3-scale and d3-time are small, pure and kept by the d3 project.
import { useId, useRef } from "react";
import { formatNumber, t } from "../i18n";
import { useWidth } from "../lib/useWidth";
import { ChartFigure } from "./ChartFigure";
import { type Column, DataTable } from "./DataTable";
import { Axes, type DayValue, day, HEIGHT, layout, longDate } from "./TimeAxes";

/** The figures for screen readers, a row per day. */
function DayTable({ title, days }: { title: string; days: readonly DayValue[] }) {
  const fmt = longDate();
  const columns: Column<DayValue>[] = [
    { key: "date", header: t.charts.axisDate, rowHeader: true, cell: (d) => fmt.format(day(d.date)) },
    { key: "count", header: t.charts.axisCount, cell: (d) => formatNumber(d.value) },
  ];
  return (
    <DataTable caption={title} showCaption hidden columns={columns} rows={days} rowKey={(d) => d.date} />
  );
}

export function TimeChart({
  title,
  days,
  tone,
}: {
  title: string;
  days: readonly DayValue[];
  tone?: "warn";
}) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const titleId = useId();
  const descId = useId();
  const at = layout(days, width);
  const fmt = longDate();
  const points = days.map((d) => ({ ...d, px: at.x(day(d.date)), py: at.y(d.value) }));
  const path = points.map((p, i) => `${i ? "L" : "M"}${p.px.toFixed(1)},${p.py.toFixed(1)}`).join("");
  const total = formatNumber(days.reduce((s, d) => s + d.value, 0));
  const desc = t.charts.desc(title, fmt.format(at.first), fmt.format(at.last), total, formatNumber(at.peak));
  const data = { header: [t.charts.colDate, t.charts.colValue], rows: days.map((d) => [d.date, d.value]) };
  return (
    <ChartFigure title={title} data={data}>
      {(svgRef) => (
        <div ref={box}>
          <svg
            ref={svgRef}
            width={width}
            height={HEIGHT}
            role="img"
            aria-labelledby={titleId}
            aria-describedby={descId}
            className={`time-chart${tone ? ` tone-${tone}` : ""}`}
          >
            <title id={titleId}>{title}</title>
            <desc id={descId}>{desc}</desc>
            <Axes width={width} at={at} />
            <path d={path} className="series" fill="none" />
            {points.map((p) => (
              <circle
                key={p.date}
                cx={p.px}
                cy={p.py}
                r={3.5}
                className="point"
                data-date={p.date}
                data-value={p.value}
              >
                <title>{`${fmt.format(day(p.date))}: ${formatNumber(p.value)}`}</title>
              </circle>
            ))}
          </svg>
          <DayTable title={title} days={days} />
        </div>
      )}
    </ChartFigure>
  );
}
